// /webhooks/jira: a Jira Cloud / Service Management admin webhook with a secret. The signature
// (X-Hub-Signature: sha256=<hex HMAC of the body>) is checked first; a delivery whose
// X-Atlassian-Webhook-Identifier was handled before is a duplicate (Jira's retries keep it), and
// the identifier is forgotten again if handling fails so that Jira's retry is handled.
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { verifySignature } from "../../http/signature.js";
import { WEBHOOK_BODY_LIMIT } from "../../http/ticket-webhook.js";
import { answerClosure, ignoreEvent, refuseUnauthenticated } from "../connector.js";
import { readJiraDelivery } from "./payload.js";
import type { JiraPeople } from "./people.js";

const SOURCE = "jira";

export function jiraRouter(ctx: AppContext, settings: { secret: string; organizationField: string | null }, people: JiraPeople): Router {
  const router = express.Router();

  /** False when Jira should send it again (its API is down): the identifier is then forgotten. */
  async function handle(json: unknown, res: Response): Promise<boolean> {
    const delivery = readJiraDelivery(json, settings.organizationField);
    if (delivery.type === "invalid") {
      ctx.metrics?.closureReceived("invalid");
      res.status(400).json({ error: "invalid-body", message: delivery.message });
      return false;
    }
    if (delivery.type === "ignored") {
      ignoreEvent(ctx, res, delivery.reason);
      return true;
    }
    const requester = await people.emailOf(delivery.requester);
    const technician = requester.status === "found" ? await people.emailOf(delivery.technician) : requester;
    for (const [role, lookup] of [["requester", requester], ["technician", technician]] as const) {
      if (lookup.status === "down") {
        ctx.logger.error({ source: SOURCE, ticketId: delivery.ticketId, error: lookup.error }, "Jira closure not handled: its API does not answer; Jira will send it again (npm run connector:check -- jira)");
        // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
        res.status(503).set("Retry-After", "60").json({ error: "unavailable", message: "Jira's API does not answer: the e-mails cannot be looked up; try again later" });
        return false;
      }
      if (lookup.status === "unknown") {
        ctx.logger.warn({ source: SOURCE, ticketId: delivery.ticketId, role, reason: lookup.reason }, "Jira closure ignored: an e-mail address is missing");
        ignoreEvent(ctx, res, `${role}-email-unknown`);
        return true;
      }
    }
    if (requester.status !== "found" || technician.status !== "found") return false;
    await answerClosure(ctx, res, {
      source: SOURCE,
      ticketId: delivery.ticketId,
      title: delivery.title,
      kind: delivery.kind,
      closedAt: delivery.closedAt,
      requester: { email: requester.email, name: delivery.requester.name },
      technician: { email: technician.email, name: delivery.technician.name },
      client: delivery.client,
    });
    return true;
  }

  router.post("/", express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req: Request, res: Response) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifySignature(settings.secret, body, req.header("x-hub-signature"))) {
      // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
      refuseUnauthenticated(ctx, res, "X-Hub-Signature must be sha256=<hex HMAC-SHA256 of the raw body> with JIRA_WEBHOOK_SECRET");
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      ctx.metrics?.closureReceived("invalid");
      // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
      res.status(400).json({ error: "invalid-json", message: "the body is not JSON" });
      return;
    }
    const identifier = req.header("x-atlassian-webhook-identifier")?.trim().slice(0, 200) || null;
    if (identifier && !(await ctx.store.webhookDeliveries.firstSeen(SOURCE, identifier, ctx.clock.now()))) {
      ignoreEvent(ctx, res, "duplicate delivery");
      return;
    }
    try {
      const handled = await handle(json, res);
      if (!handled && identifier) await ctx.store.webhookDeliveries.forget(SOURCE, identifier);
    } catch (error) {
      if (identifier) await ctx.store.webhookDeliveries.forget(SOURCE, identifier);
      throw error;
    }
  });
  return router;
}
