// How people read a ticket's reference: "#4521" for the generic webhook and the local demo,
// "GLPI #4521" when the helpdesk is named (its product name as people write it, not our route
// name), and Jira's own issue key as Jira shows it ("Jira ITHD-212": a key is no number).
import type { Ticket } from "./model.js";

const UNNAMED_SOURCES = new Set(["generic", "demo"]);
const HELPDESK_NAMES: Readonly<Record<string, string>> = { glpi: "GLPI", jira: "Jira", zendesk: "Zendesk", freshdesk: "Freshdesk" };

export function ticketRef(ticket: Pick<Ticket, "source" | "externalId">): string {
  if (UNNAMED_SOURCES.has(ticket.source)) return `#${ticket.externalId}`;
  if (ticket.source === "jira") return `Jira ${ticket.externalId}`;
  return `${HELPDESK_NAMES[ticket.source] ?? ticket.source} #${ticket.externalId}`;
}
