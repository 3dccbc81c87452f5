// Install links for client companies: /slack/install?client=<id>&sig=<hmac>. The signature (with
// SLACK_STATE_SECRET) stops anyone from installing their own workspace in a client's name, which
// would let them receive that client's surveys. Management gets links from `/cagnotte slack-install`.
import { createHmac, timingSafeEqual } from "node:crypto";
import { Router, type Request, type Response } from "express";
import type { CommandHandler, CommandTable } from "../../app/commands/run-command.js";
import type { Locale } from "../../core/model.js";
import { refusal } from "../../core/refusal.js";
import { localeFromAcceptLanguage, textsFor } from "../../i18n/index.js";

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
    if (!client) return { kind: "refused", refusal: refusal("usage", "slack-install <client-id>") };
    return { kind: "done", done: { kind: "install-link", client, link: installLink(publicUrl, secret, client) } };
  };
  return { management: { "slack-install": handler } };
}

export interface InstallPathHandler {
  handleInstallPath(req: Request, res: Response, options: undefined, installOptions: { scopes: string[]; metadata: string; redirectUri: string }): Promise<void>;
}

/** GET /slack/install: checks the client's signature, then hands over to Bolt's installer. */
export function installRouter(installer: InstallPathHandler, input: { secret: string; scopes: string[]; redirectUri: string; defaultLocale: Locale }): Router {
  const router = Router();
  router.get(INSTALL_PATH, async (req: Request, res: Response) => {
    const client = typeof req.query.client === "string" ? req.query.client : "";
    const sig = typeof req.query.sig === "string" ? req.query.sig : "";
    if (!client || !sig || !verifyClient(input.secret, client, sig)) {
      // Read by a client's Slack admin in a browser: in the browser's language.
      const locale = localeFromAcceptLanguage(req.headers["accept-language"], input.defaultLocale);
      res.status(403).type("text/plain").send(textsFor(locale).web.installLinkInvalid);
      return;
    }
    await installer.handleInstallPath(req, res, undefined, { scopes: input.scopes, metadata: JSON.stringify({ client }), redirectUri: input.redirectUri });
  });
  return router;
}
