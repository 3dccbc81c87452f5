// What the use cases ask of a chat platform. Slack and Teams adapters implement it; until they
// are configured, a logging platform stands in. Deliveries come from the outbox worker only.
import type { FollowUpNote, PotProgress, Recipient, SurveyPrompt, ThankYouNote } from "../core/views.js";

export type ChatMessage =
  | { type: "survey"; to: Recipient; prompt: SurveyPrompt }
  | { type: "thank-you"; to: Recipient; note: ThankYouNote }
  | { type: "follow-up"; to: Recipient[]; note: FollowUpNote }
  | { type: "pot-progress"; progress: PotProgress }
  | { type: "notice"; to: Recipient[]; text: { fr: string; en: string } };

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
