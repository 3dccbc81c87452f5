// GLPI 11's default webhook body: {"item": <the ticket as the high-level API shows it>, "event"}.
// A ticket solved or closed arrives as an "update" event whose status id is 5 (solved) or 6
// (closed). The team lists people by role with their login and display name, and their user id
// only inside `href` (/front/user.form.php?id=42): no e-mail, which the API gives (people.ts).
import { z } from "zod";
import { invalidBody, type Delivery, type HelpdeskClosure } from "../delivery.js";

const dropdown = z.object({ id: z.coerce.number(), name: z.string().nullish() }).nullish();

const member = z.object({
  role: z.string(),
  name: z.string().nullish(),
  display_name: z.string().nullish(),
  href: z.string().nullish(),
});

const schema = z.object({
  event: z.string(),
  item: z.object({
    id: z.coerce.number().int().positive(),
    name: z.string().nullish(),
    type: z.coerce.number().nullish(),
    status: dropdown,
    entity: z.object({ id: z.coerce.number(), name: z.string().nullish(), completename: z.string().nullish() }).nullish(),
    date_mod: z.string().nullish(),
    date_solve: z.string().nullish(),
    solvedate: z.string().nullish(),
    closedate: z.string().nullish(),
    team: z.array(member).default([]),
  }),
});

/** GLPI's statuses that end a ticket: 5 solved, 6 closed. */
const CLOSING_STATUSES: ReadonlySet<number> = new Set([5, 6]);

export interface GlpiPerson {
  userId: number;
  login: string | null;
  name: string | null;
}

/** kind: type 1 → "incident", 2 → "request"; client: the entity, "glpi:<entity id>". */
export type GlpiDelivery = Delivery<HelpdeskClosure<GlpiPerson>>;

const USER_HREF = /\/front\/user\.form\.php\?(?:.*&)?id=(\d+)/;

function person(team: z.infer<typeof member>[], role: string): GlpiPerson | null {
  for (const m of team) {
    if (m.role !== role) continue;
    const id = m.href ? USER_HREF.exec(m.href)?.[1] : undefined;
    // Groups and suppliers are team members too; only users can be surveyed or thanked.
    if (id) return { userId: Number(id), login: m.name ?? null, name: m.display_name ?? m.name ?? null };
  }
  return null;
}

function parseDate(...candidates: (string | null | undefined)[]): Date | null {
  for (const c of candidates) {
    if (!c) continue;
    const d = new Date(c.includes("T") ? c : c.replace(" ", "T"));
    if (!Number.isNaN(d.getTime())) return d;
  }
  return null;
}

export function readGlpiDelivery(json: unknown): GlpiDelivery {
  const parsed = schema.safeParse(json);
  // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
  if (!parsed.success) return invalidBody(parsed.error, "a GLPI ticket webhook body");
  const { event, item } = parsed.data;
  if (event !== "update") return { kind: "ignored", reason: `not-a-closure: event ${event}` };
  const status = item.status?.id;
  if (status === undefined || !CLOSING_STATUSES.has(status)) return { kind: "ignored", reason: `not-a-closure: status ${status ?? "unknown"}` };
  const requester = person(item.team, "requester");
  if (!requester) return { kind: "ignored", reason: "no-requester" };
  const technician = person(item.team, "assigned");
  if (!technician) return { kind: "ignored", reason: "no-technician" };
  if (!item.entity) return { kind: "invalid", message: "item.entity is missing", fields: ["item.entity"] };
  const closedAt = parseDate(item.closedate, item.date_solve, item.solvedate, item.date_mod);
  // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
  if (!closedAt) return { kind: "invalid", message: "item.date_mod is missing or not a date", fields: ["item.date_mod"] };
  return {
    kind: "closure",
    closure: {
    ticketId: String(item.id),
    title: item.name ?? null,
    kind: item.type === 2 ? "request" : "incident",
    closedAt,
    requester,
    technician,
    // Prefixed: client ids of several helpdesks (and the generic webhook) never collide.
    client: { id: `glpi:${item.entity.id}`, name: item.entity.name ?? item.entity.completename ?? null },
    },
  };
}
