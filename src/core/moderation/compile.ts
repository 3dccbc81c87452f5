// Compiles list entries into regular expressions over streams (see normalise.ts).
import type { TermCategory, TermLists } from "./lists/types.js";
import { termWords } from "./normalise.js";

export interface CompiledTerm {
  /** The list entry as written, shown to management. */
  readonly term: string;
  readonly category: TermCategory;
  /** Global, so every occurrence is found; matches exactly the words of the entry. */
  readonly pattern: RegExp;
}

export const SEVERITY: Readonly<Record<TermCategory, number>> = { hateful: 3, insult: 2, review: 1 };

/**
 * Words this long accept a plural or feminine ending ("connards", "abrutie", "enculées",
 * "bitches"). A shorter entry on its own does not, or "con" would match "cons" ("pros and
 * cons"); inside a phrase it does ("dirty jews", "pauvres cons"), the phrase keeps it specific.
 */
const SUFFIX_MIN_LENGTH = 4;

function escapeForClass(c: string): string {
  return /[\\\]^-]/.test(c) ? `\\${c}` : c;
}

/**
 * One run of a letter. A doubled letter is a different word in both languages ("sale"/"salle",
 * "conne"/"cône"), so a single letter matches once or three times and more ("fuuuuck"), never
 * twice; a doubled letter matches twice or more ("connnnard"). A "*" may stand in for any
 * letter (masking); normalise.ts has already discarded implausible masks.
 */
function runPattern(run: string): string {
  const letter = `[${escapeForClass(run[0] ?? "")}*]`;
  return run.length === 1 ? `${letter}(?:${letter}{2,})?` : `${letter}{${run.length},}`;
}

/** Exported for the statement rules (statements/pattern.ts), so their words tolerate the same spellings. */
export function wordPattern(word: string, inPhrase: boolean): string {
  const body = (word.match(/(.)\1*/gu) ?? []).map(runPattern).join("");
  return inPhrase || word.length >= SUFFIX_MIN_LENGTH ? `${body}e?s?` : body;
}

/**
 * A whole entry: words separated by one optional space, so "fils de pute" also matches
 * "filsdepute" and "fils-de-pute", bounded by spaces so "con" never matches inside "constater".
 */
export function compileTerm(term: string, category: TermCategory): CompiledTerm | null {
  const words = termWords(term);
  if (words.length === 0) return null;
  const source = `(?<=^| )${words.map((w) => wordPattern(w, words.length > 1)).join(" ?")}(?= |$)`;
  return { term, category, pattern: new RegExp(source, "g") };
}

/**
 * All entries of all lists, most severe first. An entry written twice (e.g. "idiot" in both
 * languages, or in two categories) keeps its most severe category.
 */
export function compileLists(lists: readonly TermLists[]): CompiledTerm[] {
  const byKey = new Map<string, CompiledTerm>();
  const categories: TermCategory[] = ["hateful", "insult", "review"];
  for (const category of categories) {
    for (const list of lists) {
      for (const term of list[category]) {
        const key = termWords(term).join(" ");
        if (byKey.has(key)) continue;
        const compiled = compileTerm(term, category);
        if (compiled) byKey.set(key, compiled);
      }
    }
  }
  return [...byKey.values()];
}
