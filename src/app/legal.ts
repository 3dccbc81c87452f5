// The privacy notice and terms of use (GET /privacy, GET /terms): this installation's settings.
import { MIN_SURVEY_DAYS } from "../core/rules/survey-policy.js";
import type { LegalView } from "../core/views.js";
import { rulesUrl, type AppContext } from "./context.js";

export function getLegal(ctx: Pick<AppContext, "rules" | "publicUrl">, retentionDays: number): LegalView {
  return {
    contact: ctx.rules.contact,
    retentionDays,
    answerableDays: Math.max(ctx.rules.surveyExpiryDays, MIN_SURVEY_DAYS),
    rulesUrl: rulesUrl(ctx),
  };
}
