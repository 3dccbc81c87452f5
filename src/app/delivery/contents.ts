// What an outbox record says, built from the state as it is now (a comment withdrawn meanwhile is
// not quoted; a survey answered meanwhile is not delivered). Data only: the platform words it.
import type { Answer, Person } from "../../core/model.js";
import type { CommentRemoved, FollowUpNote, PotProgress, Recipient, ThankYouNote } from "../../core/views.js";
import { isCommentShowable } from "../../core/rules/counting.js";
import { ticketRef } from "../../core/ticket-ref.js";
import { milestoneCrossed } from "../../core/status/status-report.js";
import { daysLeft, quarterLabel } from "../../core/campaign/quarter.js";
import type { Repositories } from "../../ports/store.js";
import type { AppContext } from "../context.js";

export function toRecipient(p: Person): Recipient {
  return { personId: p.id, email: p.email, name: p.name, locale: p.locale, slackUserId: p.slackUserId, teamsUserId: p.teamsUserId };
}

/** Every manager (CAGNOTTE_ADMINS), as a person when they are known (their language, their chat ids). */
export async function managers(ctx: AppContext, repos: Repositories): Promise<Recipient[]> {
  return Promise.all(
    ctx.admins.map(async (email) => {
      const person = await repos.people.findByEmail(email);
      return person ? toRecipient(person) : { personId: null, email, name: null, locale: null, slackUserId: null, teamsUserId: null };
    }),
  );
}

/** Moderation states in which a comment waits for management's decision (shown nowhere meanwhile). */
const WAITING: ReadonlySet<string> = new Set(["review", "reported"]);
/** Verdicts of the automatic moderation that keep a comment out of every message from the start. */
const FILTERED: ReadonlySet<string> = new Set(["hateful", "insult"]);

/**
 * What may be quoted of an answer's comment now, and if nothing, why: a copy sent earlier is
 * edited to say "withdrawn" (withdrawn, forgotten, retracted, rejected, hateful) or "hidden"
 * (reported, or waiting in moderation: it may come back once approved).
 */
export function commentFate(answer: Pick<Answer, "comment" | "moderation" | "withdrawnAt">): { comment: string | null; removed: CommentRemoved } {
  if (isCommentShowable(answer.moderation, answer.withdrawnAt !== null)) return { comment: answer.comment, removed: null };
  if (answer.comment === null && answer.withdrawnAt === null) return { comment: null, removed: null };
  // Judged hateful or insulting when written: never quoted anywhere, so no copy has anything to
  // replace, and the technician is not told of a comment "withdrawn" that nobody withdrew.
  if (FILTERED.has(answer.moderation) && answer.withdrawnAt === null) return { comment: null, removed: null };
  return { comment: null, removed: WAITING.has(answer.moderation) && answer.withdrawnAt === null ? "hidden" : "withdrawn" };
}

/** Praise for the technician. */
export async function thankYouFor(repos: Repositories, answerId: string): Promise<{ to: Recipient; note: ThankYouNote } | null> {
  const found = await answerWithContext(repos, answerId);
  if (!found) return null;
  const { answer, context, note } = found;
  const contribution = await repos.contributions.findByAnswer(answer.id);
  return {
    to: toRecipient(context.technician),
    note: {
      ...note,
      addedCents: contribution?.status === "active" ? contribution.amountCents : 0,
      potCents: await repos.contributions.potCents(answer.campaignId),
    },
  };
}

/** A poor rating, for management to follow up (never sent to the technician). */
export async function followUpFor(repos: Repositories, answerId: string): Promise<FollowUpNote | null> {
  const found = await answerWithContext(repos, answerId);
  if (!found) return null;
  return { ...found.note, technicianName: found.context.technician.name ?? found.context.technician.email };
}

async function answerWithContext(repos: Repositories, answerId: string) {
  const answer = await repos.answers.findById(answerId);
  const context = answer && (await repos.surveys.findContext(answer.surveyId));
  if (!answer || !context) return null;
  const fate = commentFate(answer);
  const note: Omit<ThankYouNote, "addedCents" | "potCents"> = {
    answerId,
    rating: answer.rating,
    ratingScale: answer.ratingScale,
    comment: fate.comment,
    commentRemoved: fate.removed,
    requesterName: context.requester.name ?? context.requester.email,
    clientName: context.client.name,
    ticketRef: ticketRef(context.ticket),
    ticketTitle: context.ticket.title,
  };
  return { answer, context, note };
}

/** The campaign's progress now; a milestone when this change crossed one; a comment its author agreed to share (rule 8). */
export async function potProgressFor(
  ctx: AppContext,
  repos: Repositories,
  p: { campaignId: string; potBefore: number; potAfter: number; answerId: string | null },
): Promise<PotProgress | null> {
  const campaign = await repos.campaigns.findById(p.campaignId);
  if (!campaign) return null;
  const pot = await repos.contributions.pot(campaign.id);
  const answer = p.answerId ? await repos.answers.findById(p.answerId) : null;
  // Rule 8: quoted only when its author agreed to share it. A withdrawal also takes the consent
  // back (and erases the text): a copy posted earlier then says "withdrawn".
  const fate = answer && (answer.shareConsent || answer.withdrawnAt !== null) ? commentFate(answer) : { comment: null, removed: null };
  const shared = answer?.shareConsent ? fate.comment : null;
  const removed: CommentRemoved = shared === null ? fate.removed : null;
  return {
    campaignId: campaign.id,
    campaignLabel: quarterLabel(campaign),
    charityName: campaign.charity?.name ?? null,
    amountCents: pot.amountCents,
    countedComments: pot.count,
    daysLeft: daysLeft(campaign, ctx.clock.now(), ctx.rules.timeZone),
    milestoneCents: milestoneCrossed(p.potBefore, p.potAfter, ctx.rules.milestoneCents),
    sharedComment: shared,
    sharedAnswerId: answer?.id ?? null,
    commentRemoved: removed,
  };
}
