// Rule 6: management may count an answer anyway (no comment, beyond the caps). Every override is
// recorded with who, when and why, so the reason is mandatory.
import type { Contribution } from "../model.js";

export type OverrideRefusal =
  | "already-counted"
  | "reason-required"
  | "comment-rejected"
  | "comment-hateful"
  | "comment-insult"
  | "moderation-pending"
  | "campaign-paid"
  | "withdrawn";

/** Never for a hateful or insulting comment, nor one waiting in moderation: the refusal says which. */
const MODERATION_REFUSALS: Readonly<Record<string, OverrideRefusal>> = {
  hateful: "comment-hateful",
  insult: "comment-insult",
  rejected: "comment-rejected",
  retracted: "comment-rejected",
  review: "moderation-pending",
  reported: "moderation-pending",
};

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
  // Rule 5: hateful and insulting comments, and those management rejected, never count; one
  // waiting in moderation is decided there (approve), not around it.
  const moderationRefusal = MODERATION_REFUSALS[input.moderation];
  if (moderationRefusal) return { ok: false, reason: moderationRefusal };
  if (input.campaignPaid) return { ok: false, reason: "campaign-paid" };
  return { ok: true };
}
