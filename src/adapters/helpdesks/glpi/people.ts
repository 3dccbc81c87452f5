// GLPI's webhook names people but gives no e-mail: the API does (the user's UserEmail entries, the
// default one first). Answers are kept in memory for an hour (at most 2,000 people), so a burst of
// closures asks GLPI once per person. Without API settings, a login that is an e-mail address is used.
import type { ApiAnswer } from "../http.js";
import { BoundedCache } from "../bounded-cache.js";
import type { GlpiApi } from "./api-client.js";
import type { GlpiPerson } from "./payload.js";

export type EmailLookup =
  | { status: "found"; email: string }
  /** The person has no e-mail GLPI will give (no such user, none recorded, API not configured). */
  | { status: "unknown"; reason: string }
  /** GLPI's API did not answer, or refused us: try again later (the webhook answers 503). */
  | { status: "down"; error: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// not user-facing: errors for logs, outbox records and connector:check (English, like the logs)
export function describeFailure(answer: Exclude<ApiAnswer, { kind: "ok" }>): string {
  if (answer.kind === "unreachable") return `GLPI's API is unreachable (${answer.error})`;
  if (answer.kind === "rate-limited") return `GLPI's API asked to wait ${Math.ceil(answer.retryAfterMs / 1000)} s (429)`;
  return `GLPI's API answered HTTP ${answer.status}${Array.isArray(answer.body) ? ` ${String(answer.body[0])}` : ""}`;
}

export class GlpiPeople {
  private readonly cache = new BoundedCache<string>(2_000, 3_600_000);

  constructor(private readonly api: GlpiApi | null) {}

  async emailOf(person: GlpiPerson): Promise<EmailLookup> {
    if (!this.api) {
      if (person.login && EMAIL.test(person.login)) return { status: "found", email: person.login };
      return { status: "unknown", reason: "GLPI's API is not configured and the login is not an e-mail address" };
    }
    const key = String(person.userId);
    const cached = this.cache.get(key);
    if (cached) return { status: "found", email: cached };
    const answer = await this.api.request("GET", `User/${person.userId}/UserEmail`);
    if (answer.kind === "status" && answer.status === 404) return { status: "unknown", reason: `GLPI has no user ${person.userId}` };
    if (answer.kind !== "ok") return { status: "down", error: describeFailure(answer) };
    const emails = Array.isArray(answer.body) ? (answer.body as { email?: unknown; is_default?: unknown }[]) : [];
    const usable = emails.filter((e) => typeof e.email === "string" && EMAIL.test(e.email));
    const chosen = usable.find((e) => Number(e.is_default) === 1) ?? usable[0];
    if (!chosen) {
      if (person.login && EMAIL.test(person.login)) return { status: "found", email: person.login };
      return { status: "unknown", reason: `GLPI user ${person.userId} has no e-mail address` };
    }
    const email = String(chosen.email);
    this.cache.set(key, email);
    return { status: "found", email };
  }
}
