// The Freshdesk connector: POST /webhooks/freshdesk, the API look-ups, the write-back, the survey
// link and the settings check. Null when FRESHDESK_WEBHOOK_USER / _PASSWORD are not set.
import type { AppContext } from "../../../app/context.js";
import type { Config } from "../../../config.js";
import type { Helpdesk } from "../../../ports/helpdesk.js";
import type { HelpdeskConnector } from "../connector.js";
import { surveyLinkWanted, writeBackWanted } from "../write-back-setting.js";
import { freshdeskApi } from "./api-client.js";
import { checkFreshdesk } from "./check.js";
import { freshdeskPeople } from "./people.js";
import { freshdeskRouter } from "./router.js";
import { freshdeskSurveyLink } from "./survey-link.js";
import { freshdeskWriteBack } from "./write-back.js";

/** What the connector reads of the configuration: its own settings, CAGNOTTE_WRITE_BACK and CAGNOTTE_HELPDESK_SURVEY_LINK. */
export type FreshdeskConnectorConfig = Pick<Config, "freshdesk"> & Partial<Pick<Config, "writeBack" | "surveyLink">>;

export function freshdeskConnector(ctx: AppContext, config: FreshdeskConnectorConfig): HelpdeskConnector | null {
  const settings = config.freshdesk;
  if (!settings) return null;
  const api = settings.api ? freshdeskApi(settings.api) : null;
  const writeBack = writeBackWanted(config, "freshdesk");
  const surveyLink = { wanted: surveyLinkWanted(config, "freshdesk"), field: config.surveyLink?.fields.freshdesk ?? null };
  const helpdesk: Helpdesk = {
    name: "freshdesk",
    writeBack: writeBack && api ? freshdeskWriteBack(api) : null,
    surveyLink: surveyLink.wanted && api ? freshdeskSurveyLink(api, surveyLink.field) : null,
    check: () => checkFreshdesk(api, { webhookUrl: `${ctx.publicUrl}/webhooks/freshdesk`, apiUrl: settings.api?.url ?? null, writeBack, surveyLink }),
  };
  return { helpdesk, router: freshdeskRouter(ctx, { user: settings.webhookUser, password: settings.webhookPassword }, freshdeskPeople(api)) };
}
