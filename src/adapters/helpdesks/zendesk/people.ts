// A Zendesk closure's people as e-mails: from the delivery when the trigger body carries them,
// else through the API by id (the ticket for the ids when the body has none, then each user and
// the organisation), cached in memory with a bound and a time to live.
import { BoundedCache } from "../bounded-cache.js";
import { clientOf, lookupFailure, type ClosurePeople, type Lookup } from "../lookup.js";
import type { ZendeskApi } from "./api-client.js";
import type { ZendeskClosure, ZendeskPerson } from "./payload.js";

const CACHE_ENTRIES = 5_000;
const CACHE_TTL_MS = 15 * 60_000;

const idOf = (v: number | string | null | undefined) => (v === null || v === undefined || v === "" ? null : String(v));

export interface ZendeskPeople {
  resolve(closure: ZendeskClosure): Promise<Lookup<ClosurePeople>>;
}

export function zendeskPeople(api: ZendeskApi | null, now: () => number = Date.now): ZendeskPeople {
  const users = new BoundedCache<{ email: string | null; name: string | null }>(CACHE_ENTRIES, CACHE_TTL_MS, now);
  const organizations = new BoundedCache<string | null>(CACHE_ENTRIES, CACHE_TTL_MS, now);

  async function person(p: ZendeskPerson, role: "requester" | "technician"): Promise<Lookup<{ email: string; name: string | null }>> {
    const reason = `${role}-email-unknown`;
    if (p.email) return { ok: true, value: { email: p.email, name: p.name } };
    // not user-facing: a detail for the log and the outbox's error column, English like the logs
    if (!p.id) return { ok: false, kind: "unknown", reason, detail: role === "technician" ? "the ticket has no assignee" : "the ticket has no requester" };
    // not user-facing: a detail for the log and the outbox's error column, English like the logs
    if (!api) return { ok: false, kind: "unknown", reason, detail: "no e-mail in the delivery, and the Zendesk API is not set (ZENDESK_URL, ZENDESK_EMAIL, ZENDESK_API_TOKEN) to look it up" };
    let user = users.get(p.id);
    if (!user) {
      const got = await api.user(p.id);
      if (!got.ok) return lookupFailure(got, reason, `Zendesk user ${p.id}`);
      user = { email: got.body.user.email?.trim() || null, name: got.body.user.name?.trim() || null };
      users.set(p.id, user);
    }
    // not user-facing: a detail for the log and the outbox's error column, English like the logs
    if (!user.email) return { ok: false, kind: "unknown", reason, detail: `Zendesk user ${p.id} has no e-mail address` };
    return { ok: true, value: { email: user.email, name: p.name ?? user.name } };
  }

  async function organizationName(id: string): Promise<Lookup<string | null>> {
    const known = organizations.get(id);
    if (known !== undefined || !api) return { ok: true, value: known ?? null };
    const got = await api.organization(id);
    if (!got.ok && got.kind === "not-found") return { ok: true, value: null };
    if (!got.ok) return lookupFailure(got, "organization-unknown", `Zendesk organization ${id}`);
    const name = got.body.organization.name?.trim() || null;
    organizations.set(id, name);
    return { ok: true, value: name };
  }

  return {
    async resolve(closure) {
      let { requester, assignee, organization } = closure;
      // A trigger body without e-mails: the ticket gives the ids to look them up by.
      const needsIds = (!requester.email && !requester.id) || (!assignee.email && !assignee.id);
      if (needsIds && api) {
        const got = await api.ticket(closure.ticketId);
        if (!got.ok) return lookupFailure(got, "ticket-unknown", `Zendesk ticket ${closure.ticketId}`);
        const t = got.body.ticket;
        requester = { ...requester, id: requester.id ?? idOf(t.requester_id) };
        assignee = { ...assignee, id: assignee.id ?? idOf(t.assignee_id) };
        organization = { ...organization, id: organization.id ?? idOf(t.organization_id) };
      }
      const r = await person(requester, "requester");
      if (!r.ok) return r;
      const a = await person(assignee, "technician");
      if (!a.ok) return a;
      if (organization.id && !organization.name) {
        const name = await organizationName(organization.id);
        if (!name.ok) return name;
        organization = { ...organization, name: name.value };
      }
      return { ok: true, value: { requester: r.value, technician: a.value, client: clientOf("zendesk", organization, r.value.email) } };
    },
  };
}
