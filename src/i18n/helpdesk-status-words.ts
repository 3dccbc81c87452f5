// The words helpdesks use for a finished ticket, in the languages their placeholders render in
// (an admin's trigger body sends {{ticket.status}} as the agent interface shows it). They are read,
// never shown; like the French command words, every French word lives here in the catalogue.

const FRENCH_FINISHED = ["résolu", "resolu", "clos", "fermé", "ferme"];

/** Zendesk: "solved" and "closed" as its API and events name them, or as a French account renders them. */
const ZENDESK_FINISHED: ReadonlySet<string> = new Set(["solved", "closed", ...FRENCH_FINISHED]);
/** Freshdesk: "Resolved" and "Closed", or their French labels. */
const FRESHDESK_FINISHED: ReadonlySet<string> = new Set(["resolved", "closed", ...FRENCH_FINISHED]);

/** Whether `status`, as the helpdesk wrote it, says the ticket is solved/resolved or closed. */
export function isFinishedStatus(helpdesk: "zendesk" | "freshdesk", status: string): boolean {
  return (helpdesk === "zendesk" ? ZENDESK_FINISHED : FRESHDESK_FINISHED).has(status.trim().toLowerCase());
}
