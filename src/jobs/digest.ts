// The weekly digest (src/app/lifecycle/post-weekly-digest.ts): when it runs.
import { postWeeklyDigest } from "../app/lifecycle/post-weekly-digest.js";
import type { Job } from "./job.js";

export const digestJob: Job = {
  name: "weekly-digest",
  // At the configured time, then each hour of that day (idempotent: one digest per week).
  triggers: (s) => [`${s.digest.minutes % 60} ${Math.floor(s.digest.minutes / 60)}-23 * * ${s.digest.weekday % 7}`],
  run: (ctx, now) => postWeeklyDigest(ctx, now, ctx.schedule.digest),
};
