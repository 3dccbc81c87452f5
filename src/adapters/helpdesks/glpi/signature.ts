// GLPI 11 webhook signatures: X-GLPI-signature = lowercase hex HMAC-SHA256(secret, body bytes
// followed by the X-GLPI-timestamp value), and the challenge GLPI sends before each delivery when
// "challenge-response" is on: GET ?crc_token=<t>, answered with hex HMAC-SHA256(secret, t).
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * GLPI queues deliveries (its cron sends them, and retries resend the same bytes and timestamp),
 * so a signed delivery is accepted up to a day after it was signed.
 */
export const GLPI_MAX_AGE_MS = 24 * 3_600_000;
/** Clocks drift: a timestamp a little in the future is accepted too. */
const MAX_AHEAD_MS = 5 * 60_000;

export const glpiSignature = (secret: string, body: Buffer, timestamp: string) => createHmac("sha256", secret).update(Buffer.concat([body, Buffer.from(timestamp)])).digest("hex");

export const glpiChallengeAnswer = (secret: string, crcToken: string) => createHmac("sha256", secret).update(crcToken).digest("hex");

export type GlpiSignatureCheck = "ok" | "missing" | "invalid" | "stale";

export function checkGlpiSignature(secret: string, body: Buffer, headers: { signature?: string; timestamp?: string }, now: Date): GlpiSignatureCheck {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return "missing";
  if (!/^\d{1,12}$/.test(timestamp.trim())) return "invalid";
  const expected = Buffer.from(glpiSignature(secret, body, timestamp.trim()));
  const given = Buffer.from(signature.trim().toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  const age = now.getTime() - Number(timestamp.trim()) * 1000;
  return age > GLPI_MAX_AGE_MS || age < -MAX_AHEAD_MS ? "stale" : "ok";
}
