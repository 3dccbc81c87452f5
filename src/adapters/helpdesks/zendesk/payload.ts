// What Zendesk sends, in either of its two forms, read into one closure (or a reason to ignore it):
// - a trigger's "Notify active webhook" body, written by the admin from placeholders (README gives
//   the template): e-mails and names inline, every value a string, "" when a placeholder is empty;
// - the `zen:event-type:ticket.status_changed` event of an event-subscribed webhook: ids only
//   (requester_id, assignee_id, organization_id), looked up through the API afterwards.
// A ticket is closed for Cagnotte when its status becomes solved or closed.
import { z } from "zod";
import { isFinishedStatus } from "../../../i18n/index.js";
import { invalidBody, type Delivery } from "../delivery.js";

export interface ZendeskPerson {
  id: string | null;
  email: string | null;
  name: string | null;
}

export interface ZendeskClosure {
  ticketId: string;
  title: string | null;
  /** Zendesk's ticket type in lower case ("incident", "problem", "question", "task"), null when unset. */
  type: string | null;
  closedAt: Date;
  requester: ZendeskPerson;
  assignee: ZendeskPerson;
  organization: { id: string | null; name: string | null };
}

export type ZendeskDelivery = Delivery<ZendeskClosure>;

export const STATUS_CHANGED = "zen:event-type:ticket.status_changed";


const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => {
    const s = v === null || v === undefined ? "" : String(v).trim();
    return s === "" || s === "-" ? null : s;
  });
const id = z.union([z.string().trim().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);

const triggerBody = z.object({
  ticket_id: id,
  status: text,
  ticket_type: text,
  subject: text,
  requester_email: text,
  requester_name: text,
  assignee_email: text,
  assignee_name: text,
  organization: text,
  updated_at: text,
});

const statusChangedEvent = z.object({
  type: z.literal(STATUS_CHANGED),
  time: text,
  detail: z.object({
    id: id,
    subject: text,
    type: text,
    requester_id: text,
    assignee_id: text,
    organization_id: text,
    updated_at: text,
  }),
  event: z.object({ current: text, previous: text }),
});

function dateOr(value: string | null, fallback: Date): Date {
  const at = value ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? fallback : new Date(at);
}

export function readZendeskDelivery(json: unknown, receivedAt: Date): ZendeskDelivery {
  if (json && typeof json === "object" && "type" in json && typeof json.type === "string" && json.type.startsWith("zen:event-type:")) {
    if (json.type !== STATUS_CHANGED) return { kind: "ignored", reason: "not-a-status-change" };
    const parsed = statusChangedEvent.safeParse(json);
    // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
    if (!parsed.success) return invalidBody(parsed.error, "a Zendesk ticket.status_changed event");
    const { detail, event, time } = parsed.data;
    const status = event.current ?? "";
    if (!isFinishedStatus("zendesk", status)) return { kind: "ignored", reason: "not-solved-or-closed" };
    return {
      kind: "closure",
      closure: {
        ticketId: detail.id,
        title: detail.subject,
        type: detail.type?.toLowerCase() ?? null,
        closedAt: dateOr(detail.updated_at ?? time, receivedAt),
        requester: { id: detail.requester_id, email: null, name: null },
        assignee: { id: detail.assignee_id, email: null, name: null },
        organization: { id: detail.organization_id, name: null },
      },
    };
  }
  const parsed = triggerBody.safeParse(json);
  // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
  if (!parsed.success) return invalidBody(parsed.error, "a Zendesk trigger body");
  const b = parsed.data;
  const status = b.status ?? "";
  if (!isFinishedStatus("zendesk", status)) return { kind: "ignored", reason: "not-solved-or-closed" };
  return {
    kind: "closure",
    closure: {
      ticketId: b.ticket_id,
      title: b.subject,
      type: b.ticket_type?.toLowerCase() ?? null,
      closedAt: dateOr(b.updated_at, receivedAt),
      requester: { id: null, email: b.requester_email, name: b.requester_name },
      assignee: { id: null, email: b.assignee_email, name: b.assignee_name },
      organization: { id: null, name: b.organization },
    },
  };
}

/**
 * Zendesk's ticket type as Cagnotte's kind: incident and problem are incidents; question and task
 * are requests. A ticket without a type (accounts that do not use the field) counts as an incident.
 */
export function kindOfZendeskType(type: string | null): "incident" | "request" {
  if (type === null || type === "incident" || type === "problem") return "incident";
  return "request";
}
