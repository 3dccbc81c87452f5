// Wires the jobs to node-cron in the campaign's time zone. On start every job runs once to catch
// up on anything missed while the bot was down; each run takes the job's database lease.
import cron, { type ScheduledTask } from "node-cron";
import type { Job, JobContext } from "./job.js";
import { runWithLease, type JobOutcome } from "./lease.js";
import { rolloverJob } from "./rollover.js";
import { expiryJob, reminderJob } from "./surveys.js";
import { digestJob } from "./digest.js";
import { payoutReminderJob } from "./payout-reminders.js";
import { retentionJob } from "./retention.js";

export const allJobs: readonly Job[] = [rolloverJob, expiryJob, reminderJob, digestJob, payoutReminderJob, retentionJob];

export interface Scheduler {
  /** Runs every job once now (start-up catch-up; tests drive the clock and call this). */
  runAll(): Promise<JobOutcome[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createScheduler(ctx: JobContext, opts: { holder: string; jobs?: readonly Job[] }): Scheduler {
  const jobs = opts.jobs ?? allJobs;
  const tasks: ScheduledTask[] = [];
  // Runs in progress, so that stop() lets them finish before the store is closed.
  const running = new Set<Promise<unknown>>();

  function track<T>(work: Promise<T>): Promise<T> {
    running.add(work);
    void work.finally(() => running.delete(work));
    return work;
  }

  async function runOne(job: Job): Promise<JobOutcome | null> {
    try {
      const outcome = await runWithLease(ctx, job, opts.holder);
      if (outcome.ran) ctx.logger.info({ job: job.name, ...outcome.report }, "scheduled job ran");
      else ctx.logger.debug({ job: job.name }, "scheduled job skipped: another instance holds its lease");
      return outcome;
    } catch (error) {
      ctx.logger.error({ job: job.name, err: error }, "scheduled job failed; it will run again at its next trigger");
      return null;
    }
  }

  return {
    async runAll() {
      const outcomes: JobOutcome[] = [];
      for (const job of jobs) {
        const outcome = await track(runOne(job));
        if (outcome) outcomes.push(outcome);
      }
      return outcomes;
    },
    async start() {
      await this.runAll();
      for (const job of jobs) {
        for (const [i, expression] of job.triggers(ctx.schedule).entries()) {
          const task = cron.createTask(expression, () => track(runOne(job)), { name: `${job.name}#${i}`, timezone: ctx.rules.timeZone, noOverlap: true });
          await task.start();
          tasks.push(task);
        }
      }
    },
    async stop() {
      for (const task of tasks.splice(0)) await task.destroy();
      await Promise.allSettled([...running]);
    },
  };
}
