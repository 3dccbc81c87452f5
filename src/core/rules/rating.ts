// Ratings: three levels by default (Poor / OK / Great), or 1–5. A poor rating goes to management
// as something to follow up rather than to the technician as praise.

export type RatingScale = 3 | 5;

export function isValidRating(rating: number, scale: RatingScale): boolean {
  return Number.isInteger(rating) && rating >= 1 && rating <= scale;
}

/** Positive: the top level of three, or 4–5 of five. */
export function isPositiveRating(rating: number, scale: number): boolean {
  return rating / scale >= 0.75;
}

/** Poor: the bottom level of three, or 1–2 of five. */
export function isPoorRating(rating: number, scale: number): boolean {
  return rating / scale < 0.5;
}
