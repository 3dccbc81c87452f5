// What the delivery rules ask of the e-mail channel: send one survey (or its one reminder) to its
// requester. Only surveys go by e-mail (src/app/delivery/plan.ts decides when); the adapter
// (src/adapters/mail) words the mail in the requester's language and converts SMTP's answers into
// the same results as a chat platform: 4xx and connection errors → retry, 5xx on the recipient →
// unreachable.
import type { Recipient, SurveyPrompt } from "../core/views.js";
import type { DeliveryResult } from "./chat-platform.js";

/** Platform name recorded on a survey delivered by e-mail. */
export const EMAIL = "email";

export interface SurveyMail {
  to: Recipient;
  prompt: SurveyPrompt;
  /** The person's /unsubscribe/<token> page (List-Unsubscribe, RFC 8058, and a visible link). */
  unsubscribeUrl: string;
}

export interface MailChannel {
  readonly name: typeof EMAIL;
  /**
   * `sent` carries the Message-ID as its ref. The Message-ID is made from the survey's id and kind
   * (survey or reminder): the same on every attempt, so a receiver drops a duplicate.
   */
  sendSurvey(mail: SurveyMail): Promise<DeliveryResult>;
  /** Closes its connections when the bot stops. */
  close?(): void;
}
