// The action, block and callback ids the bot puts in its messages and reads back from Slack.
import type { ActionId } from "../../presenter/index.js";

export const ids = {
  rateAction: /^cagnotte_rate_\d$/,
  rateActionFor: (rating: number) => `cagnotte_rate_${rating}`,
  ratingBlock: "cagnotte_rating",
  withdrawAction: "cagnotte_withdraw",
  reportAction: "cagnotte_report",
  commentModal: "cagnotte_comment",
  commentBlock: "comment",
  commentInput: "comment_input",
  shareBlock: "share",
  shareInput: "share_input",
  shareValue: "share",
  moderationAction: /^cagnotte_moderation_(approve|reject)$/,
  moderationActionFor: (verdict: "approve" | "reject") => `cagnotte_moderation_${verdict}`,
} as const;

/**
 * The Slack action id of each neutral action. `survey.answer` has none in the DM: there the rating
 * buttons open the comment modal, whose submit button is that action.
 */
export function slackActionId(id: ActionId): string | null {
  switch (id) {
    case "survey.answer":
      return null;
    case "comment.withdraw":
      return ids.withdrawAction;
    case "comment.report":
      return ids.reportAction;
    case "moderation.approve":
      return ids.moderationActionFor("approve");
    case "moderation.reject":
      return ids.moderationActionFor("reject");
  }
}

/** What a rating button carries: the survey and the rating (Slack gives it back on click). */
export function encodeRating(surveyId: string, rating: number): string {
  return JSON.stringify({ s: surveyId, r: rating });
}

export function decodeRating(value: string | undefined): { surveyId: string; rating: number } | null {
  try {
    const v = JSON.parse(value ?? "") as { s?: unknown; r?: unknown };
    return typeof v.s === "string" && typeof v.r === "number" ? { surveyId: v.s, rating: v.r } : null;
  } catch {
    return null;
  }
}

/** Where the survey DM lives: kept in the modal's private_metadata to update it after submit. */
export interface ModalMetadata {
  surveyId: string;
  rating: number;
  channel: string | null;
  ts: string | null;
}

export function decodeMetadata(text: string | undefined): ModalMetadata | null {
  try {
    const v = JSON.parse(text ?? "") as Partial<ModalMetadata>;
    if (typeof v.surveyId !== "string" || typeof v.rating !== "number") return null;
    return { surveyId: v.surveyId, rating: v.rating, channel: v.channel ?? null, ts: v.ts ?? null };
  } catch {
    return null;
  }
}
