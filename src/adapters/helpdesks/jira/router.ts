// /webhooks/jira: a Jira Cloud / Service Management admin webhook with a secret. The signature
// (X-Hub-Signature: sha256=<hex HMAC of the body>) is checked first; a delivery whose
// X-Atlassian-Webhook-Identifier was handled before is a duplicate (Jira's retries keep it), and
// the identifier is forgotten again if handling fails so that Jira's retry is handled.
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { verifySignature } from "../../http/signature.js";
import { WEBHOOK_BODY_LIMIT } from "../../http/ticket-webhook.js";
import { answerWithPeople, closureOf, jsonBody, oncePerDelivery, refuseUnauthenticated } from "../connector.js";
import { closurePeople } from "../lookup.js";
import { readJiraDelivery } from "./payload.js";
import type { JiraPeople } from "./people.js";

const SOURCE = "jira";

export function jiraRouter(ctx: AppContext, settings: { secret: string; organizationField: string | null }, people: JiraPeople): Router {
  const router = express.Router();

  /** False when Jira should send it again (its API is down): the identifier is then forgotten. */
  async function handle(json: unknown, res: Response): Promise<boolean> {
    const delivery = readJiraDelivery(json, settings.organizationField);
    const closure = closureOf(ctx, res, delivery);
    // Ignored: handled for good; invalid: forgotten, so that a corrected delivery is handled.
    if (!closure) return delivery.kind === "ignored";
    const { ticketId, title, kind, closedAt } = closure;
    return answerWithPeople(ctx, res, { source: SOURCE, ticketId, title, kind, closedAt }, await closurePeople((p, role) => people.emailOf(p, role), closure));
  }

  router.post("/", express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req: Request, res: Response) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifySignature(settings.secret, body, req.header("x-hub-signature"))) {
      // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
      refuseUnauthenticated(ctx, res, "X-Hub-Signature must be sha256=<hex HMAC-SHA256 of the raw body> with JIRA_WEBHOOK_SECRET");
      return;
    }
    const parsed = jsonBody(ctx, res, body, "");
    if (!parsed) return;
    const identifier = req.header("x-atlassian-webhook-identifier")?.trim().slice(0, 200) || null;
    await oncePerDelivery(ctx, res, { source: SOURCE, key: identifier, duplicateReason: "duplicate delivery" }, () => handle(parsed.json, res));
  });
  return router;
}
