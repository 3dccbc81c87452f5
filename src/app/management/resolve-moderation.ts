// Rule 5: borderline (and reported) comments wait in a queue that management resolves. Approving
// counts the comment if the rules and caps still allow it in the comment's own campaign, and
// restores every copy already sent; rejecting means it is never counted (an override is refused
// too) and never shown: every copy says it was withdrawn.
import { acceptsContributionsAt } from "../../core/campaign/campaign-rules.js";
import { decideCount, type NotCountedReason } from "../../core/rules/counting.js";
import type { Repositories } from "../../ports/store.js";
import { ticketRef } from "../../core/ticket-ref.js";
import type { ModerationQueueItem } from "../../core/views.js";
import type { AppContext } from "../context.js";
import { enqueueCommentCopies, enqueuePotProgress } from "../answer-messages.js";
import { recordAction } from "./audit.js";

const QUEUE_PAGE = 25;

export async function moderationQueue(ctx: AppContext): Promise<ModerationQueueItem[]> {
  const items = await ctx.store.moderation.pending(QUEUE_PAGE);
  const views = await Promise.all(
    items.map(async (item): Promise<ModerationQueueItem | null> => {
      const answer = await ctx.store.answers.findById(item.answerId);
      const context = answer && (await ctx.store.surveys.findContext(answer.surveyId));
      if (!answer || !context) return null;
      return {
        id: item.id,
        answerId: answer.id,
        verdict: item.verdict,
        comment: answer.comment,
        terms: item.terms,
        ticketRef: ticketRef(context.ticket),
        requesterName: context.requester.name ?? context.requester.email,
        clientName: context.client.name,
        createdAt: item.createdAt,
      };
    }),
  );
  return views.filter((v): v is ModerationQueueItem => v !== null);
}

export type ResolveResult =
  | { ok: true; decision: "approve" | "reject"; counted: boolean; reason: NotCountedReason | null }
  | { ok: false; reason: "item-not-found" | "already-resolved" };

export async function resolveModeration(
  ctx: AppContext,
  input: { actorEmail: string; itemId: string; decision: "approve" | "reject"; reason?: string | null },
): Promise<ResolveResult> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx): Promise<ResolveResult> => {
    const item = await tx.moderation.findById(input.itemId);
    const answer = item && (await tx.answers.findById(item.answerId));
    if (!item || !answer) return { ok: false, reason: "item-not-found" };
    await tx.campaigns.lock(answer.campaignId);
    const status = input.decision === "approve" ? "approved" : "rejected";
    if (!(await tx.moderation.resolve(item.id, { status, by: input.actorEmail.toLowerCase(), at: now }))) return { ok: false, reason: "already-resolved" };
    // A reported comment was already posted where it is shared: its copies are restored, not posted again.
    const alreadyShared = item.verdict === "reported";
    const outcome = input.decision === "approve" ? await approve(ctx, tx, answer.id, now, alreadyShared) : await reject(tx, answer.id, now);
    await enqueueCommentCopies(ctx, tx, { answerId: answer.id, now });
    await recordAction(tx, {
      at: now,
      actor: input.actorEmail,
      action: `moderation.${input.decision}`,
      subject: `answer:${answer.id}`,
      reason: input.reason?.trim() || null,
      details: { itemId: item.id, verdict: item.verdict, counted: outcome.counted, outcome: outcome.reason ?? "counted" },
    });
    return { ok: true, decision: input.decision, ...outcome };
  });
}

async function approve(ctx: AppContext, tx: Repositories, answerId: string, now: Date, alreadyShared: boolean): Promise<{ counted: boolean; reason: NotCountedReason | null }> {
  const answer = (await tx.answers.findById(answerId))!;
  const campaign = await tx.campaigns.findById(answer.campaignId);
  const context = await tx.surveys.findContext(answer.surveyId);
  if (!campaign || !context) throw new Error(`answer ${answer.id} lost its campaign or survey`);
  await tx.answers.setModeration(answer.id, "clean");
  if (answer.withdrawnAt !== null) return { counted: false, reason: "no-comment" };
  const requesterId = answer.personId;
  const clientId = context.client.id;
  const decision = decideCount({
    comment: answer.comment,
    normalizedComment: answer.normalizedComment,
    moderation: "clean",
    answeredByRequester: true,
    // The comment's own campaign decides, as if it had been clean when written; a campaign
    // closed or paid since takes no more money.
    campaignAcceptsContributions: acceptsContributionsAt(campaign, answer.answeredAt) && !(await tx.campaigns.isPaid(campaign.id)),
    requesterCountedComments: await tx.contributions.countedNormalizedComments(campaign.id, requesterId),
    requesterCounted: await tx.contributions.countCounted(campaign.id, { requesterId }),
    clientCounted: await tx.contributions.countCounted(campaign.id, { clientId }),
    caps: ctx.rules.caps,
    amountCents: ctx.rules.amountCents,
  });
  await tx.answers.setOutcome(answer.id, decision.counted ? "counted" : decision.reason);
  if (!decision.counted) return { counted: false, reason: decision.reason };
  const potBefore = await tx.contributions.potCents(campaign.id);
  // A reported comment had counted: its contribution, reversed while it waited, counts again.
  const earlier = await tx.contributions.findByAnswer(answer.id);
  if (earlier) await tx.contributions.reactivate(earlier.id, { kind: "counted", amountCents: decision.amountCents, at: now });
  else await tx.contributions.create({ answerId: answer.id, campaignId: campaign.id, requesterId, clientId, kind: "counted", amountCents: decision.amountCents, at: now });
  await enqueuePotProgress(tx, { campaignId: campaign.id, potBefore, potAfter: potBefore + decision.amountCents, answerId: alreadyShared ? null : answer.id, now });
  return { counted: true, reason: null };
}

async function reject(tx: Repositories, answerId: string, now: Date): Promise<{ counted: false; reason: NotCountedReason }> {
  await tx.answers.setModeration(answerId, "rejected");
  await tx.answers.setOutcome(answerId, "moderation-rejected");
  const contribution = await tx.contributions.findByAnswer(answerId);
  if (contribution?.status === "active") await tx.contributions.reverse(contribution.id, { at: now, reason: "rejected in moderation" });
  return { counted: false, reason: "moderation-rejected" };
}
