// GLPI's webhook names people but gives no e-mail: the API does (the user's UserEmail entries, the
// default one first). Answers are kept in memory for an hour (at most 2,000 people), so a burst of
// closures asks GLPI once per person. Without API settings, a login that is an e-mail address is used.
import { BoundedCache } from "../bounded-cache.js";
import { isEmail, lookupFailure, type Lookup, type Role } from "../lookup.js";
import type { GlpiApi } from "./api-client.js";
import type { GlpiPerson } from "./payload.js";

export class GlpiPeople {
  private readonly cache = new BoundedCache<string>(2_000, 3_600_000);

  constructor(private readonly api: GlpiApi | null) {}

  async emailOf(person: GlpiPerson, role: Role): Promise<Lookup<string>> {
    const reason = `${role}-email-unknown`;
    const login = person.login && isEmail(person.login) ? person.login : null;
    if (!this.api) {
      if (login) return { ok: true, value: login };
      // not user-facing: a detail for the log, English like the logs
      return { ok: false, kind: "unknown", reason, detail: "GLPI's API is not configured and the login is not an e-mail address" };
    }
    const key = String(person.userId);
    const cached = this.cache.get(key);
    if (cached) return { ok: true, value: cached };
    const answer = await this.api.request("GET", `User/${person.userId}/UserEmail`);
    if (!answer.ok) return lookupFailure(answer, reason, `GLPI user ${person.userId}`);
    const emails = Array.isArray(answer.body) ? (answer.body as { email?: unknown; is_default?: unknown }[]) : [];
    const usable = emails.filter((e) => typeof e.email === "string" && isEmail(e.email));
    const chosen = usable.find((e) => Number(e.is_default) === 1) ?? usable[0];
    const email = chosen ? String(chosen.email) : login;
    // not user-facing: a detail for the log, English like the logs
    if (!email) return { ok: false, kind: "unknown", reason, detail: `GLPI user ${person.userId} has no e-mail address` };
    if (chosen) this.cache.set(key, email);
    return { ok: true, value: email };
  }
}
