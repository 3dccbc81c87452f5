// The ticket webhook must always be authenticated. With TICKET_WEBHOOK_SECRET unset, a random
// secret is generated on first start and kept in a file readable only by the bot's user, so a
// first run works without weakening anything; the log says where it is, never what it is.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type WebhookSecret = { secret: string; source: "environment" } | { secret: string; source: "file"; file: string; created: boolean };

export function resolveWebhookSecret(configured: string | null, file: string): WebhookSecret {
  if (configured) return { secret: configured, source: "environment" };
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 16) return { secret, source: "file", file, created: false };
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { secret, source: "file", file, created: true };
}
