// The survey link on a GLPI ticket: a public follow-up (is_private 0) with the link; GLPI's own
// "New followup" notification e-mails it to the requester. GLPI refuses follow-ups on a closed
// ticket (status 6): the link follows solved tickets (status 5), see README, GLPI.
import type { HelpdeskSurveyLink } from "../../../ports/helpdesk.js";
import { surveyLinkHtml } from "../note-text.js";
import { writeBackFailure } from "../write-back-outcome.js";
import type { GlpiApi } from "./api-client.js";

export function glpiSurveyLink(api: GlpiApi): HelpdeskSurveyLink {
  return {
    async post(link) {
      const ticketId = Number(link.ticketId);
      const post = await api.request("POST", `Ticket/${ticketId}/ITILFollowup`, { input: { itemtype: "Ticket", items_id: ticketId, is_private: 0, content: surveyLinkHtml(link) } });
      // not user-facing: an error for the outbox record and the logs
      if (!post.ok) return writeBackFailure(post, `glpi: ticket ${ticketId}: public follow-up with the survey link`);
      const id = (post.body as { id?: unknown } | null)?.id;
      return { status: "done", ref: typeof id === "number" || typeof id === "string" ? `followup:${id}` : null };
    },
  };
}
