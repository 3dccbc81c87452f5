// The survey link on a Jira Service Management issue: with JIRA_SURVEY_LINK_FIELD, written in that
// custom field (an automation rule "Field value changed → Send e-mail" places it in its e-mail);
// else a PUBLIC comment (sd.public.comment internal: false), which Service Management e-mails to
// the customer.
import type { HelpdeskSurveyLink } from "../../../ports/helpdesk.js";
import { writeBackFailure } from "../write-back-outcome.js";
import type { JiraApi } from "./api-client.js";

export function jiraSurveyLink(api: JiraApi, field: string | null): HelpdeskSurveyLink {
  return {
    async post(link) {
      const issue = `/rest/api/3/issue/${encodeURIComponent(link.ticketId)}`;
      if (field) {
        const put = await api.request("PUT", issue, { fields: { [field]: link.surveyUrl } });
        // not user-facing: an error for the outbox record and the logs
        return put.ok ? { status: "done", ref: null } : writeBackFailure(put, `jira: ${link.ticketId}: field ${field}`);
      }
      const text = (t: string) => (t === link.surveyUrl ? { type: "text", text: t, marks: [{ type: "link", attrs: { href: t } }] } : { type: "text", text: t });
      const body = {
        type: "doc",
        version: 1,
        content: [{ type: "paragraph", content: [{ type: "text", text: link.subject, marks: [{ type: "strong" }] }] }, ...link.lines.map((l) => ({ type: "paragraph", content: [text(l)] }))],
      };
      const post = await api.request("POST", `${issue}/comment`, { body, properties: [{ key: "sd.public.comment", value: { internal: false } }] });
      // not user-facing: an error for the outbox record and the logs
      if (!post.ok) return writeBackFailure(post, `jira: ${link.ticketId}: public comment with the survey link`);
      const id = (post.body as { id?: unknown } | null)?.id;
      return { status: "done", ref: typeof id === "string" || typeof id === "number" ? String(id) : null };
    },
  };
}
