// May this person still answer this survey? One rule for the chat card (before the comment form
// opens), the web page (before the form is shown) and answerSurvey (which decides for good, in
// its transaction). Pure: the caller says whether the person is the requester.
import type { Survey } from "../model.js";
import type { RefusalCode } from "../refusal.js";

export type AnswerabilityRefusal = Extract<RefusalCode, "not-requester" | "already-answered" | "survey-expired">;

export function answerability(survey: Pick<Survey, "status" | "expiresAt">, input: { isRequester: boolean; now: Date }): AnswerabilityRefusal | null {
  if (!input.isRequester) return "not-requester";
  if (survey.status === "answered") return "already-answered";
  if (survey.status === "expired" || survey.expiresAt <= input.now) return "survey-expired";
  return null;
}
