// /webhooks/glpi: GLPI 11's native webhook. GET ?crc_token= answers GLPI's challenge; a delivery
// (POST, or PUT/PATCH as configured in GLPI) is checked (signature over body + timestamp, at most
// 24 h old), refused if replayed (the same signature seen before: 200 ignored "replay"), then mapped
// to the ticket-closed use case once both e-mails are known. The signature is remembered only once
// the delivery is handled: if handling fails (GLPI's API down → 503), GLPI's retry is handled again.
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { WEBHOOK_BODY_LIMIT } from "../../http/ticket-webhook.js";
import { answerWithPeople, closureOf, jsonBody, oncePerDelivery, refuseUnauthenticated } from "../connector.js";
import { closurePeople } from "../lookup.js";
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
    // not user-facing: the webhook API's error for the helpdesk admin's developers (English, like the docs)
    const parsed = jsonBody(ctx, res, body, "keep GLPI's default payload for this webhook");
    if (!parsed) return;
    await oncePerDelivery(ctx, res, { source: SOURCE, key: signature!.trim().toLowerCase(), duplicateReason: "replay" }, () => handle(parsed.json, res));
  };

  /** False when GLPI should send it again (its API is down): the signature is then forgotten. */
  async function handle(json: unknown, res: Response): Promise<boolean> {
    const delivery = readGlpiDelivery(json);
    const closure = closureOf(ctx, res, delivery);
    // Ignored: handled for good; invalid: forgotten, so that a corrected delivery is handled.
    if (!closure) return delivery.kind === "ignored";
    const { ticketId, title, kind, closedAt } = closure;
    return answerWithPeople(ctx, res, { source: SOURCE, ticketId, title, kind, closedAt }, await closurePeople((p, role) => people.emailOf(p, role), closure));
  }

  // GLPI may be set to POST, PUT or PATCH; its non-standard "UPDATE" verb cannot reach Node (use POST).
  const raw = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT });
  router.post("/", raw, deliver);
  router.put("/", raw, deliver);
  router.patch("/", raw, deliver);
  return router;
}
