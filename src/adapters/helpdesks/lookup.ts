// The outcome of finding a ticket's people through a helpdesk's API, and how a webhook answers
// when that fails (answerLookupFailure in connector.ts): nothing is written either way.
// - "unknown": the helpdesk says there is no such person or no e-mail → 200 ignored with the
//   reason, and a warning in the log (the support team fixes the ticket or the settings);
// - "unavailable": the API is down, rate limited or refuses our token → 503 with Retry-After, so
//   the helpdesk delivers again later, when the look-up may work.
import type { HelpdeskName } from "../../ports/helpdesk.js";
import { emailAddress } from "../http/ticket-event-schema.js";
import type { RestFailure } from "./rest-call.js";

/** Whose e-mail is looked up: it names the reason a closure is ignored ("requester-email-unknown"). */
export type Role = "requester" | "technician";

/** The generic webhook's rule for an e-mail address (ticket-event-schema.ts), for every helpdesk too. */
export const isEmail = (text: string): boolean => emailAddress.safeParse(text).success;

export type Lookup<T> =
  | { ok: true; value: T }
  | { ok: false; kind: "unknown"; reason: string; detail: string }
  | { ok: false; kind: "unavailable"; detail: string; retryAfterMs: number | null };

export interface ClosurePeople {
  requester: { email: string; name: string | null };
  technician: { email: string; name: string | null };
  client: { id: string; name: string | null };
}

/** A failed API call as a look-up failure: 404 is "unknown", anything else "unavailable". */
export function lookupFailure(outcome: RestFailure, reason: string, what: string): Exclude<Lookup<never>, { ok: true }> {
  if (outcome.kind === "not-found") return { ok: false, kind: "unknown", reason, detail: `${what} not found` };
  // not user-facing: a detail for the log and the outbox's error column, English like the logs
  if (outcome.kind === "rate-limited") return { ok: false, kind: "unavailable", detail: `rate limited while reading ${what}`, retryAfterMs: outcome.retryAfterMs };
  return { ok: false, kind: "unavailable", detail: `${outcome.kind} while reading ${what}: ${outcome.detail}`, retryAfterMs: null };
}

/**
 * The client's id, one rule for every helpdesk: the helpdesk's name, a colon, then the helpdesk's own
 * identifier for the client (GLPI's entity id, Zendesk's organisation id or name, Freshdesk's
 * company, Jira's organization or project), so that two helpdesks' ids (both "3") never merge two
 * clients and their caps. When a ticket has no organisation or company, the requester's e-mail
 * domain stands for the client: "zendesk:client.example".
 */
export function clientOf(helpdesk: HelpdeskName, organization: { id: string | null; name: string | null }, requesterEmail: string): { id: string; name: string | null } {
  const id = organization.id ?? organization.name;
  if (id) return { id: `${helpdesk}:${id}`, name: organization.name };
  const domain = requesterEmail.slice(requesterEmail.lastIndexOf("@") + 1).toLowerCase();
  return { id: `${helpdesk}:${domain}`, name: domain };
}

/** A closure's people from the helpdesk's own: the requester's e-mail, then the technician's (the first failure stops). */
export async function closurePeople<P extends { name: string | null }>(
  emailOf: (person: P, role: Role) => Promise<Lookup<string>>,
  closure: { requester: P; technician: P; client: ClosurePeople["client"] },
): Promise<Lookup<ClosurePeople>> {
  const r = await emailOf(closure.requester, "requester");
  if (!r.ok) return r;
  const t = await emailOf(closure.technician, "technician");
  if (!t.ok) return t;
  return { ok: true, value: { requester: { email: r.value, name: closure.requester.name }, technician: { email: t.value, name: closure.technician.name }, client: closure.client } };
}
