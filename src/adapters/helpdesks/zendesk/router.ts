// POST /webhooks/zendesk (mounted under that path): verify Zendesk's signature over the raw bytes,
// read the trigger body or the status-changed event, find the people's e-mails, hand the closure to
// the ticket-closed use case. Nothing is written unless the answer is 202 (or 200 for a duplicate).
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { WEBHOOK_BODY_LIMIT } from "../../http/ticket-webhook.js";
import { answerWithPeople, closureOf, jsonBody, refuseUnauthenticated } from "../connector.js";
import { kindOfZendeskType, readZendeskDelivery } from "./payload.js";
import type { ZendeskPeople } from "./people.js";
import { verifyZendeskSignature } from "./signature.js";

export function zendeskRouter(ctx: AppContext, secret: string, people: ZendeskPeople): Router {
  const router = express.Router();
  router.post("/", express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req: Request, res: Response) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signed = verifyZendeskSignature(secret, body, { signature: req.header("x-zendesk-webhook-signature"), timestamp: req.header("x-zendesk-webhook-signature-timestamp") }, ctx.clock.now());
    if (!signed.ok) {
      const messages = {
        // not user-facing: the webhook API's error for the helpdesk admin's developers (English, like the docs)
        missing: "X-Zendesk-Webhook-Signature and X-Zendesk-Webhook-Signature-Timestamp are required",
        // not user-facing: the webhook API's error for the helpdesk admin's developers (English, like the docs)
        mismatch: "the signature does not match ZENDESK_WEBHOOK_SECRET (base64 HMAC-SHA256 of timestamp + body)",
        // not user-facing: the webhook API's error for the helpdesk admin's developers (English, like the docs)
        stale: "the signature timestamp is more than 5 minutes away from our clock",
      };
      refuseUnauthenticated(ctx, res, messages[signed.problem]);
      return;
    }
    const parsed = jsonBody(ctx, res, body, "");
    if (!parsed) return;
    const delivery = readZendeskDelivery(parsed.json, ctx.clock.now());
    const closure = closureOf(ctx, res, delivery);
    if (!closure) return;
    await answerWithPeople(
      ctx,
      res,
      { source: "zendesk", ticketId: closure.ticketId, title: closure.title, kind: kindOfZendeskType(closure.type), closedAt: closure.closedAt },
      await people.resolve(closure),
    );
  });
  return router;
}
