// Expected refusals, as values (never exceptions): every use case and command that says "no" says
// it with one of these codes, and the catalogue (src/i18n/topics/refusals.ts) has one text per code
// in each language, checked by the compiler.

export const REFUSAL_CODES = [
  // Answering a survey
  "survey-not-found",
  /** Someone other than the ticket's requester tries to answer its survey. */
  "not-requester",
  "already-answered",
  "survey-expired",
  "invalid-rating",
  "comment-too-long",
  // Withdrawing a comment
  "answer-not-found",
  /** Someone other than the comment's author tries to withdraw it. */
  "not-author",
  "nothing-to-withdraw",
  // Commands
  "not-management",
  "unknown-command",
  "usage",
  "channel-only",
  // Override
  "already-counted",
  "reason-required",
  "comment-rejected",
  "comment-hateful",
  "comment-insult",
  "moderation-pending",
  "campaign-paid",
  "withdrawn",
  // Charities
  "name-required",
  /** `charity add` without the règlement's criteria checked (`vetted <date>`). */
  "charity-not-vetted",
  "bad-url",
  "not-in-queue",
  "bad-position",
  // Campaigns, moderation, payouts
  "no-open-campaign",
  "item-not-found",
  "already-resolved",
  "campaign-not-found",
  "campaign-still-open",
  "already-paid",
  "bad-amount",
  /** A payout that differs from the pot, without a reason; the detail is the pot. */
  "payout-differs",
  "reference-required",
  "bad-date",
  "person-not-found",
  // Anything unexpected: the person is told to try again, the log has the error.
  "something-wrong",
  // E-mail channel (management's `client … email-first`)
  "client-not-found",
  /** Several clients bear that name: the detail is the name; their helpdesk id tells them apart. */
  "client-ambiguous",
  // Dashboard
  /** A sign-in link asked for in a Teams channel or group chat, where everyone would see it. */
  "private-chat-only",
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  /** What the text quotes back: the unknown command, the usage line, the e-mail not found. */
  detail?: string;
}

export function refusal(code: RefusalCode, detail?: string): Refusal {
  return detail === undefined ? { code } : { code, detail };
}
