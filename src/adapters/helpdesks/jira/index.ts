// The Jira connector: enabled by JIRA_WEBHOOK_SECRET; its REST API (JIRA_URL, JIRA_EMAIL,
// JIRA_API_TOKEN) gives e-mails hidden in the webhook and takes the write-back and the survey link.
import type { AppContext } from "../../../app/context.js";
import type { Config } from "../../../config.js";
import type { Helpdesk } from "../../../ports/helpdesk.js";
import type { HelpdeskConnector } from "../connector.js";
import { surveyLinkWanted, writeBackWanted } from "../write-back-setting.js";
import { JiraApi } from "./api-client.js";
import { checkJira } from "./check.js";
import { JiraPeople } from "./people.js";
import { jiraRouter } from "./router.js";
import { jiraSurveyLink } from "./survey-link.js";
import { jiraWriteBack } from "./write-back.js";

/** What the connector reads of the configuration: its own settings, CAGNOTTE_WRITE_BACK and CAGNOTTE_HELPDESK_SURVEY_LINK. */
export type JiraConnectorConfig = Pick<Config, "jira"> & Partial<Pick<Config, "writeBack" | "surveyLink">>;

export function jiraConnector(ctx: AppContext, config: JiraConnectorConfig): HelpdeskConnector | null {
  const settings = config.jira;
  if (!settings) return null;
  const api = settings.api ? new JiraApi(settings.api) : null;
  const writeBack = writeBackWanted(config, "jira");
  const surveyLink = { wanted: surveyLinkWanted(config, "jira"), field: config.surveyLink?.fields.jira ?? null };
  const helpdesk: Helpdesk = {
    name: "jira",
    writeBack: api && writeBack ? jiraWriteBack(api) : null,
    surveyLink: api && surveyLink.wanted ? jiraSurveyLink(api, surveyLink.field) : null,
    check: () => checkJira(api, { secret: settings.webhookSecret, webhookUrl: `${ctx.publicUrl}/webhooks/jira`, writeBack, surveyLink }),
  };
  return { helpdesk, router: jiraRouter(ctx, { secret: settings.webhookSecret, organizationField: settings.organizationField }, new JiraPeople(api)) };
}
