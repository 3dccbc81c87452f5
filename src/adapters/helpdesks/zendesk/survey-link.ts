// The survey link on a Zendesk ticket: with ZENDESK_SURVEY_LINK_FIELD, written in that custom
// ticket field (a trigger "field changed → e-mail the requester" places {{ticket.ticket_field_<id>}}
// in its e-mail; updates by API run triggers); else a PUBLIC comment, which Zendesk e-mails to the
// requester itself. A closed ticket takes no update (422): given up, see README, Zendesk.
import type { HelpdeskSurveyLink } from "../../../ports/helpdesk.js";
import { surveyLinkText } from "../note-text.js";
import { writeBackFailure } from "../write-back-outcome.js";
import type { ZendeskApi } from "./api-client.js";

export function zendeskSurveyLink(api: ZendeskApi, field: string | null): HelpdeskSurveyLink {
  return {
    async post(link) {
      const update = field ? { custom_fields: [{ id: Number(field), value: link.surveyUrl }] } : { comment: { body: surveyLinkText(link), public: true } };
      const got = await api.updateTicket(link.ticketId, update);
      // not user-facing: an error for the outbox record and the logs
      if (!got.ok) return writeBackFailure(got, `Zendesk ticket ${link.ticketId}: ${field ? `field ${field}` : "public comment"} with the survey link`);
      const comment = got.body?.audit?.events?.find((e) => e.type === "Comment");
      return { status: "done", ref: comment ? String(comment.id) : null };
    },
  };
}
