// Retention: comment texts are erased once older than the configured period; ratings, outcomes
// and contributions (the figures) are kept.
import { retentionCutoff } from "../core/schedule/due.js";
import { SYSTEM_ACTOR } from "./rollover.js";
import type { Job } from "./job.js";

export const retentionJob: Job = {
  name: "comment-retention",
  triggers: () => ["30 3 * * *"],
  async run(ctx, now) {
    const cutoff = retentionCutoff(now, ctx.schedule.retentionDays);
    const erased = await ctx.store.lifecycle.eraseCommentsBefore(cutoff, now);
    if (erased > 0) {
      await ctx.store.audit.append({
        at: now,
        actor: SYSTEM_ACTOR,
        action: "comments.retention-erase",
        subject: `answers-before:${cutoff.toISOString()}`,
        reason: `retention ${ctx.schedule.retentionDays} days`,
        details: { erased },
      });
    }
    return { erased };
  },
};
