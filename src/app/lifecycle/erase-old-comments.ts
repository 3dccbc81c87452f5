// Retention: comment texts are erased once older than the configured period; ratings, outcomes
// and contributions (the figures) are kept. Each erasing run is written to the audit log.
import { retentionCutoff } from "../../core/schedule/due.js";
import type { AppContext } from "../context.js";
import { recordAction } from "../management/audit.js";
import { SYSTEM_ACTOR } from "./system-actor.js";

export type EraseOldCommentsReport = { erased: number };

export async function eraseOldComments(ctx: AppContext, now: Date, retentionDays: number): Promise<EraseOldCommentsReport> {
  const cutoff = retentionCutoff(now, retentionDays);
  const erased = await ctx.store.lifecycle.eraseCommentsBefore(cutoff, now);
  if (erased > 0) {
    await recordAction(ctx.store, {
      at: now,
      actor: SYSTEM_ACTOR,
      action: "comments.retention-erase",
      subject: `answers-before:${cutoff.toISOString()}`,
      reason: `retention ${retentionDays} days`,
      details: { erased },
    });
  }
  return { erased };
}
