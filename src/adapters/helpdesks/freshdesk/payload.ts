// What Freshdesk's "Trigger webhook" sends: the body the admin typed from placeholders (README gives
// the template), wrapped in "freshdesk_webhook", every value a string, "" when a placeholder is
// empty. `triggered_event` renders as {status:{from:2,to:5}} (not JSON, numeric status ids): 4 is
// Resolved and 5 Closed whatever the helpdesk's language, so it decides when present; without it
// the status name does ("Resolved", "Closed", or their French labels: src/i18n/helpdesk-status-words.ts).
import { z } from "zod";
import { isFinishedStatus } from "../../../i18n/index.js";
import { invalidBody, type Delivery } from "../delivery.js";

export interface FreshdeskClosure {
  ticketId: string;
  title: string | null;
  /** Freshdesk's ticket type in lower case ("incident", "question"…), null when unset. */
  type: string | null;
  requester: { email: string | null; name: string | null };
  agent: { email: string | null; name: string | null };
  company: string | null;
}

export type FreshdeskDelivery = Delivery<FreshdeskClosure>;

const RESOLVED = 4;
const CLOSED = 5;

const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => {
    const s = v === null || v === undefined ? "" : String(v).trim();
    return s === "" ? null : s;
  });

const body = z.object({
  triggered_event: text,
  ticket_id: z.union([z.string().trim().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String),
  ticket_subject: text,
  ticket_status: text,
  ticket_type: text,
  requester_email: text,
  requester_name: text,
  agent_email: text,
  agent_name: text,
  company_name: text,
});

/** The status id a `{status:{from:2,to:5}}` event moved to; null when the event is not a status change. */
export function statusChangedTo(triggeredEvent: string): number | null {
  const m = triggeredEvent.match(/status"?\s*:\s*\{[^}]*\bto"?\s*:\s*"?(\d+)/i);
  return m ? Number(m[1]) : null;
}

export function readFreshdeskDelivery(json: unknown): FreshdeskDelivery {
  const inner = json && typeof json === "object" && "freshdesk_webhook" in json ? json.freshdesk_webhook : json;
  const parsed = body.safeParse(inner);
  // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
  if (!parsed.success) return invalidBody(parsed.error, "a Freshdesk webhook body");
  const b = parsed.data;
  if (b.triggered_event) {
    const to = statusChangedTo(b.triggered_event);
    if (to === null) return { kind: "ignored", reason: "not-a-status-change" };
    if (to !== RESOLVED && to !== CLOSED) return { kind: "ignored", reason: "not-resolved-or-closed" };
  } else if (!isFinishedStatus("freshdesk", b.ticket_status ?? "")) {
    return { kind: "ignored", reason: "not-resolved-or-closed" };
  }
  return {
    kind: "closure",
    closure: {
      ticketId: b.ticket_id,
      title: b.ticket_subject,
      type: b.ticket_type?.toLowerCase() ?? null,
      requester: { email: b.requester_email, name: b.requester_name },
      agent: { email: b.agent_email, name: b.agent_name },
      company: b.company_name,
    },
  };
}

/**
 * Freshdesk's ticket type as Cagnotte's kind: Incident and Problem are incidents; every other type
 * (Question, Feature Request, Refund, Service Request, custom ones) is a request. A ticket without a
 * type counts as an incident (helpdesks that do not use the field).
 */
export function kindOfFreshdeskType(type: string | null): "incident" | "request" {
  if (type === null || type === "incident" || type === "problem") return "incident";
  return "request";
}
