// Building blocks for the statement rules. Rules are regular expressions over streams (see
// normalise.ts: lower-case ASCII words separated by single spaces, "." where the writer put
// sentence punctuation), written from these pieces so each rule reads like the sentence it catches.
import { termWords } from "../normalise.js";

/** Regex metacharacters never appear in streams but may in an entry; escape them anyway. */
function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A lexicon entry (group, predicate) as a regex source. Its last word of 4+ letters accepts a
 * plural or feminine ending ("arabes", "voleuses"), as list entries do. Repeated letters and masks
 * ("arrrabes", "m*slims") are undone before the rules run (see canonical.ts), which keeps these
 * regexes small: per-letter patterns made them hundreds of kilobytes, slow to compile.
 */
function entryPattern(entry: string): string {
  const words = termWords(entry).map(escape);
  const last = words.length - 1;
  return words.map((w, i) => (i === last && w.length >= 4 ? `${w}(?:e?s?)` : w)).join(" ");
}

/** Alternation of lexicon entries, longest first so "moins intelligent" beats "moins". */
export function anyOf(entries: readonly string[]): string {
  const sorted = [...new Set(entries)].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map(entryPattern).join("|")})`;
}

/**
 * Exact alternation of function words and fixed phrases, written as they appear in a stream
 * ("c est", "n ont"). Regex syntax is allowed inside an entry ("retourne?z?").
 */
export function oneOf(entries: readonly string[]): string {
  return `(?:${entries.join("|")})`;
}

/** Up to `max` words from `words`, each preceded by its space: "sont tous des", "are all". */
export function some(words: string, max: number): string {
  return `(?: ${words}){0,${max}}`;
}

/** A rule's regex: whole words only, every occurrence. */
export function rule(source: string): RegExp {
  return new RegExp(`(?<=^| )${source}(?= |$)`, "g");
}

/** A test anywhere in a stream (context checks): whole words, first occurrence is enough. */
export function anywhere(source: string): RegExp {
  return new RegExp(`(?<=^| )${source}(?= |$)`);
}
