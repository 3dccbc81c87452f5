// Install links for client companies: /slack/install?client=<id>&sig=<hmac>. The signature (with
// SLACK_STATE_SECRET) stops anyone from installing their own workspace in a client's name, which
// would let them receive that client's surveys. Management gets links from `/cagnotte slack-install`.
import { createHmac, timingSafeEqual } from "node:crypto";
import { Router, type Request, type Response } from "express";
import type { CommandHandler, CommandTable } from "../../app/commands/run-command.js";
import { refusal } from "../../app/commands/refusals.js";

export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

export function signClient(secret: string, clientExternalId: string): string {
  return createHmac("sha256", secret).update(`slack-install:${clientExternalId}`).digest("base64url");
}

export function verifyClient(secret: string, clientExternalId: string, signature: string): boolean {
  const expected = Buffer.from(signClient(secret, clientExternalId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function installLink(publicUrl: string, secret: string, clientExternalId: string): string {
  return `${publicUrl}${INSTALL_PATH}?${new URLSearchParams({ client: clientExternalId, sig: signClient(secret, clientExternalId) })}`;
}

/** `/cagnotte slack-install <client-id>` (management): the link to send to that client. */
export function slackInstallCommands(publicUrl: string, secret: string): Partial<CommandTable> {
  const handler: CommandHandler = async (_ctx, _actor, args) => {
    const client = args[0];
    if (!client) return refusal("usage", "slack-install <client-id>");
    const link = installLink(publicUrl, secret, client);
    return {
      kind: "done",
      text: {
        fr: `Lien d'installation de Cagnotte pour le client ${client} (à envoyer à l'administrateur de son Slack) : ${link}`,
        en: `Cagnotte install link for client ${client} (send it to their Slack admin): ${link}`,
      },
    };
  };
  return { management: { "slack-install": handler } };
}

export interface InstallPathHandler {
  handleInstallPath(req: Request, res: Response, options: undefined, installOptions: { scopes: string[]; metadata: string; redirectUri: string }): Promise<void>;
}

/** GET /slack/install: checks the client's signature, then hands over to Bolt's installer. */
export function installRouter(installer: InstallPathHandler, input: { secret: string; scopes: string[]; redirectUri: string }): Router {
  const router = Router();
  router.get(INSTALL_PATH, async (req: Request, res: Response) => {
    const client = typeof req.query.client === "string" ? req.query.client : "";
    const sig = typeof req.query.sig === "string" ? req.query.sig : "";
    if (!client || !sig || !verifyClient(input.secret, client, sig)) {
      res.status(403).type("text/plain").send("This install link is not valid. Ask your IT provider for a new one (/cagnotte slack-install <client>).");
      return;
    }
    await installer.handleInstallPath(req, res, undefined, { scopes: input.scopes, metadata: JSON.stringify({ client }), redirectUri: input.redirectUri });
  });
  return router;
}
