// A Jira person's e-mail: from the webhook when their privacy settings show it, else from the API
// by account id (GET /rest/api/3/user), kept in memory an hour (at most 2,000 people). Jira may
// hide it from the API too: the closure is then ignored with a warning (see README, Jira).
import { BoundedCache } from "../bounded-cache.js";
import { describeJiraFailure, type JiraApi } from "./api-client.js";
import type { JiraPerson } from "./payload.js";

export type EmailLookup = { status: "found"; email: string } | { status: "unknown"; reason: string } | { status: "down"; error: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class JiraPeople {
  private readonly cache = new BoundedCache<string>(2_000, 3_600_000);

  constructor(private readonly api: JiraApi | null) {}

  async emailOf(person: JiraPerson): Promise<EmailLookup> {
    if (person.email && EMAIL.test(person.email)) return { status: "found", email: person.email };
    const cached = this.cache.get(person.accountId);
    if (cached) return { status: "found", email: cached };
    if (!this.api) return { status: "unknown", reason: "the e-mail is hidden in the webhook and Jira's API is not configured" };
    const answer = await this.api.request("GET", `/rest/api/3/user?accountId=${encodeURIComponent(person.accountId)}`);
    if (answer.kind === "status" && answer.status === 404) return { status: "unknown", reason: `Jira has no user ${person.accountId}` };
    if (answer.kind !== "ok") return { status: "down", error: describeJiraFailure(answer) };
    const email = (answer.body as { emailAddress?: unknown } | null)?.emailAddress;
    if (typeof email !== "string" || !EMAIL.test(email)) return { status: "unknown", reason: `Jira hides the e-mail of ${person.accountId} (their profile's privacy settings)` };
    this.cache.set(person.accountId, email);
    return { status: "found", email };
  }
}
