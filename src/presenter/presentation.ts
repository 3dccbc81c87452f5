// What the presenter needs besides the view model: the reader's language and a few settings.
import type { Locale } from "../core/model.js";
import { textsFor, type Texts } from "../i18n/index.js";

export interface Presentation {
  locale: Locale;
  /** CAGNOTTE_TIME_ZONE: dates of payouts, audit entries. */
  timeZone: string;
  /** How the platform starts a command: "/cagnotte " (Slack), "cagnotte " (Teams). */
  commandPrefix: string;
  /** CAGNOTTE_MILESTONE_CENTS, for the progress bar towards the next milestone. */
  milestoneCents: number;
}

export const textsOf = (p: Presentation): Texts => textsFor(p.locale);

/** "#4521 – Imprimante en panne", or the reference alone. */
export function ticketLine(ticketRef: string, title: string | null): string {
  return title ? `${ticketRef} – ${title}` : ticketRef;
}

/** 3-point scale: the word ("Efficace"); 5-point: the word and the figure ("Bonne (4/5)"). */
export function ratingLabel(rating: number, scale: number, p: Presentation): string {
  const s = textsOf(p).survey;
  const labels: readonly string[] = scale === 3 ? s.ratingLabels3 : scale === 5 ? s.ratingLabels5 : [];
  const word = labels[rating - 1];
  if (!word) return `${rating}/${scale}`;
  return scale === 3 ? word : `${word} (${rating}/${scale})`;
}
