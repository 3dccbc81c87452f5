// A helpdesk connector: the helpdesk's webhook endpoint (its own authentication and payload, mapped
// to the ticket-closed use case) and the Helpdesk port (look-ups, write-back, settings check).
// Each helpdesk lives in its own folder here (glpi/, zendesk/, freshdesk/, jira/); index.ts builds
// the configured ones and http-app mounts their routers under /webhooks/<name>.
import type { Response, Router } from "express";
import type { AppContext } from "../../app/context.js";
import { ticketClosed, type TicketClosedEvent } from "../../app/ticket-closed.js";
import type { Helpdesk } from "../../ports/helpdesk.js";
import type { Delivery } from "./delivery.js";
import { isEmail, type ClosurePeople, type Lookup } from "./lookup.js";

export interface HelpdeskConnector {
  readonly helpdesk: Helpdesk;
  /** Serves /webhooks/<name>: POST, and GET where the helpdesk needs it (GLPI's challenge). */
  readonly router: Router;
}

/**
 * The answers every connector gives, the same as the generic webhook's: 202 with the survey when
 * one is scheduled, 200 `ignored` with the reason otherwise (a duplicate delivery included).
 */
export async function answerClosure(ctx: AppContext, res: Response, event: TicketClosedEvent): Promise<void> {
  const result = await ticketClosed(ctx, event);
  ctx.metrics?.closureReceived(result.status === "scheduled" ? "scheduled" : result.reason);
  if (result.status === "scheduled") res.status(202).json({ surveyId: result.surveyId, surveyUrl: result.surveyUrl });
  else res.status(200).json({ status: "ignored", reason: result.reason });
}

/** 200 `ignored` for a delivery that is not a closure (another event, another status…). */
export function ignoreEvent(ctx: AppContext, res: Response, reason: string): void {
  ctx.metrics?.closureReceived("not-a-closure");
  res.status(200).json({ status: "ignored", reason });
}

/** 401: the helpdesk's authentication failed; nothing was read further, nothing written. */
export function refuseUnauthenticated(ctx: AppContext, res: Response, message: string): void {
  ctx.metrics?.closureReceived("unauthorized");
  res.status(401).json({ error: "unauthenticated", message });
}

/** The body as JSON; else a 400 invalid-json (with `hint`: what to set in the helpdesk) and undefined. */
export function jsonBody(ctx: AppContext, res: Response, body: Buffer, hint: string): { json: unknown } | undefined {
  try {
    return { json: JSON.parse(body.toString("utf8")) };
  } catch {
    ctx.metrics?.closureReceived("invalid");
    // not user-facing: the webhook API's error for the helpdesk admin's developers (English, like the docs)
    res.status(400).json({ error: "invalid-json", message: `the body is not valid JSON${hint ? ` (${hint})` : ""}`, fields: [] });
    return undefined;
  }
}

/**
 * The closure a delivery holds; else the answer is given here and null returned: 400 invalid-body
 * (the fields at fault) for a body of another shape, 200 ignored with the reason otherwise.
 */
export function closureOf<C>(ctx: AppContext, res: Response, delivery: Delivery<C>): C | null {
  if (delivery.kind === "closure") return delivery.closure;
  if (delivery.kind === "ignored") ignoreEvent(ctx, res, delivery.reason);
  else {
    ctx.metrics?.closureReceived("invalid");
    res.status(400).json({ error: "invalid-body", message: delivery.message, fields: delivery.fields });
  }
  return null;
}

/**
 * A closure whose people were looked up through the helpdesk's API: handed to the use case, or
 * ignored (200, the reason) when an e-mail is unknown, or 503 with Retry-After while the API does
 * not answer. False in that last case: the helpdesk should deliver again.
 */
export async function answerWithPeople(ctx: AppContext, res: Response, closure: Omit<TicketClosedEvent, "requester" | "technician" | "client">, lookedUp: Lookup<ClosurePeople>): Promise<boolean> {
  const found = lookedUp.ok ? withValidEmails(lookedUp.value) : lookedUp;
  if (!found.ok) {
    answerLookupFailure(ctx, res, found, { source: closure.source, ticketId: closure.ticketId });
    return found.kind === "unknown";
  }
  await answerClosure(ctx, res, { ...closure, ...found.value });
  return true;
}

/** The helpdesk's e-mails held to the generic webhook's rule: one that is not an address is an unknown e-mail. */
function withValidEmails(people: ClosurePeople): Lookup<ClosurePeople> {
  for (const role of ["requester", "technician"] as const) {
    // not user-facing: a detail for the log, English like the logs
    if (!isEmail(people[role].email)) return { ok: false, kind: "unknown", reason: `${role}-email-unknown`, detail: `the ${role}'s e-mail is not an e-mail address` };
  }
  return { ok: true, value: people };
}

/**
 * Handles a delivery once per key (GLPI's signature, Jira's delivery identifier): a key seen before
 * answers 200 ignored `duplicateReason`. The key is forgotten again when handling did not finish
 * (false, or thrown), so that the helpdesk's own retry is handled.
 */
export async function oncePerDelivery(ctx: AppContext, res: Response, delivery: { source: string; key: string | null; duplicateReason: string }, handle: () => Promise<boolean>): Promise<void> {
  const { source, key } = delivery;
  if (key && !(await ctx.store.webhookDeliveries.firstSeen(source, key, ctx.clock.now()))) {
    ignoreEvent(ctx, res, delivery.duplicateReason);
    return;
  }
  try {
    const handled = await handle();
    if (!handled && key) await ctx.store.webhookDeliveries.forget(source, key);
  } catch (error) {
    if (key) await ctx.store.webhookDeliveries.forget(source, key);
    throw error;
  }
}

/** How a webhook answers when a person's e-mail could not be found (see lookup.ts): nothing is written. */
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
