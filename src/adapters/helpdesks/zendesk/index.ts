// The Zendesk connector: POST /webhooks/zendesk, the API look-ups, the write-back, the survey link
// and the settings check. Null when ZENDESK_WEBHOOK_SECRET is not set.
import type { AppContext } from "../../../app/context.js";
import type { Config } from "../../../config.js";
import type { Helpdesk } from "../../../ports/helpdesk.js";
import type { HelpdeskConnector } from "../connector.js";
import { surveyLinkWanted, writeBackWanted } from "../write-back-setting.js";
import { zendeskApi } from "./api-client.js";
import { checkZendesk } from "./check.js";
import { zendeskPeople } from "./people.js";
import { zendeskRouter } from "./router.js";
import { zendeskSurveyLink } from "./survey-link.js";
import { zendeskWriteBack } from "./write-back.js";

/** What the connector reads of the configuration: its own settings, CAGNOTTE_WRITE_BACK and CAGNOTTE_HELPDESK_SURVEY_LINK. */
export type ZendeskConnectorConfig = Pick<Config, "zendesk"> & Partial<Pick<Config, "writeBack" | "surveyLink">>;

export function zendeskConnector(ctx: AppContext, config: ZendeskConnectorConfig): HelpdeskConnector | null {
  const settings = config.zendesk;
  if (!settings) return null;
  const api = settings.api ? zendeskApi(settings.api) : null;
  const writeBack = writeBackWanted(config, "zendesk");
  const surveyLink = { wanted: surveyLinkWanted(config, "zendesk"), field: config.surveyLink?.fields.zendesk ?? null };
  const helpdesk: Helpdesk = {
    name: "zendesk",
    writeBack: writeBack && api ? zendeskWriteBack(api) : null,
    surveyLink: surveyLink.wanted && api ? zendeskSurveyLink(api, surveyLink.field) : null,
    check: () => checkZendesk(api, { webhookUrl: `${ctx.publicUrl}/webhooks/zendesk`, apiUrl: settings.api?.url ?? null, writeBack, surveyLink }),
  };
  return { helpdesk, router: zendeskRouter(ctx, settings.webhookSecret, zendeskPeople(api)) };
}
