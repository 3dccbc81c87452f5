// Zendesk signs each webhook request: X-Zendesk-Webhook-Signature is
// base64(HMAC-SHA256(key = the webhook's signing secret as typed, message = timestamp + raw body)),
// with the timestamp from X-Zendesk-Webhook-Signature-Timestamp (ISO 8601, UTC). The secret is used
// as-is, never base64-decoded. A timestamp too far from our clock is refused, so that a captured
// request cannot be replayed later; duplicates inside the window are harmless (one survey per ticket).
import { createHmac, timingSafeEqual } from "node:crypto";

/** How far the signed timestamp may be from our clock, either way (Zendesk sends at once). */
export const ZENDESK_TIMESTAMP_WINDOW_MS = 5 * 60_000;

export function zendeskSignature(secret: string, timestamp: string, body: Buffer): string {
  return createHmac("sha256", secret).update(timestamp).update(body).digest("base64");
}

export type SignatureCheck = { ok: true } | { ok: false; problem: "missing" | "mismatch" | "stale" };

export function verifyZendeskSignature(
  secret: string,
  body: Buffer,
  headers: { signature: string | undefined; timestamp: string | undefined },
  now: Date,
  windowMs = ZENDESK_TIMESTAMP_WINDOW_MS,
): SignatureCheck {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return { ok: false, problem: "missing" };
  const expected = Buffer.from(zendeskSignature(secret, timestamp, body));
  const given = Buffer.from(signature.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: "mismatch" };
  // Checked after the signature, so that the answer says nothing about a forged timestamp.
  const at = Date.parse(timestamp);
  if (Number.isNaN(at) || Math.abs(now.getTime() - at) > windowMs) return { ok: false, problem: "stale" };
  return { ok: true };
}
