// Management's safety net for what moderation missed: `retract <answer-id> <reason>` works at any
// time on any answer. The comment is hidden everywhere (moderation "retracted": only "clean" is
// ever shown), every copy already sent is replaced by "comment withdrawn", and it stops counting
// while its campaign is unpaid; after a payout the money stays given, and the reply and the audit
// log say so. A report waiting in the queue is closed by it (rejected): nothing left to decide.
import { isAdmin, type AppContext } from "../context.js";
import { enqueueCommentCopies, enqueuePotProgress } from "../answer-messages.js";
import { recordAction } from "./audit.js";

export type RetractResult = { ok: true; reversedCents: number; keptCents: number } | { ok: false; reason: "not-management" | "reason-required" | "answer-not-found" };

export async function retractComment(ctx: AppContext, input: { actorEmail: string; answerId: string; reason: string }): Promise<RetractResult> {
  if (!isAdmin(ctx, input.actorEmail)) return { ok: false, reason: "not-management" };
  const reason = input.reason.trim();
  // Like an override: every retraction says why, in the audit log.
  if (reason.length < 3) return { ok: false, reason: "reason-required" };
  const now = ctx.clock.now();
  const result = await ctx.store.transaction(async (tx): Promise<RetractResult> => {
    const answer = await tx.answers.findById(input.answerId.trim());
    if (!answer) return { ok: false, reason: "answer-not-found" };
    await tx.campaigns.lock(answer.campaignId);
    await tx.answers.setModeration(answer.id, "retracted");
    await tx.answers.setOutcome(answer.id, "moderation-rejected");
    const waiting = await tx.moderation.pendingFor(answer.id);
    if (waiting) await tx.moderation.resolve(waiting.id, { status: "rejected", by: input.actorEmail.toLowerCase(), at: now });
    const contribution = await tx.contributions.findByAnswer(answer.id);
    const active = contribution?.status === "active" ? contribution : null;
    const paid = active !== null && (await tx.campaigns.isPaid(answer.campaignId));
    let reversedCents = 0;
    if (active && !paid) {
      const potBefore = await tx.contributions.potCents(answer.campaignId);
      await tx.contributions.reverse(active.id, { at: now, reason: "retracted by management" });
      reversedCents = active.amountCents;
      await enqueuePotProgress(tx, { campaignId: answer.campaignId, potBefore, potAfter: potBefore - reversedCents, answerId: null, now });
    }
    const keptCents = active && paid ? active.amountCents : 0;
    await enqueueCommentCopies(ctx, tx, { answerId: answer.id, now });
    await recordAction(tx, {
      at: now,
      actor: input.actorEmail,
      // The audit line shows the action: after a payout, it says the money stays.
      action: keptCents > 0 ? "comment.retract.money-stays" : "comment.retract",
      subject: `answer:${answer.id}`,
      reason,
      details: { reversedCents, keptCents },
    });
    return { ok: true, reversedCents, keptCents };
  });
  ctx.logger.info(result.ok ? { answerId: input.answerId, reversedCents: result.reversedCents, keptCents: result.keptCents } : { refused: result.reason }, "comment retraction");
  return result;
}
