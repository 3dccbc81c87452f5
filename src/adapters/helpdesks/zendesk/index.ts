// The Zendesk connector: POST /webhooks/zendesk, the API look-ups, the write-back and the settings
// check. Null when ZENDESK_WEBHOOK_SECRET is not set.
import type { AppContext } from "../../../app/context.js";
import type { Config } from "../../../config.js";
import type { Helpdesk } from "../../../ports/helpdesk.js";
import type { HelpdeskConnector } from "../connector.js";
import { zendeskApi } from "./api-client.js";
import { checkZendesk } from "./check.js";
import { zendeskPeople } from "./people.js";
import { zendeskRouter } from "./router.js";
import { zendeskWriteBack } from "./write-back.js";

/** What the connector reads of the configuration: its own settings and CAGNOTTE_WRITE_BACK. */
export type ZendeskConnectorConfig = Pick<Config, "zendesk"> & { writeBack?: "off" | "on" | readonly string[] };

export function zendeskConnector(ctx: AppContext, config: ZendeskConnectorConfig): HelpdeskConnector | null {
  const settings = config.zendesk;
  if (!settings) return null;
  const api = settings.api ? zendeskApi(settings.api) : null;
  // CAGNOTTE_WRITE_BACK=on, or a list naming this helpdesk; it also needs the API settings.
  const writeBack = config.writeBack === "on" || (Array.isArray(config.writeBack) && config.writeBack.includes("zendesk"));
  const helpdesk: Helpdesk = {
    name: "zendesk",
    writeBack: writeBack && api ? zendeskWriteBack(api) : null,
    check: () => checkZendesk(api, { webhookUrl: `${ctx.publicUrl}/webhooks/zendesk`, apiUrl: settings.api?.url ?? null, writeBack }),
  };
  return { helpdesk, router: zendeskRouter(ctx, settings.webhookSecret, zendeskPeople(api)) };
}
