// POST /webhooks/freshdesk (mounted under that path): check the rule's HTTP Basic credentials, read
// the body, find the e-mails, hand the closure to the ticket-closed use case. Nothing is written
// unless the answer is 202 (or 200 for a duplicate).
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { WEBHOOK_BODY_LIMIT } from "../../http/ticket-webhook.js";
import { answerWithPeople, closureOf, jsonBody, refuseUnauthenticated } from "../connector.js";
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
    // not user-facing: the webhook API's error for the helpdesk admin's developers (English, like the docs)
    const parsed = jsonBody(ctx, res, body, "choose Encoding: JSON and the Advanced content");
    if (!parsed) return;
    const delivery = readFreshdeskDelivery(parsed.json);
    const closure = closureOf(ctx, res, delivery);
    if (!closure) return;
    // The rule fires when the status changes, so the moment it arrives is the closing time.
    await answerWithPeople(
      ctx,
      res,
      { source: "freshdesk", ticketId: closure.ticketId, title: closure.title, kind: kindOfFreshdeskType(closure.type), closedAt: ctx.clock.now() },
      await people.resolve(closure),
    );
  });
  return router;
}
