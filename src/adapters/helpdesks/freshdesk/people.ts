// A Freshdesk closure's people as e-mails: from the body when the placeholders gave them, else
// through the API (the ticket's requester_id / responder_id / company_id, then the contact, the
// agent and the company), cached in memory with a bound and a time to live.
import { BoundedCache } from "../bounded-cache.js";
import { clientOf, lookupFailure, type ClosurePeople, type Lookup } from "../lookup.js";
import type { FreshdeskApi } from "./api-client.js";
import type { FreshdeskClosure } from "./payload.js";

const CACHE_ENTRIES = 5_000;
const CACHE_TTL_MS = 15 * 60_000;

type Person = { email: string | null; name: string | null };
const idOf = (v: number | string | null | undefined) => (v === null || v === undefined || v === "" ? null : String(v));

export interface FreshdeskPeople {
  resolve(closure: FreshdeskClosure): Promise<Lookup<ClosurePeople>>;
}

export function freshdeskPeople(api: FreshdeskApi | null, now: () => number = Date.now): FreshdeskPeople {
  const cache = new BoundedCache<Person>(CACHE_ENTRIES, CACHE_TTL_MS, now);
  const companies = new BoundedCache<string | null>(CACHE_ENTRIES, CACHE_TTL_MS, now);

  async function lookUp(kind: "contact" | "agent", id: string, reason: string): Promise<Lookup<Person>> {
    const key = `${kind}:${id}`;
    const known = cache.get(key);
    if (known) return { ok: true, value: known };
    if (kind === "contact") {
      const got = await api!.contact(id);
      if (!got.ok) return lookupFailure(got, reason, `Freshdesk contact ${id}`);
      const person = { email: got.body.email?.trim() || null, name: got.body.name?.trim() || null };
      cache.set(key, person);
      return { ok: true, value: person };
    }
    const got = await api!.agent(id);
    if (!got.ok) return lookupFailure(got, reason, `Freshdesk agent ${id}`);
    const person = { email: got.body.contact?.email?.trim() || null, name: got.body.contact?.name?.trim() || null };
    cache.set(key, person);
    return { ok: true, value: person };
  }

  return {
    async resolve(closure) {
      let requester: Person = closure.requester;
      let agent: Person = closure.agent;
      let company = closure.company;
      if ((!requester.email || !agent.email) && api) {
        const got = await api.ticket(closure.ticketId);
        if (!got.ok) return lookupFailure(got, "ticket-unknown", `Freshdesk ticket ${closure.ticketId}`);
        const requesterId = idOf(got.body.requester_id);
        const agentId = idOf(got.body.responder_id);
        if (!requester.email && requesterId) {
          const found = await lookUp("contact", requesterId, "requester-email-unknown");
          if (!found.ok) return found;
          requester = { email: found.value.email, name: requester.name ?? found.value.name };
        }
        if (!agent.email && agentId) {
          const found = await lookUp("agent", agentId, "technician-email-unknown");
          if (!found.ok) return found;
          agent = { email: found.value.email, name: agent.name ?? found.value.name };
        }
        const companyId = idOf(got.body.company_id);
        if (!company && companyId) {
          company = companies.get(companyId) ?? null;
          if (!company) {
            const found = await api.company(companyId);
            if (!found.ok && found.kind !== "not-found") return lookupFailure(found, "company-unknown", `Freshdesk company ${companyId}`);
            company = found.ok ? found.body.name?.trim() || null : null;
            companies.set(companyId, company);
          }
        }
      }
      // not user-facing: a detail for the log and the outbox's error column, English like the logs
      const missingApi = api ? "" : ", and the Freshdesk API is not set (FRESHDESK_URL, FRESHDESK_API_KEY) to look it up";
      // not user-facing: a detail for the log and the outbox's error column, English like the logs
      if (!requester.email) return { ok: false, kind: "unknown", reason: "requester-email-unknown", detail: `no requester e-mail in the delivery${missingApi}` };
      // not user-facing: a detail for the log and the outbox's error column, English like the logs
      if (!agent.email) return { ok: false, kind: "unknown", reason: "technician-email-unknown", detail: `no agent e-mail in the delivery (no agent assigned?)${missingApi}` };
      return {
        ok: true,
        value: {
          requester: { email: requester.email, name: requester.name },
          technician: { email: agent.email, name: agent.name },
          client: clientOf("freshdesk", { id: null, name: company }, requester.email),
        },
      };
    },
  };
}
