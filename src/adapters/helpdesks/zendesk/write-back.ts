// Write-back to Zendesk. Its satisfaction rating can only be given by the requester, so Cagnotte
// writes a private (internal) comment on the ticket with the rating and the comment. Zendesk
// comments cannot be edited or deleted; on withdrawal the earlier note is redacted (every word of
// it permanently replaced by ▇, which Zendesk allows even on closed tickets) and a new note keeps
// the rating and says the comment was withdrawn (skipped when Zendesk refuses changes to a closed
// ticket).
import type { HelpdeskWriteBack, WriteBackResult } from "../../../ports/helpdesk.js";
import { noteLines } from "../note-text.js";
import { writeBackFailure } from "../write-back-outcome.js";
import type { ZendeskApi } from "./api-client.js";

/** The comment's html_body with every piece of text inside <redact>, tags left as they are. */
export function redactAll(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith("<") || part.trim() === "" ? part : `<redact>${part}</redact>`))
    .join("");
}

export function zendeskWriteBack(api: ZendeskApi): HelpdeskWriteBack {
  async function addNote(ticketId: string, body: string): Promise<WriteBackResult> {
    const got = await api.addPrivateComment(ticketId, body);
    // not user-facing: a detail for the log and the outbox's error column, English like the logs
    if (!got.ok) return writeBackFailure(got, `Zendesk ticket ${ticketId}: private note`);
    const comment = got.body?.audit?.events?.find((e) => e.type === "Comment");
    return { status: "done", ref: comment ? String(comment.id) : null };
  }

  return {
    record: (answer) => addNote(answer.ticketId, noteLines(answer, false).join("\n")),

    async withdraw(answer) {
      // Nothing was written (write-back turned on later, or the note was never made).
      if (!answer.previousRef) return { status: "done", ref: null };
      const comments = await api.comments(answer.ticketId);
      // not user-facing: a detail for the log and the outbox's error column, English like the logs
      if (!comments.ok) return writeBackFailure(comments, `Zendesk ticket ${answer.ticketId}: comments`);
      const earlier = comments.body.find((c) => String(c.id) === answer.previousRef);
      if (earlier?.html_body) {
        const redacted = await api.redact(answer.ticketId, answer.previousRef, redactAll(earlier.html_body));
        // not user-facing: a detail for the log and the outbox's error column, English like the logs
        if (!redacted.ok) return writeBackFailure(redacted, `Zendesk comment ${answer.previousRef}: redaction`);
      }
      const note = await addNote(answer.ticketId, noteLines(answer, true).join("\n"));
      // A closed ticket takes no new comment: the redaction alone is what Zendesk allows.
      if (note.status === "failed") return { status: "done", ref: null };
      return note;
    },
  };
}
