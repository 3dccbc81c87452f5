// Surveys left unanswered: one reminder after the configured delay, only in business hours; then
// expiry after the configured time (CAGNOTTE_SURVEY_EXPIRY_DAYS, set on each survey as expiresAt).
import { isReminderDue } from "../core/schedule/due.js";
import type { Job } from "./job.js";

const BATCH = 500;

export const reminderJob: Job = {
  name: "survey-reminders",
  triggers: () => ["*/5 * * * *"],
  async run(ctx, now) {
    const { reminderDelayHours, businessHours } = ctx.schedule;
    const policy = { delayHours: reminderDelayHours, zone: ctx.rules.timeZone, hours: businessHours };
    const candidates = await ctx.store.lifecycle.reminderCandidates(new Date(now.getTime() - reminderDelayHours * 3_600_000), BATCH);
    let reminded = 0;
    for (const c of candidates.filter((s) => isReminderDue(s, now, policy))) {
      const sent = await ctx.store.transaction(async (tx) => {
        // The conditional mark is what makes the reminder unique, whoever runs the job.
        if (!(await tx.lifecycle.markReminded(c.surveyId, now))) return false;
        await tx.outbox.enqueue({ kind: "survey.remind", payload: { surveyId: c.surveyId }, dedupeKey: `remind:${c.surveyId}`, availableAt: now, now });
        return true;
      });
      if (sent) reminded += 1;
    }
    return { reminded };
  },
};

export const expiryJob: Job = {
  name: "survey-expiry",
  triggers: () => ["*/5 * * * *"],
  async run(ctx, now) {
    return { expired: await ctx.store.lifecycle.expireSurveys(now) };
  },
};
