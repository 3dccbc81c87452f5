// Where a survey stands for the person looking at it: before the chat card opens its comment
// form (openSurvey), when the web page is opened (surveyPage), or to show it again with an error
// (surveyPrompt). Reads only; answerSurvey decides for good with the same answerability rule.
import type { Refusal } from "../core/refusal.js";
import { refusal } from "../core/refusal.js";
import { answerability } from "../core/rules/answerability.js";
import { ticketRef } from "../core/ticket-ref.js";
import type { AnsweredView, SurveyPrompt } from "../core/views.js";
import type { AppContext } from "./context.js";
import { answeredViewOf, surveyPromptOf } from "./survey-views.js";

export type OpenSurveyResult = { ok: true; ticketRef: string; ratingScale: 3 | 5 } | { ok: false; refusal: Refusal };

/** In chat: the person clicked a rating. Someone else's card, or an old one, is refused at once. */
export async function openSurvey(
  ctx: AppContext,
  surveyId: string,
  answerer: { platform: "slack" | "teams"; userId: string; email: string | null },
): Promise<OpenSurveyResult> {
  const context = await ctx.store.surveys.findContext(surveyId);
  if (!context) return { ok: false, refusal: refusal("survey-not-found") };
  const { requester } = context;
  const knownId = answerer.platform === "slack" ? requester.slackUserId : requester.teamsUserId;
  const isRequester = knownId ? knownId === answerer.userId : !!answerer.email && answerer.email.trim().toLowerCase() === requester.email;
  const refused = answerability(context.survey, { isRequester, now: ctx.clock.now() });
  if (refused) return { ok: false, refusal: refusal(refused) };
  return { ok: true, ticketRef: ticketRef(context.ticket), ratingScale: ctx.rules.ratingScale };
}

export type SurveyPageState =
  | { state: "open"; prompt: SurveyPrompt }
  /** `campaignId`: the campaign the answer counted (or would have counted) in. */
  | { state: "answered"; view: AnsweredView; campaignId: string }
  /** `expired`: the survey the link names, when it is too late to answer it. */
  | { state: "refused"; refusal: Refusal; expired?: { ticketRef: string; ticketTitle: string | null; expiredAt: Date } };

/** On the web page: the link's token is the proof of being the requester. */
export async function surveyPage(ctx: AppContext, token: string): Promise<SurveyPageState> {
  const context = await ctx.store.surveys.findContextByToken(token);
  if (!context) return { state: "refused", refusal: refusal("survey-not-found") };
  const refused = answerability(context.survey, { isRequester: true, now: ctx.clock.now() });
  if (refused === "already-answered") {
    const answer = await ctx.store.answers.findBySurvey(context.survey.id);
    if (!answer) return { state: "refused", refusal: refusal("already-answered") };
    const contribution = await ctx.store.contributions.findByAnswer(answer.id);
    const view = answeredViewOf(context, answer, { addedCents: contribution?.status === "active" ? contribution.amountCents : 0, withdrawn: null });
    return { state: "answered", view, campaignId: answer.campaignId };
  }
  if (refused === "survey-expired") {
    // Expired by the job (status) or by the clock: either way, answers stopped at expiresAt at the latest.
    const expiredAt = context.survey.expiresAt;
    return { state: "refused", refusal: refusal(refused), expired: { ticketRef: ticketRef(context.ticket), ticketTitle: context.ticket.title, expiredAt } };
  }
  if (refused) return { state: "refused", refusal: refusal(refused) };
  return { state: "open", prompt: surveyPromptOf(ctx, context, false) };
}

/** The survey as first sent, to show it again (with an error) after a refused answer. */
export async function surveyPrompt(ctx: AppContext, surveyId: string): Promise<SurveyPrompt | null> {
  const context = await ctx.store.surveys.findContext(surveyId);
  return context ? surveyPromptOf(ctx, context, false) : null;
}
