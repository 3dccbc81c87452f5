// A requester answers: rating, optional comment, share consent. The rules are applied inside one
// transaction that first takes the campaign's row lock, so answers of one campaign are decided one
// after the other and the caps hold exactly under concurrent answers (rule 4).
import type { Answer, SurveyContext } from "../core/model.js";
import { refusal, type Refusal } from "../core/refusal.js";
import { answerability } from "../core/rules/answerability.js";
import type { AnsweredView } from "../core/views.js";
import { acceptsContributionsAt } from "../core/campaign/campaign-rules.js";
import { cleanComment, MAX_COMMENT_LENGTH, normalizeComment } from "../core/rules/comment.js";
import { decideCount, type NotCountedReason } from "../core/rules/counting.js";
import { isPoorRating, isValidRating } from "../core/rules/rating.js";
import { moderateComment } from "../core/moderation/index.js";
import type { Repositories } from "../ports/store.js";
import type { AppContext } from "./context.js";
import { campaignFor } from "./campaign-for.js";
import { enqueueAnswerMessages, enqueueWriteBack } from "./answer-messages.js";
import { answeredViewOf } from "./survey-views.js";

/** Who is answering: a chat identity, or the holder of the survey's web link. */
export type Answerer = { platform: "slack" | "teams"; userId: string; email?: string | null } | { surveyToken: string };

export interface AnswerSurveyInput {
  surveyId: string;
  answerer: Answerer;
  rating: number;
  comment?: string | null;
  shareConsent?: boolean;
}

export type AnswerSurveyResult =
  | { ok: true; view: AnsweredView; answer: Answer; counted: boolean; reason: NotCountedReason | null; addedCents: number; potCents: number; campaignId: string }
  | { ok: false; refusal: Refusal };

const refused = (code: Refusal["code"]): AnswerSurveyResult => ({ ok: false, refusal: refusal(code) });

export async function answerSurvey(ctx: AppContext, input: AnswerSurveyInput): Promise<AnswerSurveyResult> {
  const now = ctx.clock.now();
  const comment = cleanComment(input.comment);
  if (comment !== null && comment.length > MAX_COMMENT_LENGTH) return refused("comment-too-long");
  const result = await ctx.store.transaction(async (tx): Promise<AnswerSurveyResult> => {
    const context = await tx.surveys.findContext(input.surveyId);
    if (!context) return refused("survey-not-found");
    const isRequesterNow = await isRequester(tx, context, input.answerer, now);
    const refusedWith = answerability(context.survey, { isRequester: isRequesterNow, now });
    if (refusedWith) return refused(refusedWith);
    if (!isValidRating(input.rating, ctx.rules.ratingScale)) return refused("invalid-rating");
    // Claim the survey first: a second answer racing this one finds it answered and stops.
    const claimed = await tx.surveys.transition(context.survey.id, ["pending", "delivered", "undeliverable"], "answered", { at: now });
    if (!claimed) return refused("already-answered");
    return recordAnswer(ctx, tx, context, { rating: input.rating, comment, shareConsent: input.shareConsent ?? false, now });
  });
  ctx.logger.info(
    result.ok
      ? { surveyId: input.surveyId, counted: result.counted, reason: result.reason, potCents: result.potCents }
      : { surveyId: input.surveyId, refused: result.refusal.code },
    "survey answer",
  );
  if (result.ok) ctx.metrics?.surveyAnswered("surveyToken" in input.answerer ? "web" : input.answerer.platform);
  return result;
}

async function isRequester(tx: Repositories, context: SurveyContext, answerer: Answerer, now: Date): Promise<boolean> {
  if ("surveyToken" in answerer) return answerer.surveyToken === context.survey.token;
  const { requester } = context;
  const knownId = answerer.platform === "slack" ? requester.slackUserId : requester.teamsUserId;
  if (knownId) return knownId === answerer.userId;
  // First contact on this platform: the platform vouches for the e-mail; remember the identity.
  if (answerer.email && answerer.email.trim().toLowerCase() === requester.email) {
    const other = await tx.people.findByPlatformId(answerer.platform, answerer.userId);
    if (other && other.id !== requester.id) return false;
    await tx.people.linkPlatform(requester.id, { platform: answerer.platform, userId: answerer.userId }, now);
    return true;
  }
  return false;
}

async function recordAnswer(
  ctx: AppContext,
  tx: Repositories,
  context: SurveyContext,
  a: { rating: number; comment: string | null; shareConsent: boolean; now: Date },
): Promise<AnswerSurveyResult> {
  const { campaign } = await campaignFor(tx, a.now, { timeZone: ctx.rules.timeZone, now: a.now });
  await tx.campaigns.lock(campaign.id);
  const moderation = a.comment === null ? { verdict: "clean" as const, terms: [] } : moderateComment(a.comment);
  const normalized = a.comment === null ? null : normalizeComment(a.comment);
  const requesterId = context.requester.id;
  const clientId = context.client.id;
  const decision = decideCount({
    comment: a.comment,
    normalizedComment: normalized,
    moderation: moderation.verdict,
    answeredByRequester: true,
    campaignAcceptsContributions: acceptsContributionsAt(campaign, a.now),
    requesterCountedComments: await tx.contributions.countedNormalizedComments(campaign.id, requesterId),
    requesterCounted: await tx.contributions.countCounted(campaign.id, { requesterId }),
    clientCounted: await tx.contributions.countCounted(campaign.id, { clientId }),
    caps: ctx.rules.caps,
    amountCents: ctx.rules.amountCents,
  });
  const answer = await tx.answers.create({
    surveyId: context.survey.id,
    personId: requesterId,
    campaignId: campaign.id,
    rating: a.rating,
    ratingScale: ctx.rules.ratingScale,
    comment: a.comment,
    normalizedComment: normalized,
    shareConsent: a.shareConsent && a.comment !== null,
    moderation: moderation.verdict,
    outcome: decision.counted ? "counted" : decision.reason,
    answeredAt: a.now,
  });
  if (moderation.verdict !== "clean") {
    // Hateful and insulting comments are recorded for management only; borderline ones wait.
    await tx.moderation.create({
      answerId: answer.id,
      verdict: moderation.verdict,
      terms: moderation.terms,
      status: moderation.verdict === "review" ? "pending" : "closed",
      at: a.now,
    });
  }
  const potBefore = await tx.contributions.potCents(campaign.id);
  if (decision.counted) {
    await tx.contributions.create({ answerId: answer.id, campaignId: campaign.id, requesterId, clientId, kind: "counted", amountCents: decision.amountCents, at: a.now });
  }
  const addedCents = decision.counted ? decision.amountCents : 0;
  await enqueueAnswerMessages(tx, {
    answerId: answer.id,
    campaignId: campaign.id,
    poor: isPoorRating(a.rating, ctx.rules.ratingScale),
    potBefore,
    potAfter: potBefore + addedCents,
    now: a.now,
  });
  await enqueueWriteBack(ctx, tx, { answerId: answer.id, source: context.ticket.source, action: "record", now: a.now });
  return {
    ok: true,
    view: answeredViewOf(context, answer, { addedCents, withdrawn: null }),
    answer,
    counted: decision.counted,
    reason: decision.counted ? null : decision.reason,
    addedCents,
    potCents: potBefore + addedCents,
    campaignId: campaign.id,
  };
}
