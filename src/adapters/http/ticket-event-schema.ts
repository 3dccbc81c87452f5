// The generic ticket-closed event (DESIGN.md contract), validated with zod. Failing fields are
// reported by their dotted path so a helpdesk admin can fix their webhook.
import { z } from "zod";
import type { TicketClosedEvent } from "../../app/ticket-closed.js";

const idLike = z.union([z.string().trim().min(1).max(200), z.number().int().nonnegative()]).transform(String);
/** An e-mail address as every webhook accepts it (the generic one here, the helpdesks' in helpdesks/connector.ts). */
export const emailAddress = z.email().max(320);

const person = z.object({
  email: emailAddress,
  name: z.string().trim().max(200).optional().nullable(),
});

export const ticketClosedBody = z.object({
  // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
  source: z.string().trim().min(1).max(50).regex(/^[a-z0-9._-]+$/i, "letters, digits, dot, dash or underscore").optional(),
  ticketId: idLike,
  title: z.string().trim().max(500).optional().nullable(),
  kind: z.string().trim().min(1).max(50),
  closedAt: z.iso.datetime({ offset: true }),
  requester: person,
  technician: person,
  client: z.object({ id: idLike, name: z.string().trim().max(200).optional().nullable() }),
});

export interface FieldError {
  field: string;
  message: string;
}

export type ParsedTicketEvent = { ok: true; event: TicketClosedEvent } | { ok: false; errors: FieldError[] };

export function parseTicketClosed(json: unknown): ParsedTicketEvent {
  const parsed = ticketClosedBody.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message })) };
  }
  const b = parsed.data;
  return {
    ok: true,
    event: {
      source: (b.source ?? "generic").toLowerCase(),
      ticketId: b.ticketId,
      title: b.title ?? null,
      kind: b.kind,
      closedAt: new Date(b.closedAt),
      requester: { email: b.requester.email.toLowerCase(), name: b.requester.name ?? null },
      technician: { email: b.technician.email.toLowerCase(), name: b.technician.name ?? null },
      client: { id: b.client.id, name: b.client.name ?? null },
    },
  };
}
