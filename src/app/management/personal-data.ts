// Personal data: management exports what is stored about one person (right of access); a
// requester erases all their comment texts (`forget-me`, right to erasure), in every copy sent
// too. Both are audited.
import { acceptsContributionsAt } from "../../core/campaign/campaign-rules.js";
import { planWithdrawal } from "../../core/rules/withdrawal.js";
import type { AppContext } from "../context.js";
import { enqueueCommentCopies, enqueuePotProgress } from "../answer-messages.js";
import { recordAction } from "./audit.js";

export async function exportPerson(
  ctx: AppContext,
  input: { actorEmail: string; email: string },
): Promise<{ ok: true; filename: string; content: string } | { ok: false; reason: "person-not-found" }> {
  const person = await ctx.store.people.findByEmail(input.email.trim().toLowerCase());
  const record = person && (await ctx.store.exports.personRecord(person.id));
  if (!person || !record) return { ok: false, reason: "person-not-found" };
  await recordAction(ctx.store, { at: ctx.clock.now(), actor: input.actorEmail, action: "person.export", subject: `person:${person.id}` });
  return { ok: true, filename: `cagnotte-person-${person.id}.json`, content: `${JSON.stringify(record, null, 2)}\n` };
}

export interface ForgetResult {
  erased: number;
  reversedCents: number;
  /** What stays in the pots of campaigns already closed (rule 7): the reply says so. */
  keptCents: number;
}

/**
 * Erases every comment text of the person; contributions of open campaigns are reversed (as
 * withdrawal does). The person is known by id, or by the e-mail their platform vouches for (before
 * their identity is linked); null when we hold nothing of them.
 */
export async function forgetMe(ctx: AppContext, who: { personId: string | null; email: string | null }): Promise<ForgetResult | null> {
  const personId = who.personId ?? (who.email ? (await ctx.store.people.findByEmail(who.email.trim().toLowerCase()))?.id : null);
  return personId ? erasePerson(ctx, { personId }) : null;
}

async function erasePerson(ctx: AppContext, input: { personId: string }): Promise<ForgetResult> {
  const now = ctx.clock.now();
  const result = await ctx.store.transaction(async (tx): Promise<ForgetResult> => {
    const answers = (await tx.exports.answersOf(input.personId)).filter((a) => a.comment !== null);
    let reversedCents = 0;
    let keptCents = 0;
    for (const answer of answers) {
      const campaign = await tx.campaigns.findById(answer.campaignId);
      if (!campaign) throw new Error(`answer ${answer.id} has no campaign ${answer.campaignId}`);
      await tx.campaigns.lock(campaign.id);
      const contribution = await tx.contributions.findByAnswer(answer.id);
      const effect = planWithdrawal({ contributionActive: contribution?.status === "active", campaignOpen: acceptsContributionsAt(campaign, now) });
      await tx.answers.withdraw(answer.id, now);
      // Every message that quoted it says "comment withdrawn" instead.
      await enqueueCommentCopies(ctx, tx, { answerId: answer.id, now });
      if (effect.reverseContribution && contribution) {
        const potBefore = await tx.contributions.potCents(campaign.id);
        await tx.contributions.reverse(contribution.id, { at: now, reason: "erased at the requester's request" });
        await enqueuePotProgress(tx, { campaignId: campaign.id, potBefore, potAfter: potBefore - contribution.amountCents, answerId: null, now });
        reversedCents += contribution.amountCents;
      } else if (contribution?.status === "active") keptCents += contribution.amountCents;
    }
    await recordAction(tx, { at: now, actor: `person:${input.personId}`, action: "person.forget", subject: `person:${input.personId}`, details: { erased: answers.length, reversedCents, keptCents } });
    return { erased: answers.length, reversedCents, keptCents };
  });
  ctx.logger.info({ personId: input.personId, ...result }, "comments erased at the requester's request");
  return result;
}
