// Kept for the adapters that still import these helpers from here; they live in
// src/app/delivery/contents.ts with the rest of what an outbox message says.
import type { Recipient, SurveyPrompt } from "../../core/views.js";
import type { Repositories } from "../../ports/store.js";
import type { AppContext } from "../context.js";
import { surveyFor } from "../delivery/contents.js";

export { ticketRef, toRecipient } from "../delivery/contents.js";

/** The survey as it would be delivered now (null once answered, expired…). */
export function buildSurveyMessage(ctx: AppContext, repos: Repositories, surveyId: string, reminder: boolean): Promise<{ to: Recipient; prompt: SurveyPrompt } | null> {
  return surveyFor(ctx, repos, surveyId, reminder);
}
