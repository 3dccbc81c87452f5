// A scheduled job: a plain function of (ctx, now) that works out from the database what is due,
// so a run missed while the bot was down is caught up by the next one. node-cron only triggers.
import type { AppContext } from "../app/context.js";
import type { ScheduleSettings } from "../core/schedule/settings.js";

export interface JobContext extends AppContext {
  schedule: ScheduleSettings;
}

/** What a run did, for the log and the tests (counts only: no personal data). */
export type JobReport = Record<string, number>;

export interface Job {
  name: string;
  /**
   * Cron expressions (campaign time zone) that trigger the job. A job may list a later re-check:
   * if the instance that held its lease died mid-run, another run soon after finishes the work.
   */
  triggers(settings: ScheduleSettings): string[];
  run(ctx: JobContext, now: Date): Promise<JobReport>;
}
