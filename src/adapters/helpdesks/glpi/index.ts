// The GLPI connector: enabled by GLPI_WEBHOOK_SECRET; its REST API (GLPI_API_URL, GLPI_APP_TOKEN,
// GLPI_USER_TOKEN) gives requesters' e-mails and takes the write-back and the survey link.
import type { AppContext } from "../../../app/context.js";
import type { Config } from "../../../config.js";
import type { Helpdesk } from "../../../ports/helpdesk.js";
import type { HelpdeskConnector } from "../connector.js";
import { surveyLinkWanted, writeBackWanted } from "../write-back-setting.js";
import { GlpiApi } from "./api-client.js";
import { checkGlpi } from "./check.js";
import { GlpiPeople } from "./people.js";
import { glpiRouter } from "./router.js";
import { glpiSurveyLink } from "./survey-link.js";
import { glpiWriteBack } from "./write-back.js";

/** What the connector reads of the configuration: its own settings, CAGNOTTE_WRITE_BACK and CAGNOTTE_HELPDESK_SURVEY_LINK. */
export type GlpiConnectorConfig = Pick<Config, "glpi"> & Partial<Pick<Config, "writeBack" | "surveyLink">>;

export function glpiConnector(ctx: AppContext, config: GlpiConnectorConfig): HelpdeskConnector | null {
  const settings = config.glpi;
  if (!settings) return null;
  const api = settings.api ? new GlpiApi(settings.api) : null;
  const writeBack = writeBackWanted(config, "glpi");
  const surveyLink = { wanted: surveyLinkWanted(config, "glpi"), field: null };
  const helpdesk: Helpdesk = {
    name: "glpi",
    writeBack: api && writeBack ? glpiWriteBack(api) : null,
    surveyLink: api && surveyLink.wanted ? glpiSurveyLink(api) : null,
    check: () => checkGlpi(api, { secret: settings.webhookSecret, webhookUrl: `${ctx.publicUrl}/webhooks/glpi`, writeBack, surveyLink }),
  };
  return { helpdesk, router: glpiRouter(ctx, settings.webhookSecret, new GlpiPeople(api)) };
}
