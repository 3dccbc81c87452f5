// How people read a ticket's reference: "#4521" for the generic webhook and the local demo,
// "glpi #4521" when the helpdesk is named.
import type { Ticket } from "./model.js";

const UNNAMED_SOURCES = new Set(["generic", "demo"]);

export function ticketRef(ticket: Pick<Ticket, "source" | "externalId">): string {
  return UNNAMED_SOURCES.has(ticket.source) ? `#${ticket.externalId}` : `${ticket.source} #${ticket.externalId}`;
}
