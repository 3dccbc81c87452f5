// /webhooks/glpi: GLPI 11's native webhook. GET ?crc_token= answers GLPI's challenge; a delivery
// (POST, or PUT/PATCH as configured in GLPI) is checked (signature over body + timestamp, at most
// 24 h old), refused if replayed (the same signature seen before: 200 ignored "replay"), then mapped
// to the ticket-closed use case once both e-mails are known. The signature is remembered only once
// the delivery is handled: if handling fails (GLPI's API down → 503), GLPI's retry is handled again.
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { WEBHOOK_BODY_LIMIT } from "../../http/ticket-webhook.js";
import { answerClosure, ignoreEvent, refuseUnauthenticated } from "../connector.js";
import { readGlpiDelivery } from "./payload.js";
import type { GlpiPeople } from "./people.js";
import { checkGlpiSignature, glpiChallengeAnswer } from "./signature.js";

const SOURCE = "glpi";

export function glpiRouter(ctx: AppContext, secret: string, people: GlpiPeople): Router {
  const router = express.Router();

  router.get("/", (req: Request, res: Response) => {
    const token = req.query.crc_token;
    // The answer is an HMAC with the webhook's secret: only GLPI's own token shape (64 hex digits)
    // is answered, so this can never sign a JSON body (which starts with "{") for anyone else.
    if (typeof token !== "string" || !/^[0-9a-f]{64}$/i.test(token)) {
      // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
      res.status(400).json({ error: "bad-request", message: "GET answers GLPI's challenge only: ?crc_token=<token>" });
      return;
    }
    res.status(200).type("text/plain").send(glpiChallengeAnswer(secret, token));
  });

  const deliver = async (req: Request, res: Response) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = req.header("x-glpi-signature");
    const check = checkGlpiSignature(secret, body, { signature, timestamp: req.header("x-glpi-timestamp") }, ctx.clock.now());
    if (check !== "ok") {
      // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
      const messages = {
        missing: "X-GLPI-signature and X-GLPI-timestamp are required",
        invalid: "X-GLPI-signature does not match: hex HMAC-SHA256 of the body followed by X-GLPI-timestamp, with GLPI_WEBHOOK_SECRET",
        stale: "X-GLPI-timestamp is more than 24 hours old (or in the future)",
      };
      refuseUnauthenticated(ctx, res, messages[check]);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      ctx.metrics?.closureReceived("invalid");
      // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
      res.status(400).json({ error: "invalid-json", message: "the body is not JSON: keep GLPI's default payload for this webhook" });
      return;
    }
    const key = signature!.trim().toLowerCase();
    if (!(await ctx.store.webhookDeliveries.firstSeen(SOURCE, key, ctx.clock.now()))) {
      ignoreEvent(ctx, res, "replay");
      return;
    }
    try {
      const handled = await handle(json, res);
      if (!handled) await ctx.store.webhookDeliveries.forget(SOURCE, key);
    } catch (error) {
      await ctx.store.webhookDeliveries.forget(SOURCE, key);
      throw error;
    }
  };

  /** False when GLPI should send it again (its API is down): the signature is then forgotten. */
  async function handle(json: unknown, res: Response): Promise<boolean> {
    const delivery = readGlpiDelivery(json);
    if (delivery.type === "invalid") {
      ctx.metrics?.closureReceived("invalid");
      res.status(400).json({ error: "invalid-body", message: delivery.message });
      return false;
    }
    if (delivery.type === "ignored") {
      ignoreEvent(ctx, res, delivery.reason);
      return true;
    }
    const [requester, technician] = [await people.emailOf(delivery.requester), await people.emailOf(delivery.technician)];
    for (const [role, lookup] of [["requester", requester], ["technician", technician]] as const) {
      if (lookup.status === "down") {
        ctx.logger.error({ source: SOURCE, ticketId: delivery.ticketId, error: lookup.error }, "GLPI closure not handled: its API does not answer; GLPI will send it again (npm run connector:check -- glpi)");
        // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
        res.status(503).set("Retry-After", "60").json({ error: "unavailable", message: "GLPI's API does not answer: the e-mails cannot be looked up; try again later" });
        return false;
      }
      if (lookup.status === "unknown") {
        ctx.logger.warn({ source: SOURCE, ticketId: delivery.ticketId, role, reason: lookup.reason }, "GLPI closure ignored: an e-mail address is missing");
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

  // GLPI may be set to POST, PUT or PATCH; its non-standard "UPDATE" verb cannot reach Node (use POST).
  const raw = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT });
  router.post("/", raw, deliver);
  router.put("/", raw, deliver);
  router.patch("/", raw, deliver);
  return router;
}
