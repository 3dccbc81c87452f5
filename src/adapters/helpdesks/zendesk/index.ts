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

export interface ConnectorOptions {
  /** CAGNOTTE_WRITE_BACK names this helpdesk (write-back also needs its API settings). */
  writeBack?: boolean;
}

export function zendeskConnector(ctx: AppContext, config: Pick<Config, "zendesk">, options: ConnectorOptions = {}): HelpdeskConnector | null {
  const settings = config.zendesk;
  if (!settings) return null;
  const api = settings.api ? zendeskApi(settings.api) : null;
  const writeBack = options.writeBack ?? false;
  const helpdesk: Helpdesk = {
    name: "zendesk",
    writeBack: writeBack && api ? zendeskWriteBack(api) : null,
    check: () => checkZendesk(api, { webhookUrl: `${ctx.publicUrl}/webhooks/zendesk`, apiUrl: settings.api?.url ?? null, writeBack }),
  };
  return { helpdesk, router: zendeskRouter(ctx, settings.webhookSecret, zendeskPeople(api)) };
}
