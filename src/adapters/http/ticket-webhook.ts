// POST /webhooks/tickets: verify, parse, hand off. Nothing is written unless the answer is 202/200.
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../app/context.js";
import { answerClosure } from "../helpdesks/connector.js";
import { verifySignature } from "./signature.js";
import { parseTicketClosed } from "./ticket-event-schema.js";

export const WEBHOOK_BODY_LIMIT = 64 * 1024;

export function ticketWebhookRouter(ctx: AppContext, secret: string): Router {
  const router = express.Router();
  // Raw bytes: the signature is over the body exactly as sent.
  router.post("/webhooks/tickets", express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req: Request, res: Response) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!verifySignature(secret, body, req.header("x-signature-256"))) {
      ctx.metrics?.closureReceived("unauthorized");
      // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
      res.status(401).json({ error: "invalid-signature", message: "X-Signature-256 must be sha256=<hex HMAC-SHA256 of the raw body>" });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      ctx.metrics?.closureReceived("invalid");
      // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
      res.status(400).json({ error: "invalid-json", message: "the body is not valid JSON", fields: [] });
      return;
    }
    const parsed = parseTicketClosed(json);
    if (!parsed.ok) {
      ctx.metrics?.closureReceived("invalid");
      res.status(400).json({ error: "invalid-body", message: `invalid fields: ${parsed.errors.map((e) => e.field).join(", ")}`, fields: parsed.errors });
      return;
    }
    await answerClosure(ctx, res, parsed.event);
  });
  return router;
}
