// Comment retention (src/app/lifecycle/erase-old-comments.ts): once a night, at a quiet hour.
import { eraseOldComments } from "../app/lifecycle/erase-old-comments.js";
import type { Job } from "./job.js";

export const retentionJob: Job = {
  name: "comment-retention",
  triggers: () => ["30 3 * * *"],
  run: (ctx, now) => eraseOldComments(ctx, now, ctx.schedule.retentionDays),
};
