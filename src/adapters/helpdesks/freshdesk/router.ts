// POST /webhooks/freshdesk (mounted under that path): check the rule's HTTP Basic credentials, read
// the body, find the e-mails, hand the closure to the ticket-closed use case. Nothing is written
// unless the answer is 202 (or 200 for a duplicate).
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { WEBHOOK_BODY_LIMIT } from "../../http/ticket-webhook.js";
import { answerClosure, ignoreEvent, refuseUnauthenticated } from "../connector.js";
import { answerLookupFailure } from "../lookup.js";
import { verifyBasicAuth } from "./auth.js";
import { kindOfFreshdeskType, readFreshdeskDelivery } from "./payload.js";
import type { FreshdeskPeople } from "./people.js";

export function freshdeskRouter(ctx: AppContext, credentials: { user: string; password: string }, people: FreshdeskPeople): Router {
  const router = express.Router();
  router.post("/", express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req: Request, res: Response) => {
    if (!verifyBasicAuth(req.header("authorization"), credentials.user, credentials.password)) {
      // not user-facing: the HTTP authentication challenge (RFC 7617)
      res.set("WWW-Authenticate", 'Basic realm="cagnotte-freshdesk", charset="UTF-8"');
      // not user-facing: the webhook API's error for the helpdesk admin (English, like the docs)
      refuseUnauthenticated(ctx, res, "HTTP Basic credentials FRESHDESK_WEBHOOK_USER / FRESHDESK_WEBHOOK_PASSWORD are required");
      return;
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      ctx.metrics?.closureReceived("invalid");
      // not user-facing: the webhook API's error for the helpdesk admin (English, like the docs)
      res.status(400).json({ error: "invalid-json", message: "the body is not valid JSON (choose Encoding: JSON and the Advanced content)", fields: [] });
      return;
    }
    const delivery = readFreshdeskDelivery(json);
    if (delivery.kind === "invalid") {
      ctx.metrics?.closureReceived("invalid");
      res.status(400).json({ error: "invalid-body", message: `invalid fields: ${delivery.fields.join(", ")}`, fields: delivery.fields });
      return;
    }
    if (delivery.kind === "not-a-closure") {
      ignoreEvent(ctx, res, delivery.reason);
      return;
    }
    const closure = delivery.closure;
    const found = await people.resolve(closure);
    if (!found.ok) {
      answerLookupFailure(ctx, res, found, { source: "freshdesk", ticketId: closure.ticketId });
      return;
    }
    await answerClosure(ctx, res, {
      source: "freshdesk",
      ticketId: closure.ticketId,
      title: closure.title,
      kind: kindOfFreshdeskType(closure.type),
      // The rule fires when the status changes, so the moment it arrives is the closing time.
      closedAt: ctx.clock.now(),
      ...found.value,
    });
  });
  return router;
}
