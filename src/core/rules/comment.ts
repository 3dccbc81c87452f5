// Rule 3: a comment counts only if it is written (not blank) and unique for its requester within
// the campaign "after normalising case, spacing and punctuation". Accents are folded too, so
// "Très efficace !" and "tres efficace" are the same comment.

/** The comparison form of a comment: lower case, no accents, no punctuation, single spaces. */
export function normalizeComment(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Written means it carries at least one letter or digit once punctuation and spaces are gone. */
export function isWrittenComment(text: string | null | undefined): text is string {
  return typeof text === "string" && normalizeComment(text).length > 0;
}

export const MAX_COMMENT_LENGTH = 1000;

/** Trims the comment and treats blank as absent; length is checked at the edges. */
export function cleanComment(text: string | null | undefined): string | null {
  if (typeof text !== "string") return null;
  const trimmed = text.replace(/\r\n?/g, "\n").trim();
  return trimmed.length === 0 ? null : trimmed;
}
