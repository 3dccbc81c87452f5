// Action.Execute invokes (`adaptiveCard/action`): answering a survey, withdrawing a comment,
// moderation buttons. Verifies and parses, calls the use case, and answers with the card that
// replaces the one clicked. A stale or answered card never makes a second answer: answerSurvey
// refuses it and the card says so.
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from "botbuilder";
import { z } from "zod";
import { answerSurvey, type AnswerRefusal } from "../../app/answer-survey.js";
import { refusal } from "../../app/commands/refusals.js";
import { runCommand } from "../../app/commands/run-command.js";
import { buildSurveyMessage, ticketRef } from "../../app/outbox/build-messages.js";
import { withdrawComment } from "../../app/withdraw-comment.js";
import type { Locale } from "../../core/model.js";
import type { AdaptiveCard } from "./card-templates.js";
import { actorOf } from "./command-handler.js";
import { memberOf, rememberMember, type Member } from "./conversation-references.js";
import { noteCard } from "./note-cards.js";
import { replyCard } from "./reply-cards.js";
import { answeredCard, surveyCard } from "./survey-cards.js";
import type { TeamsDeps } from "./teams-deps.js";
import { localeOf, teamsTexts } from "./teams-texts.js";

const answerData = z.object({
  surveyId: z.string().min(1).max(100),
  rating: z.coerce.number().int(),
  comment: z.string().optional().nullable(),
  share: z.union([z.boolean(), z.enum(["true", "false"]).transform((s) => s === "true")]).optional(),
});
const withdrawData = z.object({ answerId: z.string().min(1).max(100) });
const moderationData = z.object({ itemId: z.string().min(1).max(100).regex(/^[\w-]+$/) });

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card };
}

function badRequest(message: string): AdaptiveCardInvokeResponse {
  return { statusCode: 400, type: "application/vnd.microsoft.error", value: { code: "BadRequest", message } as unknown as AdaptiveCard };
}

async function refusedAnswer(deps: TeamsDeps, surveyId: string, reason: AnswerRefusal, locale: Locale): Promise<AdaptiveCard> {
  const t = teamsTexts[locale];
  if (reason === "invalid-rating" || reason === "comment-too-long") {
    // The survey stays open: show it again with the problem.
    const message = await buildSurveyMessage(deps.ctx, deps.ctx.store, surveyId, false);
    const error = reason === "invalid-rating" ? t.invalidRating : t.commentTooLong;
    if (message) return surveyCard({ ...message.prompt, locale }, error);
    return noteCard({ title: error, color: "Attention" });
  }
  const text = { "already-answered": t.alreadyAnswered, "survey-expired": t.expired, "not-requester": t.notRequester, "survey-not-found": t.surveyMissing }[reason];
  return noteCard({ title: text, color: reason === "already-answered" ? "Default" : "Attention" });
}

async function answer(deps: TeamsDeps, member: Member, data: unknown, locale: Locale): Promise<AdaptiveCardInvokeResponse> {
  const parsed = answerData.safeParse(data);
  if (!parsed.success) return badRequest("survey answer: surveyId and rating are required");
  const input = parsed.data;
  const result = await answerSurvey(deps.ctx, {
    surveyId: input.surveyId,
    // Teams vouches for the member's e-mail: it links the identity on a first answer.
    answerer: { platform: "teams", userId: member.userId, email: member.email },
    rating: input.rating,
    comment: input.comment ?? null,
    shareConsent: input.share ?? false,
  });
  if (!result.ok) return cardResponse(await refusedAnswer(deps, input.surveyId, result.reason, locale));
  const context = await deps.ctx.store.surveys.findContext(input.surveyId);
  return cardResponse(
    answeredCard({
      locale,
      answerId: result.answer.id,
      ticketRef: context ? ticketRef(context) : "",
      ticketTitle: context?.ticket.title ?? null,
      rating: result.answer.rating,
      ratingScale: result.answer.ratingScale,
      comment: result.answer.comment,
      addedCents: result.addedCents,
    }),
  );
}

async function withdraw(deps: TeamsDeps, member: Member, data: unknown, locale: Locale): Promise<AdaptiveCardInvokeResponse> {
  const parsed = withdrawData.safeParse(data);
  if (!parsed.success) return badRequest("withdraw: answerId is required");
  const t = teamsTexts[locale];
  const person = await deps.ctx.store.people.findByPlatformId("teams", member.userId);
  if (!person) return cardResponse(noteCard({ title: t.notRequester, color: "Attention" }));
  const result = await withdrawComment(deps.ctx, { personId: person.id, answerId: parsed.data.answerId });
  if (!result.ok) return cardResponse(replyCard(refusal(result.reason), locale));
  return cardResponse(noteCard({ title: t.withdrawnTitle, lines: [t.withdrawnBody], color: "Good" }));
}

export async function handleCardAction(deps: TeamsDeps, turn: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
  const locale = localeOf(turn.activity.locale, deps.ctx.rules.defaultLocale);
  const member = await memberOf(turn);
  const person = await rememberMember(deps.ctx, turn, member, locale);
  const data: unknown = value.action?.data;
  switch (value.action?.verb) {
    case "survey.answer":
      return answer(deps, member, data, locale);
    case "comment.withdraw":
      return withdraw(deps, member, data, locale);
    case "moderation.approve":
    case "moderation.reject": {
      const parsed = moderationData.safeParse(data);
      if (!parsed.success) return badRequest("moderation: itemId is required");
      const decision = value.action.verb === "moderation.approve" ? "approve" : "reject";
      const reply = await runCommand(deps.ctx, deps.commands, actorOf(member, person, locale), `moderation ${decision} ${parsed.data.itemId}`);
      return cardResponse(replyCard(reply, locale));
    }
    default:
      return badRequest(`unknown action: ${String(value.action?.verb).slice(0, 50)}`);
  }
}
