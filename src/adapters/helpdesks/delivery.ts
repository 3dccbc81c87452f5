// What a helpdesk's webhook body says once its connector has read it, the same shape for all four:
// a closure, something to ignore (200 with the reason: another event, another status…), or a body
// of another shape (400, with the fields at fault).
import type { z } from "zod";

export type Delivery<C> =
  | { kind: "closure"; closure: C }
  | { kind: "ignored"; reason: string }
  | { kind: "invalid"; message: string; fields: string[] };

/** A closure as GLPI's and Jira's webhooks give it: the helpdesk's own people, e-mails looked up afterwards. */
export interface HelpdeskClosure<P> {
  ticketId: string;
  title: string | null;
  /** "incident", "request", or the helpdesk's own type name. */
  kind: string;
  closedAt: Date;
  requester: P;
  technician: P;
  /** "<helpdesk>:<the helpdesk's id for the client>" (lookup.ts, clientOf). */
  client: { id: string; name: string | null };
}

/** A body zod refused, as an invalid delivery: `what` names what was expected. */
export function invalidBody(error: z.ZodError, what: string): Extract<Delivery<never>, { kind: "invalid" }> {
  const fields = error.issues.map((i) => i.path.join(".") || "body");
  // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
  return { kind: "invalid", message: `not ${what}: invalid fields: ${fields.join(", ")}`, fields };
}
