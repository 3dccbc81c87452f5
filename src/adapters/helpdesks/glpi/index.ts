// The GLPI connector: enabled by GLPI_WEBHOOK_SECRET; its REST API (GLPI_API_URL, GLPI_APP_TOKEN,
// GLPI_USER_TOKEN) gives requesters' e-mails and takes the write-back.
import type { AppContext } from "../../../app/context.js";
import type { Config } from "../../../config.js";
import type { Helpdesk } from "../../../ports/helpdesk.js";
import type { HelpdeskConnector } from "../connector.js";
import { writeBackWanted } from "../write-back-setting.js";
import { GlpiApi } from "./api-client.js";
import { checkGlpi } from "./check.js";
import { GlpiPeople } from "./people.js";
import { glpiRouter } from "./router.js";
import { glpiWriteBack } from "./write-back.js";

export function glpiConnector(ctx: AppContext, config: Pick<Config, "glpi" | "writeBack" | "publicUrl">): HelpdeskConnector | null {
  const settings = config.glpi;
  if (!settings) return null;
  const api = settings.api ? new GlpiApi(settings.api) : null;
  const wanted = writeBackWanted(config, "glpi");
  const helpdesk: Helpdesk = {
    name: "glpi",
    writeBack: api && wanted ? glpiWriteBack(api) : null,
    check: () => checkGlpi({ secret: settings.webhookSecret, api, writeBackWanted: wanted, publicUrl: config.publicUrl }),
  };
  return { helpdesk, router: glpiRouter(ctx, settings.webhookSecret, new GlpiPeople(api)) };
}
