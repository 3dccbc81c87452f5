// Runs a job under its database lease: with several bot processes on one database, one of them
// runs the job and the others skip it. The lease expires by itself if its holder dies mid-run.
import type { Job, JobContext, JobReport } from "./job.js";

export const LEASE_MS = 10 * 60_000;

export type JobOutcome = { job: string; ran: true; report: JobReport } | { job: string; ran: false; reason: "leased-elsewhere" };

export async function runWithLease(ctx: JobContext, job: Job, holder: string): Promise<JobOutcome> {
  const now = ctx.clock.now();
  const won = await ctx.store.leases.acquire(job.name, holder, now, new Date(now.getTime() + LEASE_MS));
  if (!won) return { job: job.name, ran: false, reason: "leased-elsewhere" };
  try {
    const report = await job.run(ctx, now);
    return { job: job.name, ran: true, report };
  } finally {
    await ctx.store.leases.release(job.name, holder, ctx.clock.now());
  }
}
