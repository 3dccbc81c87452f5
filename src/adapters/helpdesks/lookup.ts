// The outcome of finding a ticket's people through a helpdesk's API, and how a webhook answers
// when that fails: nothing is written either way.
// - "unknown": the helpdesk says there is no such person or no e-mail → 200 ignored with the
//   reason, and a warning in the log (the support team fixes the ticket or the settings);
// - "unavailable": the API is down, rate limited or refuses our token → 503 with Retry-After, so
//   the helpdesk delivers again later, when the look-up may work.
import type { Response } from "express";
import type { AppContext } from "../../app/context.js";
import { ignoreEvent } from "./connector.js";
import type { RestOutcome } from "./rest-call.js";

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
export function lookupFailure(outcome: Exclude<RestOutcome, { ok: true }>, reason: string, what: string): Exclude<Lookup<never>, { ok: true }> {
  if (outcome.kind === "not-found") return { ok: false, kind: "unknown", reason, detail: `${what} not found` };
  // not user-facing: a detail for the log and the outbox's error column, English like the logs
  if (outcome.kind === "rate-limited") return { ok: false, kind: "unavailable", detail: `rate limited while reading ${what}`, retryAfterMs: outcome.retryAfterMs };
  return { ok: false, kind: "unavailable", detail: `${outcome.kind} while reading ${what}: ${outcome.detail}`, retryAfterMs: null };
}

/** When a ticket has no organisation or company: the requester's e-mail domain stands for the client. */
export function clientOf(organization: { id: string | null; name: string | null }, requesterEmail: string): { id: string; name: string | null } {
  const id = organization.id ?? organization.name;
  if (id) return { id, name: organization.name };
  const domain = requesterEmail.slice(requesterEmail.lastIndexOf("@") + 1).toLowerCase();
  return { id: domain, name: domain };
}

export function answerLookupFailure(ctx: AppContext, res: Response, failure: Exclude<Lookup<never>, { ok: true }>, where: { source: string; ticketId: string }): void {
  if (failure.kind === "unknown") {
    ctx.logger.warn({ ...where, reason: failure.reason, detail: failure.detail }, "helpdesk closure ignored: a person's e-mail could not be found");
    ignoreEvent(ctx, res, failure.reason);
    return;
  }
  ctx.logger.error({ ...where, detail: failure.detail }, "helpdesk closure refused for now: the helpdesk API did not answer the look-up");
  const seconds = Math.max(1, Math.ceil((failure.retryAfterMs ?? 60_000) / 1000));
  // not user-facing: the webhook API's error for the helpdesk (English, like the docs)
  res.status(503).set("Retry-After", String(seconds)).json({ error: "lookup-unavailable", message: "the helpdesk API could not be read; deliver again later" });
}
