// The views of one survey as its requester sees it: the prompt (chat card, web page, e-mail) and,
// once answered, the answered view. Built from the stored state, never worded here.
import type { Answer, SurveyContext } from "../core/model.js";
import type { NotCountedReason } from "../core/rules/counting.js";
import { ticketRef } from "../core/ticket-ref.js";
import type { AnsweredView, SurveyPrompt } from "../core/views.js";
import type { AppContext } from "./context.js";
import { rulesUrl, surveyUrl } from "./context.js";

export function surveyPromptOf(ctx: AppContext, context: SurveyContext, reminder: boolean): SurveyPrompt {
  return {
    surveyId: context.survey.id,
    surveyUrl: surveyUrl(ctx, context.survey.token),
    ticketRef: ticketRef(context.ticket),
    ticketTitle: context.ticket.title,
    technicianName: context.technician.name ?? context.technician.email,
    clientName: context.client.name,
    ratingScale: ctx.rules.ratingScale,
    amountCents: ctx.rules.amountCents,
    caps: ctx.rules.caps,
    expiresAt: context.survey.expiresAt,
    reminder,
    rulesUrl: rulesUrl(ctx),
  };
}

export function answeredViewOf(
  context: SurveyContext,
  answer: Answer,
  extra: { addedCents: number; withdrawn: AnsweredView["withdrawn"] },
): AnsweredView {
  const erased = answer.withdrawnAt !== null;
  return {
    surveyId: context.survey.id,
    answerId: answer.id,
    ticketRef: ticketRef(context.ticket),
    ticketTitle: context.ticket.title,
    rating: answer.rating,
    ratingScale: answer.ratingScale,
    comment: erased ? null : answer.comment,
    shareConsent: answer.shareConsent && !erased,
    addedCents: extra.addedCents,
    withdrawn: extra.withdrawn ?? (erased ? { reversedCents: 0 } : null),
    notCounted: extra.addedCents === 0 ? notCountedReason(answer.outcome) : null,
  };
}

const NOT_COUNTED: Record<NotCountedReason, true> = {
  "no-comment": true,
  "campaign-closed": true,
  "not-requester": true,
  "duplicate-comment": true,
  "moderation-rejected": true,
  "moderation-pending": true,
  "requester-cap-reached": true,
  "client-cap-reached": true,
};

/** The rules' reason stored with the answer; null when it counted (or counts by override). */
function notCountedReason(outcome: string): NotCountedReason | null {
  return Object.hasOwn(NOT_COUNTED, outcome) ? (outcome as NotCountedReason) : null;
}
