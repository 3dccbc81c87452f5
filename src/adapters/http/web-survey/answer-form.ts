// Reading the posted forms back. Strict on purpose: a rating is one of the scale's integers as
// the radio buttons send it ("3"), never "3abc", "2.9" or "1e3" rounded into something else.
import type { FormValues } from "./render-inputs.js";

const RATING = /^[1-9][0-9]?$/;

type Body = Record<string, unknown>;

const bodyOf = (body: unknown): Body => (body && typeof body === "object" ? (body as Body) : {});

/** null when the rating is missing or not a plain integer: the use case then refuses it as invalid. */
export function parseRating(raw: unknown): number | null {
  return typeof raw === "string" && RATING.test(raw) ? Number(raw) : null;
}

export function readAnswerForm(body: unknown): FormValues {
  const b = bodyOf(body);
  return {
    rating: parseRating(b.rating),
    comment: typeof b.comment === "string" ? b.comment : "",
    share: b.share === "on",
  };
}

/** The answer the withdraw button names; null lets the use case take the survey's own answer. */
export function readWithdrawForm(body: unknown): string | null {
  const id = bodyOf(body).answerId;
  return typeof id === "string" && id.length > 0 && id.length <= 100 ? id : null;
}

/** The withdrawal's second step: only its own button says yes; anything else shows the question again. */
export function readWithdrawConfirmed(body: unknown): boolean {
  return bodyOf(body).confirm === "yes";
}

/** `?rating=N` on the survey link (one-click links from an e-mail): a rating of the scale to preselect, or null. */
export function presetRating(raw: unknown, scale: number): number | null {
  const rating = parseRating(raw);
  return rating !== null && rating >= 1 && rating <= scale ? rating : null;
}
