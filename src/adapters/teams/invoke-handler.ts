// Action.Execute invokes (`adaptiveCard/action`): answering a survey, withdrawing a comment,
// reporting one, moderation buttons. Parses the card's data, calls the use case, and answers with
// the card that replaces the one clicked (a report: with a message to the clicker only, since the
// card may be in a channel; the outbox edits it for everyone). A stale or answered card never makes a second answer: answerSurvey
// refuses it and the card says so.
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from "botbuilder";
import { z } from "zod";
import { answerSurvey } from "../../app/answer-survey.js";
import { runCommand } from "../../app/commands/run-command.js";
import { surveyPrompt } from "../../app/survey-state.js";
import { withdrawComment } from "../../app/withdraw-comment.js";
import { reportComment } from "../../app/report-comment.js";
import type { Refusal } from "../../core/refusal.js";
import { presentAnswered, presentRefusal, presentReply, presentSurvey } from "../../presenter/index.js";
import { actorOf, whoAsks, type Asker } from "./asker.js";
import type { AdaptiveCard } from "./card-templates.js";
import { replyCard } from "./command-handler.js";
import { ACTION_DATA_KEY, renderCard } from "./render-card.js";
import type { TeamsDeps } from "./teams-deps.js";

const id = z.string().min(1).max(100);
const answerData = z.object({
  [ACTION_DATA_KEY["survey.answer"]]: id,
  rating: z.coerce.number().int(),
  comment: z.string().optional().nullable(),
  share: z.union([z.boolean(), z.enum(["true", "false"]).transform((s) => s === "true")]).optional(),
});
const withdrawData = z.object({ [ACTION_DATA_KEY["comment.withdraw"]]: id });
const reportData = z.object({ [ACTION_DATA_KEY["comment.report"]]: id });
const moderationData = z.object({ [ACTION_DATA_KEY["moderation.approve"]]: id.regex(/^[\w-]+$/) });

export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card };
}

function badRequest(message: string): AdaptiveCardInvokeResponse {
  return { statusCode: 400, type: "application/vnd.microsoft.error", value: { code: "BadRequest", message } as unknown as AdaptiveCard };
}

/** A problem the requester can fix shows the survey again with it; any other refusal replaces the card. */
async function refusedAnswer(deps: TeamsDeps, surveyId: string, refusal: Refusal, asker: Asker): Promise<AdaptiveCard> {
  const said = presentRefusal(refusal, asker.presentation);
  if (refusal.code === "invalid-rating" || refusal.code === "comment-too-long") {
    const prompt = await surveyPrompt(deps.ctx, surveyId);
    if (prompt) return renderCard(presentSurvey(prompt, asker.presentation), { alert: said.title });
  }
  return renderCard(said);
}

async function answer(deps: TeamsDeps, asker: Asker, data: unknown): Promise<AdaptiveCardInvokeResponse> {
  const parsed = answerData.safeParse(data);
  // not user-facing: the 400 body a Teams client gets for a malformed invoke
  if (!parsed.success) return badRequest("survey answer: surveyId and rating are required");
  const { surveyId, rating, comment, share } = parsed.data;
  const result = await answerSurvey(deps.ctx, {
    surveyId,
    // Teams vouches for the member's e-mail: it links the identity on a first answer.
    answerer: { platform: "teams", userId: asker.member.userId, email: asker.member.email },
    rating,
    comment: comment ?? null,
    shareConsent: share ?? false,
  });
  if (!result.ok) return cardResponse(await refusedAnswer(deps, surveyId, result.refusal, asker));
  return cardResponse(renderCard(presentAnswered(result.view, asker.presentation)));
}

async function withdraw(deps: TeamsDeps, asker: Asker, data: unknown): Promise<AdaptiveCardInvokeResponse> {
  const parsed = withdrawData.safeParse(data);
  // not user-facing: the 400 body a Teams client gets for a malformed invoke
  if (!parsed.success) return badRequest("withdraw: answerId is required");
  const result = await withdrawComment(deps.ctx, { by: { platform: "teams", userId: asker.member.userId }, answerId: parsed.data.answerId });
  return cardResponse(renderCard(result.ok ? presentAnswered(result.view, asker.presentation) : presentRefusal(result.refusal, asker.presentation)));
}

/** A text Teams shows the person who clicked, leaving the card as it is. */
function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text as unknown as AdaptiveCard };
}

async function report(deps: TeamsDeps, asker: Asker, data: unknown): Promise<AdaptiveCardInvokeResponse> {
  const parsed = reportData.safeParse(data);
  // not user-facing: the 400 body a Teams client gets for a malformed invoke
  if (!parsed.success) return badRequest("report: answerId is required");
  const reporter = { platform: "teams" as const, userId: asker.member.userId, email: asker.member.email };
  const result = await reportComment(deps.ctx, { reporter, answerId: parsed.data.answerId });
  const said = result.ok ? presentReply({ kind: "done", done: { kind: "comment-reported" } }, asker.presentation) : presentRefusal(result.refusal, asker.presentation);
  return messageResponse(said.title);
}

export async function handleCardAction(deps: TeamsDeps, turn: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
  const asker = await whoAsks(deps, turn);
  const data: unknown = value.action?.data;
  switch (value.action?.verb) {
    case "survey.answer":
      return answer(deps, asker, data);
    case "comment.withdraw":
      return withdraw(deps, asker, data);
    case "comment.report":
      return report(deps, asker, data);
    case "moderation.approve":
    case "moderation.reject": {
      const parsed = moderationData.safeParse(data);
      // not user-facing: the 400 body a Teams client gets for a malformed invoke
      if (!parsed.success) return badRequest("moderation: itemId is required");
      // The same path as typing `moderation approve <id>`: permissions and audit included.
      const decision = value.action.verb === "moderation.approve" ? "approve" : "reject";
      const reply = await runCommand(deps.ctx, deps.commands, actorOf(asker, turn), `moderation ${decision} ${parsed.data.itemId}`);
      return cardResponse(replyCard(reply, asker.presentation, deps.local));
    }
    default:
      return badRequest(`unknown action: ${String(value.action?.verb).slice(0, 50)}`);
  }
}
