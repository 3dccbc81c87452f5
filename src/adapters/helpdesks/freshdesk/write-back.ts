// Write-back to Freshdesk: a private note on the ticket with the rating and the comment (HTML,
// every string escaped). Freshdesk lets notes be edited: recording again edits the same note, and
// withdrawal edits it to keep the rating and say the comment was withdrawn (the comment's words
// are gone from the note). A note deleted meanwhile by an agent is written anew, or left alone.
import type { HelpdeskWriteBack, WriteBackAnswer, WriteBackResult } from "../../../ports/helpdesk.js";
import { noteHtml } from "../note-text.js";
import { writeBackFailure } from "../write-back-outcome.js";
import type { FreshdeskApi } from "./api-client.js";

export function freshdeskWriteBack(api: FreshdeskApi): HelpdeskWriteBack {
  async function add(answer: WriteBackAnswer, html: string): Promise<WriteBackResult> {
    const got = await api.addPrivateNote(answer.ticketId, html);
    // not user-facing: a detail for the log and the outbox's error column, English like the logs
    if (!got.ok) return writeBackFailure(got, `Freshdesk ticket ${answer.ticketId}: private note`);
    return { status: "done", ref: got.body?.id === undefined ? null : String(got.body.id) };
  }

  return {
    async record(answer) {
      const html = noteHtml(answer, false);
      if (!answer.previousRef) return add(answer, html);
      const got = await api.updateNote(answer.previousRef, html);
      if (got.ok) return { status: "done", ref: answer.previousRef };
      if (got.kind === "not-found") return add(answer, html);
      // not user-facing: a detail for the log and the outbox's error column, English like the logs
      return writeBackFailure(got, `Freshdesk note ${answer.previousRef}: edit`);
    },

    async withdraw(answer) {
      if (!answer.previousRef) return { status: "done", ref: null };
      const got = await api.updateNote(answer.previousRef, noteHtml(answer, true));
      if (got.ok) return { status: "done", ref: answer.previousRef };
      if (got.kind === "not-found") return { status: "done", ref: null };
      // not user-facing: a detail for the log and the outbox's error column, English like the logs
      return writeBackFailure(got, `Freshdesk note ${answer.previousRef}: edit`);
    },
  };
}
