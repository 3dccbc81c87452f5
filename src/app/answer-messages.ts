// The messages an answer causes, written to the outbox in the answer's transaction: praise to the
// technician (or a follow-up to management for a poor rating) and the team channel's progress.
import type { Repositories } from "../ports/store.js";

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
 * limits. No dedupe key: a later change (a report, then an approval) needs its own pass.
 */
export async function enqueueCommentCopies(tx: Repositories, m: { answerId: string; now: Date }): Promise<void> {
  await tx.outbox.enqueue({ kind: "comment.copies", payload: { answerId: m.answerId }, availableAt: m.now, now: m.now });
}
