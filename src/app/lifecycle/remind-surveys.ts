// A survey left unanswered gets one reminder after the configured delay, only in business hours
// (due at 20:00 on a Friday, it goes at 9:00 on Monday). The reminder is a new survey message,
// sent through the outbox.
import { isReminderDue } from "../../core/schedule/due.js";
import type { ScheduleSettings } from "../../core/schedule/settings.js";
import type { AppContext } from "../context.js";

/** Candidates read per run; the rest wait for the next run (every few minutes). */
const BATCH = 500;

export type RemindSurveysReport = { reminded: number };

export async function remindSurveys(ctx: AppContext, now: Date, settings: Pick<ScheduleSettings, "reminderDelayHours" | "businessHours">): Promise<RemindSurveysReport> {
  const { reminderDelayHours, businessHours } = settings;
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
}
