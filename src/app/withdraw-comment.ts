// Rule 7: the requester withdraws their comment. The text is erased at once; while the campaign
// is open the contribution is reversed and the pot goes down.
import { acceptsContributionsAt } from "../core/campaign/campaign-rules.js";
import { planWithdrawal } from "../core/rules/withdrawal.js";
import type { AppContext } from "./context.js";
import { enqueuePotProgress } from "./answer-messages.js";

export type WithdrawResult =
  | { ok: true; answerId: string; reversedCents: number; potCents: number }
  | { ok: false; reason: "answer-not-found" | "not-requester" | "nothing-to-withdraw" };

/** `answerId` null: the requester's latest comment (the `/cagnotte withdraw` command). */
export async function withdrawComment(ctx: AppContext, input: { personId: string; answerId: string | null }): Promise<WithdrawResult> {
  const now = ctx.clock.now();
  const result = await ctx.store.transaction(async (tx): Promise<WithdrawResult> => {
    const answer = input.answerId ? await tx.answers.findById(input.answerId) : await tx.answers.latestWithCommentBy(input.personId);
    if (!answer) return { ok: false, reason: input.answerId ? "answer-not-found" : "nothing-to-withdraw" };
    if (answer.personId !== input.personId) return { ok: false, reason: "not-requester" };
    if (answer.withdrawnAt !== null || answer.comment === null) return { ok: false, reason: "nothing-to-withdraw" };
    const campaign = await tx.campaigns.findById(answer.campaignId);
    if (!campaign) throw new Error(`answer ${answer.id} has no campaign ${answer.campaignId}`);
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
    return { ok: true, answerId: answer.id, reversedCents, potCents: potBefore - reversedCents };
  });
  ctx.logger.info({ personId: input.personId, ...result }, "comment withdrawal");
  return result;
}
