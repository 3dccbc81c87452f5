// "Report this comment": the button on the technician's thank-you and on the team channel's
// shared-comment post, the safety net for what automatic moderation let through. The comment goes
// to the moderation queue (verdict "reported"), is hidden everywhere at once (every copy edited),
// stops counting until management approves it (an active contribution is reversed while the
// campaign is unpaid; approval counts it again), and management is told. A second report of the
// same comment changes nothing and gets the same answer.
import { refusal, type Refusal } from "../core/refusal.js";
import { ticketRef } from "../core/ticket-ref.js";
import type { AppContext } from "./context.js";
import { enqueueCommentCopies, enqueuePotProgress } from "./answer-messages.js";
import { enqueueNotice } from "./lifecycle/announcements.js";
import { recordAction } from "./management/audit.js";

/** Who clicked: a chat identity (anyone who received a copy may report it). */
export interface Reporter {
  platform: "slack" | "teams";
  userId: string;
  /** As the platform vouches for it; null when unknown. */
  email: string | null;
}

export type ReportResult = { ok: true; hidden: boolean } | { ok: false; refusal: Refusal };

export async function reportComment(ctx: AppContext, input: { reporter: Reporter; answerId: string }): Promise<ReportResult> {
  const now = ctx.clock.now();
  const actor = input.reporter.email ?? `${input.reporter.platform}:${input.reporter.userId}`;
  const result = await ctx.store.transaction(async (tx): Promise<ReportResult> => {
    const answer = await tx.answers.findById(input.answerId);
    const context = answer && (await tx.surveys.findContext(answer.surveyId));
    if (!answer || !context) return { ok: false, refusal: refusal("answer-not-found") };
    // Withdrawn, already waiting, rejected or retracted: shown nowhere already, nothing to do.
    if (answer.withdrawnAt !== null || answer.comment === null || answer.moderation !== "clean") return { ok: true, hidden: false };
    if (await tx.moderation.pendingFor(answer.id)) return { ok: true, hidden: false };
    await tx.campaigns.lock(answer.campaignId);
    await tx.answers.setModeration(answer.id, "reported");
    await tx.answers.setOutcome(answer.id, "moderation-pending");
    await tx.moderation.create({ answerId: answer.id, verdict: "reported", terms: [], status: "pending", at: now });
    const contribution = await tx.contributions.findByAnswer(answer.id);
    if (contribution?.status === "active" && !(await tx.campaigns.isPaid(answer.campaignId))) {
      const potBefore = await tx.contributions.potCents(answer.campaignId);
      await tx.contributions.reverse(contribution.id, { at: now, reason: "reported, awaiting moderation" });
      await enqueuePotProgress(tx, { campaignId: answer.campaignId, potBefore, potAfter: potBefore - contribution.amountCents, answerId: null, now });
    }
    await enqueueCommentCopies(ctx, tx, { answerId: answer.id, now });
    const technicianName = context.technician.name ?? context.technician.email;
    await enqueueNotice(ctx, tx, { kind: "comment-reported", ticketRef: ticketRef(context.ticket), technicianName }, `report:${answer.id}:${now.getTime()}`, now);
    await recordAction(tx, { at: now, actor, action: "comment.report", subject: `answer:${answer.id}`, details: { platform: input.reporter.platform } });
    return { ok: true, hidden: true };
  });
  ctx.logger.info(result.ok ? { answerId: input.answerId, hidden: result.hidden } : { refused: result.refusal.code }, "comment report");
  return result;
}
