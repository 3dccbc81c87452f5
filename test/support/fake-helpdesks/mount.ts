// Serves a helpdesk connector's router at /webhooks/<name> on the real HTTP app (its error
// handling, body limits) over the running bot's context, on 127.0.0.1.
import type { Server } from "node:http";
import type { AppContext } from "../../../src/app/context.js";
import { createHttpApp } from "../../../src/adapters/http/http-app.js";
import type { HelpdeskConnector } from "../../../src/adapters/helpdesks/connector.js";

export async function serveConnector(ctx: AppContext, name: string, connector: HelpdeskConnector): Promise<{ url: string; stop(): Promise<void> }> {
  // Served as the bot serves its configured helpdesks (src/adapters/helpdesks/index.ts).
  const app = createHttpApp(ctx, { ticketWebhookSecret: "unused-generic-webhook-secret", helpdesks: [connector] });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/webhooks/${name}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
