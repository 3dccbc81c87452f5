// Survey cards: the question, the answered card (replacing it in place), and the cards a stale,
// expired or foreign survey shows instead. Every user-provided string goes through markdownSafe.
import type { Locale } from "../../core/model.js";
import type { SurveyPrompt } from "../../core/views.js";
import { formatEuros, messages } from "../../i18n/messages.js";
import { expandCard, type AdaptiveCard } from "./card-templates.js";
import { markdownSafe } from "./markdown-safe.js";
import { teamsTexts } from "./teams-texts.js";

export function ratingLabel(rating: number, scale: number, locale: Locale): string {
  const labels = scale === 3 ? messages[locale].ratingLabels3 : teamsTexts[locale].ratingLabels5;
  const label = labels[rating - 1];
  return label ? `${label} (${rating}/${scale})` : `${rating}/${scale}`;
}

function ticketLine(ref: string, title: string | null): string {
  return markdownSafe(title ? `${ref} – ${title}` : ref);
}

export function surveyCard(prompt: SurveyPrompt, error = ""): AdaptiveCard {
  const t = teamsTexts[prompt.locale];
  const m = messages[prompt.locale];
  const choices = Array.from({ length: prompt.ratingScale }, (_, i) => prompt.ratingScale - i).map((value) => ({
    title: ratingLabel(value, prompt.ratingScale, prompt.locale),
    value: String(value),
  }));
  return expandCard("survey", {
    title: t.surveyTitle,
    reminder: prompt.reminder ? m.surveyReminder : "",
    intro: m.surveyIntro(markdownSafe(prompt.technicianName), markdownSafe(prompt.ticketRef)),
    ticketLabel: t.ticket,
    ticket: ticketLine(prompt.ticketRef, prompt.ticketTitle),
    technicianLabel: t.technician,
    technician: markdownSafe(prompt.technicianName),
    error,
    ratingLabel: t.ratingLabel,
    ratingRequired: t.ratingRequired,
    choices,
    commentLabel: t.commentLabel,
    placeholder: t.commentPlaceholder,
    shareLabel: t.shareLabel,
    optional: m.surveyOptional(formatEuros(prompt.amountCents, prompt.locale)),
    submit: t.submit,
    surveyId: prompt.surveyId,
    // Teams shows {{DATE(…)}} in the reader's own time zone and language.
    answerBy: t.answerBy,
    expiresAt: prompt.expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
  });
}

export interface AnsweredView {
  locale: Locale;
  answerId: string;
  ticketRef: string;
  ticketTitle: string | null;
  rating: number;
  ratingScale: number;
  comment: string | null;
  addedCents: number;
}

export function answeredCard(view: AnsweredView): AdaptiveCard {
  const t = teamsTexts[view.locale];
  return expandCard("survey-answered", {
    title: t.answeredTitle,
    ticketLabel: t.ticket,
    ticket: ticketLine(view.ticketRef, view.ticketTitle),
    ratingLabel: t.answeredRating,
    rating: ratingLabel(view.rating, view.ratingScale, view.locale),
    commentLabel: t.answeredComment,
    comment: markdownSafe(view.comment),
    outcome: view.addedCents > 0 ? t.answeredCounted(formatEuros(view.addedCents, view.locale)) : t.answeredNotCounted,
    withdrawLabel: t.withdraw,
    // Only a comment can be withdrawn.
    answerId: view.comment ? view.answerId : "",
  });
}
