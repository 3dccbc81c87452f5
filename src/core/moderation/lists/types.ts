// Shape of a word list. Kept apart from the matcher so management (or a later settings screen)
// can extend a list without touching matching code.

/** The three flagged verdicts, most severe first. "clean" is the absence of any match. */
export type TermCategory = "hateful" | "insult" | "review";

/**
 * Entries are written the way a person would write them ("enculé", "fils de pute", "I'll find you"):
 * the matcher folds case, accents and punctuation itself, tolerates repeated letters, leetspeak and
 * spaced-out letters, and accepts a plural "s"/"es" on words of 4+ letters. The entry text is what
 * management sees in `terms`, so keep it readable.
 */
export interface TermLists {
  readonly hateful: readonly string[];
  readonly insult: readonly string[];
  readonly review: readonly string[];
}
