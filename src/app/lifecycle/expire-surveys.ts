// Surveys still unanswered past their expiry (CAGNOTTE_SURVEY_EXPIRY_DAYS after the ticket closed,
// set on each survey as expiresAt) become expired: they can no longer be answered.
import type { AppContext } from "../context.js";

export type ExpireSurveysReport = { expired: number };

export async function expireSurveys(ctx: AppContext, now: Date): Promise<ExpireSurveysReport> {
  return { expired: await ctx.store.lifecycle.expireSurveys(now) };
}
