// Write-back to GLPI: the ticket's own satisfaction record (TicketSatisfaction: satisfaction 1–5 and
// a comment), so GLPI's satisfaction reports count it. GLPI creates that record itself when its
// satisfaction survey is on for the entity; otherwise Cagnotte creates it, and if the API user may
// not (no right on satisfaction surveys), it writes a private follow-up on the ticket instead.
// Withdrawing clears the satisfaction's comment (the rating stays) or rewrites the follow-up
// without the comment. The reference kept: "satisfaction:<id>" or "followup:<id>".
import type { HelpdeskWriteBack, WriteBackAnswer, WriteBackResult } from "../../../ports/helpdesk.js";
import type { ApiAnswer } from "../http.js";
import { noteLines } from "../note-text.js";
import type { GlpiApi } from "./api-client.js";
import { describeFailure } from "./people.js";

/** Our scale (3 or 5 points) on GLPI's 1–5 stars: 5 points as is; 3 points → 1, 3, 5. */
export function glpiSatisfaction(rating: number, scale: number): number {
  if (scale === 5) return rating;
  return Math.min(5, Math.max(1, 1 + Math.round(((rating - 1) * 4) / Math.max(1, scale - 1))));
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const glpiDate = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");

function failed(answer: Exclude<ApiAnswer, { kind: "ok" }>, what: string): WriteBackResult {
  if (answer.kind === "rate-limited") return { status: "retry", error: `glpi: ${what}: 429`, retryAfterMs: answer.retryAfterMs, rateLimited: true };
  if (answer.kind === "unreachable" || answer.status >= 500 || answer.status === 401) return { status: "retry", error: `glpi: ${what}: ${describeFailure(answer)}` };
  return { status: "failed", reason: `glpi: ${what}: ${describeFailure(answer)}` };
}

const idOf = (body: unknown): number | null => {
  const id = Array.isArray(body) ? (body[0] as { id?: unknown } | undefined)?.id : (body as { id?: unknown } | null)?.id;
  return typeof id === "number" || (typeof id === "string" && /^\d+$/.test(id)) ? Number(id) : null;
};

export function glpiWriteBack(api: GlpiApi): HelpdeskWriteBack {
  const followupContent = (answer: WriteBackAnswer, withdrawn: boolean) => noteLines(answer, withdrawn).map((l) => `<p>${escapeHtml(l)}</p>`).join("");

  async function writeFollowup(answer: WriteBackAnswer, previous: number | null, withdrawn: boolean): Promise<WriteBackResult> {
    const content = followupContent(answer, withdrawn);
    if (previous !== null) {
      const put = await api.request("PUT", `ITILFollowup/${previous}`, { input: { id: previous, content } });
      if (put.kind === "ok") return { status: "done", ref: `followup:${previous}` };
      if (!(put.kind === "status" && put.status === 404)) return failed(put, "update follow-up");
      if (withdrawn) return { status: "done", ref: null };
    }
    const post = await api.request("POST", `Ticket/${answer.ticketId}/ITILFollowup`, { input: { itemtype: "Ticket", items_id: Number(answer.ticketId), is_private: 1, content } });
    if (post.kind !== "ok") return failed(post, "add follow-up");
    const id = idOf(post.body);
    return { status: "done", ref: id !== null ? `followup:${id}` : null };
  }

  async function satisfactionOf(ticketId: string): Promise<{ id: number | null } | { error: WriteBackResult }> {
    const got = await api.request("GET", `Ticket/${ticketId}/TicketSatisfaction`);
    if (got.kind === "ok") return { id: idOf(got.body) };
    if (got.kind === "status" && got.status === 404) return { id: null };
    return { error: failed(got, "read satisfaction") };
  }

  return {
    async record(answer) {
      const previous = answer.previousRef?.split(":") ?? [];
      if (previous[0] === "followup") return writeFollowup(answer, Number(previous[1]), false);
      const input = { satisfaction: glpiSatisfaction(answer.rating, answer.ratingScale), comment: answer.comment ?? "", date_answered: glpiDate(answer.answeredAt) };
      const found = previous[0] === "satisfaction" ? { id: Number(previous[1]) } : await satisfactionOf(answer.ticketId);
      if ("error" in found) return found.error;
      if (found.id !== null) {
        const put = await api.request("PUT", `TicketSatisfaction/${found.id}`, { input: { id: found.id, ...input } });
        if (put.kind === "ok") return { status: "done", ref: `satisfaction:${found.id}` };
        if (!(put.kind === "status" && (put.status === 403 || put.status === 400))) return failed(put, "update satisfaction");
        return writeFollowup(answer, null, false);
      }
      // type 1: GLPI's internal survey; begun when answered, as the requester answered ours.
      const post = await api.request("POST", "TicketSatisfaction", { input: { tickets_id: Number(answer.ticketId), type: 1, date_begin: glpiDate(answer.answeredAt), ...input } });
      if (post.kind === "ok") {
        const id = idOf(post.body);
        return { status: "done", ref: id !== null ? `satisfaction:${id}` : null };
      }
      // No right to create satisfaction records (or GLPI refuses it for this ticket): a private follow-up.
      if (post.kind === "status" && (post.status === 400 || post.status === 403)) return writeFollowup(answer, null, false);
      return failed(post, "add satisfaction");
    },
    async withdraw(answer) {
      const [type, id] = answer.previousRef?.split(":") ?? [];
      if (type === "followup") return writeFollowup(answer, Number(id), true);
      if (type !== "satisfaction") return { status: "done", ref: answer.previousRef };
      const put = await api.request("PUT", `TicketSatisfaction/${id}`, { input: { id: Number(id), comment: "" } });
      if (put.kind === "ok" || (put.kind === "status" && put.status === 404)) return { status: "done", ref: answer.previousRef };
      // not user-facing: an error for the outbox record and the logs
      return failed(put, "clear satisfaction comment");
    },
  };
}
