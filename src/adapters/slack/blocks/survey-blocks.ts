// The survey DM: rating buttons, then (after the answer) the answered card with a withdraw button.
import type { KnownBlock } from "./block-types.js";
import type { Locale } from "../../../core/model.js";
import type { SurveyPrompt } from "../../../core/views.js";
import { formatEuros, messages } from "../../../i18n/messages.js";
import { escapeMrkdwn, mrkdwn, plain, quoteMrkdwn } from "../escape.js";
import { encodeRating, ids } from "../ids.js";
import { slackTexts } from "../texts.js";

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export function ratingLabel(rating: number, scale: number, locale: Locale): string {
  return slackTexts[locale].ratingOf(rating, scale);
}

export function renderSurvey(prompt: SurveyPrompt, locale: Locale = prompt.locale): SlackMessage {
  const t = slackTexts[locale];
  const title = prompt.ticketTitle ? `*${escapeMrkdwn(prompt.ticketRef)} — ${escapeMrkdwn(prompt.ticketTitle)}*` : `*${escapeMrkdwn(prompt.ticketRef)}*`;
  const lines = [title, t.resolvedBy(escapeMrkdwn(prompt.technicianName))];
  if (prompt.clientName) lines.push(escapeMrkdwn(t.client(prompt.clientName)));
  const ratings = Array.from({ length: prompt.ratingScale }, (_, i) => prompt.ratingScale - i);
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(t.surveyHeader(prompt.ticketRef), 150) },
    ...(prompt.reminder ? [{ type: "context" as const, elements: [mrkdwn(messages[locale].surveyReminder)] }] : []),
    { type: "section", text: mrkdwn(lines.join("\n")) },
    {
      type: "actions",
      block_id: ids.ratingBlock,
      elements: ratings.map((r) => ({
        type: "button" as const,
        action_id: ids.rateActionFor(r),
        text: plain(ratingLabel(r, prompt.ratingScale, locale)),
        value: encodeRating(prompt.surveyId, r),
        ...(r === prompt.ratingScale ? { style: "primary" as const } : {}),
      })),
    },
    { type: "context", elements: [mrkdwn(messages[locale].surveyOptional(formatEuros(prompt.amountCents, locale)))] },
  ];
  return { text: t.fallbackSurvey(prompt.ticketRef), blocks };
}

export interface AnsweredCard {
  locale: Locale;
  ticketRef: string;
  ticketTitle: string | null;
  rating: number;
  ratingScale: number;
  answerId: string;
  comment: string | null;
  shareConsent: boolean;
  /** Set once the requester withdrew the comment. */
  withdrawn: null | { reversedCents: number };
}

/** The DM once answered: what was said, and a button to withdraw the comment (rule 7). */
export function renderAnswered(card: AnsweredCard): SlackMessage {
  const t = slackTexts[card.locale];
  const ref = card.ticketTitle ? `${card.ticketRef} — ${card.ticketTitle}` : card.ticketRef;
  const label = ratingLabel(card.rating, card.ratingScale, card.locale);
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(`*${escapeMrkdwn(ref)}*\n${t.answeredTitle(escapeMrkdwn(label))}`) },
  ];
  if (card.withdrawn) {
    blocks.push({ type: "context", elements: [mrkdwn(card.withdrawn.reversedCents > 0 ? t.withdrawnPot : t.withdrawn)] });
  } else if (card.comment) {
    blocks.push({ type: "section", text: mrkdwn(`${t.yourComment}\n${quoteMrkdwn(card.comment)}`) });
    blocks.push({ type: "context", elements: [mrkdwn(card.shareConsent ? t.willBeShared : t.notShared)] });
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: ids.withdrawAction,
          text: plain(t.withdrawButton),
          value: card.answerId,
          style: "danger",
          confirm: {
            title: plain(t.withdrawConfirmTitle, 100),
            text: plain(t.withdrawConfirmText, 300),
            confirm: plain(t.withdrawConfirm, 30),
            deny: plain(t.cancel, 30),
          },
        },
      ],
    });
  }
  return { text: t.answeredTitle(label).replace(/\*/g, ""), blocks };
}

/** A one-line card (old or refused survey): replaces the buttons so nobody clicks them again. */
export function renderNotice(text: string): SlackMessage {
  return { text, blocks: [{ type: "section", text: mrkdwn(escapeMrkdwn(text)) }] };
}
