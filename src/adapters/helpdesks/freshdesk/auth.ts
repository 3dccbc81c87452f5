// Freshdesk's "Trigger webhook" signs nothing: with "Requires authentication" the rule sends the
// username and password set on both sides as HTTP Basic. Compared in constant time (both sides
// hashed first, so their lengths leak nothing either).
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

export function verifyBasicAuth(header: string | undefined, user: string, password: string): boolean {
  const match = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i);
  const given = match ? Buffer.from(match[1]!, "base64").toString("utf8") : "";
  // Always compare, even without a header, so that timing says nothing about what was sent.
  return timingSafeEqual(digest(given), digest(`${user}:${password}`)) && !!match;
}
