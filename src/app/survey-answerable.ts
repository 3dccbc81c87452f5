// Before opening the comment form: may this person still answer this survey? The same checks as
// answerSurvey (which decides for good, in its transaction), without writing anything, so a click
// by someone else, or on an old card, is told so at once instead of after typing a comment.
import type { SurveyContext } from "../core/model.js";
import type { AppContext } from "./context.js";

export type AnswerableResult =
  | { ok: true; context: SurveyContext }
  | { ok: false; reason: "survey-not-found" | "not-requester" | "already-answered" | "survey-expired"; context: SurveyContext | null };

export async function surveyAnswerable(
  ctx: AppContext,
  surveyId: string,
  answerer: { platform: "slack" | "teams"; userId: string; email: string | null },
): Promise<AnswerableResult> {
  const context = await ctx.store.surveys.findContext(surveyId);
  if (!context) return { ok: false, reason: "survey-not-found", context: null };
  const { requester, survey } = context;
  const knownId = answerer.platform === "slack" ? requester.slackUserId : requester.teamsUserId;
  const isRequester = knownId ? knownId === answerer.userId : !!answerer.email && answerer.email.trim().toLowerCase() === requester.email;
  if (!isRequester) return { ok: false, reason: "not-requester", context };
  if (survey.status === "answered") return { ok: false, reason: "already-answered", context };
  if (survey.status === "expired" || survey.expiresAt <= ctx.clock.now()) return { ok: false, reason: "survey-expired", context };
  return { ok: true, context };
}
