// The messages an answer causes, written to the outbox in the answer's transaction: praise to the
// technician (or a follow-up to management for a poor rating) and the team channel's progress.
import type { Repositories } from "../ports/store.js";
import { writesBack, type AppContext } from "./context.js";
import { commentFate } from "./delivery/contents.js";

export async function enqueueAnswerMessages(
  tx: Repositories,
  m: { answerId: string; campaignId: string; poor: boolean; potBefore: number; potAfter: number; now: Date },
): Promise<void> {
  await tx.outbox.enqueue({
    kind: m.poor ? "followup.deliver" : "praise.deliver",
    payload: { answerId: m.answerId },
    dedupeKey: `answer:${m.answerId}`,
    availableAt: m.now,
    now: m.now,
  });
  await enqueuePotProgress(tx, { campaignId: m.campaignId, potBefore: m.potBefore, potAfter: m.potAfter, answerId: m.answerId, now: m.now });
}

/** The pot moved (or a shareable comment arrived): refresh the team channel's progress message. */
export async function enqueuePotProgress(
  tx: Repositories,
  m: { campaignId: string; potBefore: number; potAfter: number; answerId: string | null; now: Date },
): Promise<void> {
  await tx.outbox.enqueue({
    kind: "pot.progress",
    payload: { campaignId: m.campaignId, potBefore: m.potBefore, potAfter: m.potAfter, answerId: m.answerId },
    availableAt: m.now,
    now: m.now,
  });
}

/**
 * The comment's fate changed (withdrawn, forgotten, retracted, reported, approved, rejected):
 * every copy already sent is edited, through the outbox so that it survives restarts and rate
 * limits; with write-back on, the helpdesk's copy too ("record" when the comment may be shown now,
 * else "withdraw"). No dedupe key: a later change (a report, then an approval) needs its own pass.
 */
export async function enqueueCommentCopies(ctx: Pick<AppContext, "helpdesks">, tx: Repositories, m: { answerId: string; now: Date }): Promise<void> {
  await tx.outbox.enqueue({ kind: "comment.copies", payload: { answerId: m.answerId }, availableAt: m.now, now: m.now });
  if (!ctx.helpdesks?.some((h) => h.writeBack)) return;
  const answer = await tx.answers.findById(m.answerId);
  const context = answer && (await tx.surveys.findContext(answer.surveyId));
  if (!answer || !context) return;
  await enqueueWriteBack(ctx, tx, { answerId: answer.id, source: context.ticket.source, action: commentFate(answer).comment !== null ? "record" : "withdraw", now: m.now });
}

/** The answer, to be written back to the ticket's helpdesk: only when write-back is on for it. */
export async function enqueueWriteBack(
  ctx: Pick<AppContext, "helpdesks">,
  tx: Repositories,
  m: { answerId: string; source: string; action: "record" | "withdraw"; now: Date },
): Promise<void> {
  if (!writesBack(ctx, m.source)) return;
  await tx.outbox.enqueue({ kind: "helpdesk.write-back", payload: { answerId: m.answerId, action: m.action }, availableAt: m.now, now: m.now });
}
