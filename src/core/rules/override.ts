// Rule 6: management may count an answer anyway (no comment, beyond the caps). Every override is
// recorded with who, when and why, so the reason is mandatory.
import type { Contribution } from "../model.js";

export type OverrideRefusal = "already-counted" | "reason-required" | "comment-rejected" | "campaign-paid" | "withdrawn";

export function checkOverride(input: {
  existing: Pick<Contribution, "status"> | null;
  reason: string;
  moderation: string;
  withdrawn: boolean;
  campaignPaid: boolean;
}): { ok: true } | { ok: false; reason: OverrideRefusal } {
  if (input.reason.trim().length < 3) return { ok: false, reason: "reason-required" };
  if (input.existing?.status === "active") return { ok: false, reason: "already-counted" };
  if (input.withdrawn) return { ok: false, reason: "withdrawn" };
  // Hateful comments, and comments management rejected in moderation, are never counted (rule 5).
  if (input.moderation === "hateful" || input.moderation === "rejected") return { ok: false, reason: "comment-rejected" };
  if (input.campaignPaid) return { ok: false, reason: "campaign-paid" };
  return { ok: true };
}
