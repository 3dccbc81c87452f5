// Rules 3–5: whether an answer adds money to the pot. Pure: the caller gathers the facts inside
// the transaction that serialises answers of one campaign, so the caps hold under concurrency.
import type { ModerationVerdict } from "../moderation/index.js";
import { isWrittenComment } from "./comment.js";

export interface Caps {
  perRequester: number;
  perClient: number;
}

export const DEFAULT_CAPS: Caps = Object.freeze({ perRequester: 3, perClient: 10 });

export type NotCountedReason =
  | "no-comment"
  | "campaign-closed"
  | "not-requester"
  | "duplicate-comment"
  | "moderation-rejected"
  | "moderation-pending"
  | "requester-cap-reached"
  | "client-cap-reached";

export type CountDecision = { counted: true; amountCents: number } | { counted: false; reason: NotCountedReason };

export interface CountFacts {
  comment: string | null;
  normalizedComment: string | null;
  moderation: ModerationVerdict;
  answeredByRequester: boolean;
  campaignAcceptsContributions: boolean;
  /** Normalised comments already counted for this requester in this campaign. */
  requesterCountedComments: readonly string[];
  /** Rule-counted contributions (overrides excluded) already active in this campaign. */
  requesterCounted: number;
  clientCounted: number;
  caps: Caps;
  amountCents: number;
}

export function decideCount(f: CountFacts): CountDecision {
  if (!isWrittenComment(f.comment)) return { counted: false, reason: "no-comment" };
  if (!f.answeredByRequester) return { counted: false, reason: "not-requester" };
  if (!f.campaignAcceptsContributions) return { counted: false, reason: "campaign-closed" };
  if (f.moderation === "hateful" || f.moderation === "insult") return { counted: false, reason: "moderation-rejected" };
  if (f.moderation === "review") return { counted: false, reason: "moderation-pending" };
  if (f.normalizedComment !== null && f.requesterCountedComments.includes(f.normalizedComment)) {
    return { counted: false, reason: "duplicate-comment" };
  }
  if (f.requesterCounted >= f.caps.perRequester) return { counted: false, reason: "requester-cap-reached" };
  if (f.clientCounted >= f.caps.perClient) return { counted: false, reason: "client-cap-reached" };
  return { counted: true, amountCents: f.amountCents };
}

/** Comments management must not see posted anywhere (rule 5): hidden from all but management. */
export function isCommentShowable(moderation: string, withdrawn: boolean): boolean {
  return !withdrawn && moderation === "clean";
}
