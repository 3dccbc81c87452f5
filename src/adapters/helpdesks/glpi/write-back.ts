// Write-back to GLPI: the ticket's own satisfaction record (TicketSatisfaction, addressed by the
// ticket's id: satisfaction 1–5 and a comment), so that GLPI's satisfaction reports count it.
// GLPI lets only the requester (or whoever holds the survey right) answer it, and no change 12 h
// after the answer: when it refuses (ERROR_RIGHT_MISSING, 403, 400), Cagnotte writes a private
// follow-up on the ticket with the rating and the comment instead. Withdrawing clears the
// satisfaction's comment (the stars stay) or rewrites the follow-up without the comment; when GLPI
// refuses to clear it, a private follow-up says the comment was withdrawn.
// The reference kept: "satisfaction:<ticket id>" or "followup:<id>".
import type { HelpdeskWriteBack, WriteBackAnswer, WriteBackResult } from "../../../ports/helpdesk.js";
import { noteHtml } from "../note-text.js";
import type { RestFailure, RestOutcome } from "../rest-call.js";
import { writeBackFailure } from "../write-back-outcome.js";
import { isRightMissing, type GlpiApi } from "./api-client.js";

/** Our scale (3 or 5 points) on GLPI's stars (its default scale, 5): 5 points as is; 3 points → 1, 3, 5. */
export function glpiSatisfaction(rating: number, scale: number): number {
  if (scale === 5) return rating;
  return Math.min(5, Math.max(1, 1 + Math.round(((rating - 1) * 4) / Math.max(1, scale - 1))));
}

const glpiDate = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");
/** GLPI refuses this for good from this user (rights, or its 12-hour rule), or the input (400). */
const refused = (answer: RestOutcome) => isRightMissing(answer) || (!answer.ok && answer.status === 400);
const notFound = (answer: RestOutcome) => !answer.ok && answer.kind === "not-found";

// not user-facing: errors for the outbox record and the logs (English, like the logs)
const failed = (answer: RestFailure, what: string): WriteBackResult => writeBackFailure(answer, `glpi: ${what}`);

const idOf = (body: unknown): number | null => {
  const id = Array.isArray(body) ? (body[0] as { id?: unknown } | undefined)?.id : (body as { id?: unknown } | null)?.id;
  return typeof id === "number" || (typeof id === "string" && /^\d+$/.test(id)) ? Number(id) : null;
};

export function glpiWriteBack(api: GlpiApi): HelpdeskWriteBack {
  async function writeFollowup(answer: WriteBackAnswer, previous: number | null, withdrawn: boolean): Promise<WriteBackResult> {
    const content = noteHtml(answer, withdrawn);
    if (previous !== null) {
      const put = await api.request("PUT", `ITILFollowup/${previous}`, { input: { id: previous, content } });
      if (put.ok) return { status: "done", ref: `followup:${previous}` };
      if (!notFound(put)) return failed(put, "update follow-up");
      if (withdrawn) return { status: "done", ref: null };
    }
    const post = await api.request("POST", `Ticket/${answer.ticketId}/ITILFollowup`, { input: { itemtype: "Ticket", items_id: Number(answer.ticketId), is_private: 1, content } });
    if (!post.ok) return failed(post, "add follow-up");
    const id = idOf(post.body);
    return { status: "done", ref: id !== null ? `followup:${id}` : null };
  }

  return {
    async record(answer) {
      const [type, id] = answer.previousRef?.split(":") ?? [];
      if (type === "followup") return writeFollowup(answer, Number(id), false);
      const ticketId = Number(answer.ticketId);
      const values = { tickets_id: ticketId, satisfaction: glpiSatisfaction(answer.rating, answer.ratingScale), comment: answer.comment ?? "" };
      // A satisfaction is known by its ticket's id (GLPI's index for it is tickets_id).
      const existing = await api.request("GET", `TicketSatisfaction/${ticketId}`);
      let written: RestOutcome;
      if (existing.ok) written = await api.request("PUT", `TicketSatisfaction/${ticketId}`, { input: values });
      else if (notFound(existing)) {
        // type 1: GLPI's internal survey, begun and answered when the requester answered ours.
        written = await api.request("POST", "TicketSatisfaction", { input: { ...values, type: 1, date_begin: glpiDate(answer.answeredAt), date_answered: glpiDate(answer.answeredAt) } });
      } else written = existing;
      if (written.ok) return { status: "done", ref: `satisfaction:${ticketId}` };
      if (refused(written)) return writeFollowup(answer, null, false);
      return failed(written, "write satisfaction");
    },
    async withdraw(answer) {
      const [type, id] = answer.previousRef?.split(":") ?? [];
      if (type === "followup") return writeFollowup(answer, Number(id), true);
      if (type !== "satisfaction") return { status: "done", ref: answer.previousRef };
      const put = await api.request("PUT", `TicketSatisfaction/${id}`, { input: { tickets_id: Number(id), comment: "" } });
      if (put.ok || notFound(put)) return { status: "done", ref: answer.previousRef };
      // GLPI keeps answers unchanged 12 h after they were given: say on the ticket that it was withdrawn.
      if (refused(put)) return writeFollowup(answer, null, true);
      // not user-facing: an error for the outbox record and the logs
      return failed(put, "clear satisfaction comment");
    },
  };
}
