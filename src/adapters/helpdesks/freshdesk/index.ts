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

export interface ConnectorOptions {
  /** CAGNOTTE_WRITE_BACK names this helpdesk (write-back also needs its API settings). */
  writeBack?: boolean;
}

export function freshdeskConnector(ctx: AppContext, config: Pick<Config, "freshdesk">, options: ConnectorOptions = {}): HelpdeskConnector | null {
  const settings = config.freshdesk;
  if (!settings) return null;
  const api = settings.api ? freshdeskApi(settings.api) : null;
  const writeBack = options.writeBack ?? false;
  const helpdesk: Helpdesk = {
    name: "freshdesk",
    writeBack: writeBack && api ? freshdeskWriteBack(api) : null,
    check: () => checkFreshdesk(api, { webhookUrl: `${ctx.publicUrl}/webhooks/freshdesk`, apiUrl: settings.api?.url ?? null, writeBack }),
  };
  return { helpdesk, router: freshdeskRouter(ctx, { user: settings.webhookUser, password: settings.webhookPassword }, freshdeskPeople(api)) };
}
