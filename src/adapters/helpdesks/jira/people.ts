// A Jira person's e-mail: from the webhook when their privacy settings show it, else from the API
// by account id (GET /rest/api/3/user), kept in memory an hour (at most 2,000 people). Jira may
// hide it from the API too: the closure is then ignored with a warning (see README, Jira).
import { BoundedCache } from "../bounded-cache.js";
import { isEmail, lookupFailure, type Lookup, type Role } from "../lookup.js";
import type { JiraApi } from "./api-client.js";
import type { JiraPerson } from "./payload.js";

export class JiraPeople {
  private readonly cache = new BoundedCache<string>(2_000, 3_600_000);

  constructor(private readonly api: JiraApi | null) {}

  async emailOf(person: JiraPerson, role: Role): Promise<Lookup<string>> {
    const reason = `${role}-email-unknown`;
    if (person.email && isEmail(person.email)) return { ok: true, value: person.email };
    const cached = this.cache.get(person.accountId);
    if (cached) return { ok: true, value: cached };
    // not user-facing: a detail for the log, English like the logs
    if (!this.api) return { ok: false, kind: "unknown", reason, detail: "the e-mail is hidden in the webhook and Jira's API is not configured" };
    const answer = await this.api.request("GET", `/rest/api/3/user?accountId=${encodeURIComponent(person.accountId)}`);
    if (!answer.ok) return lookupFailure(answer, reason, `Jira user ${person.accountId}`);
    const email = (answer.body as { emailAddress?: unknown } | null)?.emailAddress;
    // not user-facing: a detail for the log, English like the logs
    if (typeof email !== "string" || !isEmail(email)) return { ok: false, kind: "unknown", reason, detail: `Jira hides the e-mail of ${person.accountId} (their profile's privacy settings)` };
    this.cache.set(person.accountId, email);
    return { ok: true, value: email };
  }
}
