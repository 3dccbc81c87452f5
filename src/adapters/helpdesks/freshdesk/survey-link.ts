// The survey link on a Freshdesk ticket: with FRESHDESK_SURVEY_LINK_FIELD, written in that custom
// field (an automation "ticket updated, field changed → send e-mail to requester" places
// {{ticket.<field>}} in its e-mail); else a public reply, which Freshdesk e-mails to the requester.
import type { HelpdeskSurveyLink } from "../../../ports/helpdesk.js";
import { surveyLinkHtml } from "../note-text.js";
import { writeBackFailure } from "../write-back-outcome.js";
import type { FreshdeskApi } from "./api-client.js";

export function freshdeskSurveyLink(api: FreshdeskApi, field: string | null): HelpdeskSurveyLink {
  return {
    async post(link) {
      const got = field ? await api.updateTicket(link.ticketId, { custom_fields: { [field]: link.surveyUrl } }) : await api.reply(link.ticketId, surveyLinkHtml(link));
      // not user-facing: an error for the outbox record and the logs
      if (!got.ok) return writeBackFailure(got, `Freshdesk ticket ${link.ticketId}: ${field ? `field ${field}` : "public reply"} with the survey link`);
      return { status: "done", ref: !field && got.body?.id !== undefined ? String(got.body.id) : null };
    },
  };
}
