// Write-back to Jira: an internal comment on the issue (Service Management's `sd.public.comment`
// property with internal: true, so the customer never sees it) with the rating and the comment;
// written again in place when it changes, deleted when the comment is withdrawn. Jira Service
// Management's own satisfaction (CSAT) can only be given by the customer: it is left alone.
import type { HelpdeskWriteBack, WriteBackAnswer, WriteBackResult } from "../../../ports/helpdesk.js";
import { noteLines } from "../note-text.js";
import type { RestFailure, RestOutcome } from "../rest-call.js";
import { writeBackFailure } from "../write-back-outcome.js";
import type { JiraApi } from "./api-client.js";

/** The note as Atlassian Document Format: one paragraph per line, each text a text node (no markup). */
export function jiraNoteBody(answer: WriteBackAnswer, withdrawn = false): unknown {
  return { type: "doc", version: 1, content: noteLines(answer, withdrawn).map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })) };
}

// not user-facing: errors for the outbox record and the logs (English, like the logs)
const failed = (answer: RestFailure, what: string): WriteBackResult => writeBackFailure(answer, `jira: ${what}`);
const notFound = (answer: RestOutcome) => !answer.ok && answer.kind === "not-found";

export function jiraWriteBack(api: JiraApi): HelpdeskWriteBack {
  const issue = (a: WriteBackAnswer) => `/rest/api/3/issue/${encodeURIComponent(a.ticketId)}/comment`;
  return {
    async record(answer) {
      const body = { body: jiraNoteBody(answer), properties: [{ key: "sd.public.comment", value: { internal: true } }] };
      if (answer.previousRef) {
        const put = await api.request("PUT", `${issue(answer)}/${encodeURIComponent(answer.previousRef)}`, { body: body.body });
        if (put.ok) return { status: "done", ref: answer.previousRef };
        // Deleted by someone in Jira meanwhile: written anew below.
        if (!notFound(put)) return failed(put, "edit comment");
      }
      const post = await api.request("POST", issue(answer), body);
      if (!post.ok) return failed(post, "add comment");
      const id = (post.body as { id?: unknown } | null)?.id;
      return { status: "done", ref: typeof id === "string" || typeof id === "number" ? String(id) : null };
    },
    async withdraw(answer) {
      if (!answer.previousRef) return { status: "done", ref: null };
      const del = await api.request("DELETE", `${issue(answer)}/${encodeURIComponent(answer.previousRef)}`);
      if (del.ok || notFound(del)) return { status: "done", ref: null };
      return failed(del, "delete comment");
    },
  };
}
