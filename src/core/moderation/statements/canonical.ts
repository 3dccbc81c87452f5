// Undoes, word by word, the obfuscations the statement rules' small regexes do not tolerate:
// masks ("m*slims") and letters written three times or more ("arrrabes", "voleuuurs"). Each such
// word is replaced by the lexicon word it spells, the list entries' own tolerance deciding
// (compile.ts), so the rules run over "muslims", "arabes", "voleurs".
import { wordPattern } from "../compile.js";
import { termWords } from "../normalise.js";

/** Only masked words or words with a letter run of 3+ are worth the lexicon scan. */
const OBFUSCATED = /\*|([a-z])\1\1/;

export interface CanonicalStream {
  readonly text: string;
  /** Maps a match (whole words) in `text` back to the same words in the original stream. */
  readonly toStream: (start: number, end: number) => readonly [number, number];
}

/** Finds which lexicon word an obfuscated word spells; longest words first ("muslims" before "muslim"). */
export function lexiconReader(entries: readonly string[]): (word: string) => string | undefined {
  const words = [...new Set(entries.flatMap((e) => termWords(e)))].filter((w) => w.length >= 3);
  words.sort((a, b) => b.length - a.length);
  let patterns: { word: string; pattern: RegExp }[] | undefined;
  return (word) => {
    // Compiled on first need: most comments have no obfuscated word at all.
    patterns ??= words.map((w) => ({ word: w, pattern: new RegExp(`^${wordPattern(w, false)}$`) }));
    const found = patterns.find((p) => p.pattern.test(word))?.word;
    if (found === undefined) return undefined;
    return word.endsWith("s") && !found.endsWith("s") ? `${found}s` : found;
  };
}

function unchanged(stream: string): CanonicalStream {
  return { text: stream, toStream: (start, end) => [start, end] };
}

export function canonicalise(stream: string, read: (word: string) => string | undefined): CanonicalStream {
  const words = stream.split(" ");
  const read1 = words.map((w) => (OBFUSCATED.test(w) ? (read(w) ?? w) : w));
  if (read1.every((w, i) => w === words[i])) return unchanged(stream);
  const starts = new Map<number, number>(); // canonical start → original start
  const ends = new Map<number, number>(); // canonical end → original end
  let original = 0;
  let canonical = 0;
  for (const [i, w] of words.entries()) {
    const c = read1[i] ?? w;
    starts.set(canonical, original);
    ends.set(canonical + c.length, original + w.length);
    original += w.length + 1;
    canonical += c.length + 1;
  }
  return {
    text: read1.join(" "),
    toStream: (start, end) => [starts.get(start) ?? 0, ends.get(end) ?? stream.length],
  };
}
