// The Freshdesk connector: POST /webhooks/freshdesk, the API look-ups, the write-back and the
// settings check. Null when FRESHDESK_WEBHOOK_USER / FRESHDESK_WEBHOOK_PASSWORD are not set.
import type { AppContext } from "../../../app/context.js";
import type { Config } from "../../../config.js";
import type { Helpdesk } from "../../../ports/helpdesk.js";
import type { HelpdeskConnector } from "../connector.js";
import { freshdeskApi } from "./api-client.js";
import { checkFreshdesk } from "./check.js";
import { freshdeskPeople } from "./people.js";
import { freshdeskRouter } from "./router.js";
import { freshdeskWriteBack } from "./write-back.js";

/** What the connector reads of the configuration: its own settings and CAGNOTTE_WRITE_BACK. */
export type FreshdeskConnectorConfig = Pick<Config, "freshdesk"> & { writeBack?: "off" | "on" | readonly string[] };

export function freshdeskConnector(ctx: AppContext, config: FreshdeskConnectorConfig): HelpdeskConnector | null {
  const settings = config.freshdesk;
  if (!settings) return null;
  const api = settings.api ? freshdeskApi(settings.api) : null;
  // CAGNOTTE_WRITE_BACK=on, or a list naming this helpdesk; it also needs the API settings.
  const writeBack = config.writeBack === "on" || (Array.isArray(config.writeBack) && config.writeBack.includes("freshdesk"));
  const helpdesk: Helpdesk = {
    name: "freshdesk",
    writeBack: writeBack && api ? freshdeskWriteBack(api) : null,
    check: () => checkFreshdesk(api, { webhookUrl: `${ctx.publicUrl}/webhooks/freshdesk`, apiUrl: settings.api?.url ?? null, writeBack }),
  };
  return { helpdesk, router: freshdeskRouter(ctx, { user: settings.webhookUser, password: settings.webhookPassword }, freshdeskPeople(api)) };
}
