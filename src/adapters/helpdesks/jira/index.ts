// The Jira connector: enabled by JIRA_WEBHOOK_SECRET; its REST API (JIRA_URL, JIRA_EMAIL,
// JIRA_API_TOKEN) gives e-mails hidden in the webhook and takes the write-back.
import type { AppContext } from "../../../app/context.js";
import type { Config } from "../../../config.js";
import type { Helpdesk } from "../../../ports/helpdesk.js";
import type { HelpdeskConnector } from "../connector.js";
import { writeBackWanted } from "../write-back-setting.js";
import { JiraApi } from "./api-client.js";
import { checkJira } from "./check.js";
import { JiraPeople } from "./people.js";
import { jiraRouter } from "./router.js";
import { jiraWriteBack } from "./write-back.js";

export function jiraConnector(ctx: AppContext, config: Pick<Config, "jira" | "writeBack" | "publicUrl">): HelpdeskConnector | null {
  const settings = config.jira;
  if (!settings) return null;
  const api = settings.api ? new JiraApi(settings.api) : null;
  const wanted = writeBackWanted(config, "jira");
  const helpdesk: Helpdesk = {
    name: "jira",
    writeBack: api && wanted ? jiraWriteBack(api) : null,
    check: () => checkJira({ secret: settings.webhookSecret, api, writeBackWanted: wanted, publicUrl: config.publicUrl }),
  };
  return { helpdesk, router: jiraRouter(ctx, { secret: settings.webhookSecret, organizationField: settings.organizationField }, new JiraPeople(api)) };
}
