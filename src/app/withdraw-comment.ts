// Rule 7: the requester withdraws their comment. The text is erased at once; while the campaign
// is open the contribution is reversed and the pot goes down (after it closed the money stays, and
// the reply says so). Every copy already sent is edited (comment.copies). Returns the answered view
// as the requester's card or page shows it afterwards.
import { acceptsContributionsAt } from "../core/campaign/campaign-rules.js";
import { refusal, type Refusal } from "../core/refusal.js";
import { planWithdrawal } from "../core/rules/withdrawal.js";
import type { AnsweredView } from "../core/views.js";
import type { Repositories } from "../ports/store.js";
import type { AppContext } from "./context.js";
import { enqueueCommentCopies, enqueuePotProgress } from "./answer-messages.js";
import { answeredViewOf } from "./survey-views.js";

/** Who withdraws: a known person, a chat identity, or the holder of the survey's web link. */
export type Withdrawer = { personId: string } | { platform: "slack" | "teams"; userId: string } | { surveyToken: string };

export type WithdrawResult =
  | { ok: true; view: AnsweredView; reversedCents: number; keptCents: number; potCents: number }
  | { ok: false; refusal: Refusal };

const refused = (code: Refusal["code"]): WithdrawResult => ({ ok: false, refusal: refusal(code) });

async function personIdOf(tx: Repositories, by: Withdrawer): Promise<string | null> {
  if ("personId" in by) return by.personId;
  if ("surveyToken" in by) return (await tx.surveys.findContextByToken(by.surveyToken))?.requester.id ?? null;
  return (await tx.people.findByPlatformId(by.platform, by.userId))?.id ?? null;
}

/** `answerId` null: the person's latest comment (the `withdraw` command). */
export async function withdrawComment(ctx: AppContext, input: { by: Withdrawer; answerId: string | null }): Promise<WithdrawResult> {
  const now = ctx.clock.now();
  const result = await ctx.store.transaction(async (tx): Promise<WithdrawResult> => {
    const personId = await personIdOf(tx, input.by);
    if (!personId) return refused(input.answerId ? "not-author" : "nothing-to-withdraw");
    const answer = input.answerId ? await tx.answers.findById(input.answerId) : await tx.answers.latestWithCommentBy(personId);
    if (!answer) return refused(input.answerId ? "answer-not-found" : "nothing-to-withdraw");
    if (answer.personId !== personId) return refused("not-author");
    if (answer.withdrawnAt !== null || answer.comment === null) return refused("nothing-to-withdraw");
    const campaign = await tx.campaigns.findById(answer.campaignId);
    const context = await tx.surveys.findContext(answer.surveyId);
    if (!campaign || !context) throw new Error(`answer ${answer.id} has no campaign or survey`);
    await tx.campaigns.lock(campaign.id);
    const contribution = await tx.contributions.findByAnswer(answer.id);
    const effect = planWithdrawal({
      contributionActive: contribution?.status === "active",
      campaignOpen: acceptsContributionsAt(campaign, now),
    });
    const potBefore = await tx.contributions.potCents(campaign.id);
    await tx.answers.withdraw(answer.id, now);
    let reversedCents = 0;
    if (effect.reverseContribution && contribution) {
      await tx.contributions.reverse(contribution.id, { at: now, reason: "withdrawn by requester" });
      reversedCents = contribution.amountCents;
      await enqueuePotProgress(tx, { campaignId: campaign.id, potBefore, potAfter: potBefore - reversedCents, answerId: null, now });
    }
    await enqueueCommentCopies(ctx, tx, { answerId: answer.id, now });
    const keptCents = contribution?.status === "active" && !effect.reverseContribution ? contribution.amountCents : 0;
    const withdrawn = { ...answer, comment: null, withdrawnAt: now };
    return {
      ok: true,
      view: answeredViewOf(context, withdrawn, { addedCents: 0, withdrawn: { reversedCents, ...(keptCents > 0 ? { keptCents } : {}) } }),
      reversedCents,
      keptCents,
      potCents: potBefore - reversedCents,
    };
  });
  ctx.logger.info(
    result.ok ? { answerId: result.view.answerId, reversedCents: result.reversedCents } : { refused: result.refusal.code },
    "comment withdrawal",
  );
  return result;
}
