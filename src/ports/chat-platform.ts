// What the use cases ask of a chat platform. Slack and Teams adapters implement it; until they
// are configured, a logging platform stands in. Deliveries come from the outbox worker only.
import type { FollowUpNote, PotProgress, Recipient, SurveyPrompt, ThankYouNote } from "../core/views.js";

export type ChatMessage =
  | { type: "survey"; to: Recipient; prompt: SurveyPrompt }
  | { type: "thank-you"; to: Recipient; note: ThankYouNote }
  | { type: "follow-up"; to: Recipient[]; note: FollowUpNote }
  | { type: "pot-progress"; progress: PotProgress }
  /** A message to people (management notices: "choose a charity", "record the payout"). */
  | { type: "notice"; to: Recipient[]; text: LocalizedText }
  /** A post to the team channel (final figures, weekly digest, campaign opened). */
  | { type: "team-post"; post: TeamPost };

export interface LocalizedText {
  fr: string;
  en: string;
}

/** Plain text only: adapters escape it for their markup. */
export interface TeamPost {
  kind: "campaign-closed" | "campaign-opened" | "weekly-digest" | "announcement";
  title: LocalizedText;
  lines: { fr: string[]; en: string[] };
}

export type DeliveryResult =
  /** Delivered; `platform` and `ref` say where the message lives (for later updates). */
  | { status: "sent"; platform: string; ref?: string }
  /** Try again later: rate limited (`retryAfterMs` from the platform) or a passing fault. */
  | { status: "retry"; error: string; retryAfterMs?: number }
  /** Will never work for this recipient (unknown user, bot blocked): stop trying. */
  | { status: "unreachable"; reason: string };

export interface ChatPlatform {
  readonly name: string;
  deliver(message: ChatMessage): Promise<DeliveryResult>;
}
