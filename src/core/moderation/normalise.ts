// Turns free text into "streams": lower-case ASCII words separated by single spaces, with "."
// tokens where the writer put sentence punctuation. Word lists are matched against streams, so
// everything that makes "C.0.N.N.4.R.D", "cönnärd" and "connard" look alike happens here.

/** Written in a stream between two words separated by , . ; : ! ? etc. Phrases never span it. */
const BARRIER = ".";

/** Look-alike letters (Cyrillic, Greek) and ligatures that NFKD leaves alone. */
const CHAR_FOLDS: Readonly<Record<string, string>> = {
  "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i",
  "а": "a", "в": "b", "е": "e", "ё": "e", "і": "i", "ј": "j", "к": "k", "м": "m", "н": "h",
  "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s",
  "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
};

/** Leetspeak read the same in every stream. "1" and "|" are ambiguous, see ONE_AS. */
const LEET: Readonly<Record<string, string>> = {
  "0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "9": "g", "@": "a", "$": "s", "€": "e", "!": "i",
};

/** "1d10t" needs 1→i, "sa1ope" needs 1→l: each is tried in its own stream. */
const ONE_AS = ["i", "l"] as const;
type OneAs = (typeof ONE_AS)[number];

/**
 * A piece is a run of letters, digits and leet symbols; "!" and "|" only count inside one
 * ("f!ck") because at the end of a word they are punctuation ("Merci!").
 */
const PIECE = /[\p{L}\p{N}@$€*]+(?:[!|]+[\p{L}\p{N}@$€*]+)*/gu;
const SENTENCE_PUNCTUATION = /[.,;:!?…()[\]{}"«»\n]/u;
const HAS_LETTER = /\p{L}/u;
/** Single-letter pieces in a run this long are one spelled-out word ("c o n n a r d"). */
const MIN_SPELLED_OUT_RUN = 3;
/** Masking stars are only believed in words short enough to keep the regexes cheap. */
const MAX_MASKED_WORD = 30;

interface Piece {
  text: string;
  /** Sentence punctuation separates this piece from the previous one. */
  breakBefore: boolean;
}

/** Case, accents, invisible characters and look-alikes folded; length may change (œ → oe). */
function foldCharacters(text: string): string {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/\p{Cf}+/gu, "") // zero-width spaces and soft hyphens hidden inside a word
    .toLowerCase();
  return Array.from(folded, (c) => CHAR_FOLDS[c] ?? c).join("");
}

function splitPieces(folded: string): Piece[] {
  const pieces: Piece[] = [];
  let previousEnd = 0;
  for (const m of folded.matchAll(PIECE)) {
    const separator = folded.slice(previousEnd, m.index);
    previousEnd = m.index + m[0].length;
    // Stars around a word are emphasis (*super*), not masking.
    const text = unmaskIfImplausible(m[0].replace(/^\*+|\*+$/g, ""));
    if (text.length > 0) pieces.push({ text, breakBefore: SENTENCE_PUNCTUATION.test(separator) });
  }
  return pieces;
}

/** "f*ck" is a masked word; "a***b" or a long starry string is not worth guessing at. */
function unmaskIfImplausible(piece: string): string {
  if (!piece.includes("*")) return piece;
  const stars = piece.length - piece.replaceAll("*", "").length;
  const plausible = piece.length <= MAX_MASKED_WORD && !piece.includes("***") && stars * 2 <= piece.length;
  return plausible ? piece : piece.replaceAll("*", "");
}

/** Digits in "2024" or "10€" stay digits; digits mixed with letters are leetspeak. */
function decodeWord(word: string, oneAs: OneAs): string {
  if (!HAS_LETTER.test(word)) return word;
  return Array.from(word, (c) => (c === "1" || c === "|" ? oneAs : (LEET[c] ?? c))).join("");
}

/** Joins runs of single-character pieces into one word, keeping the rest as they are. */
function joinSpelledOut(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let run: Piece[] = [];
  const flush = (): void => {
    if (run.length >= MIN_SPELLED_OUT_RUN) {
      out.push({ text: run.map((p) => p.text).join(""), breakBefore: run[0]?.breakBefore ?? false });
    } else {
      out.push(...run);
    }
    run = [];
  };
  for (const piece of pieces) {
    if (piece.text.length === 1) {
      run.push(piece);
    } else {
      flush();
      out.push(piece);
    }
  }
  flush();
  return out;
}

function render(pieces: Piece[], oneAs: OneAs): string {
  const words: string[] = [];
  for (const [i, piece] of pieces.entries()) {
    if (i > 0 && piece.breakBefore) words.push(BARRIER);
    words.push(decodeWord(piece.text, oneAs));
  }
  return words.join(" ");
}

/**
 * Every reading of the text worth matching: with and without spelled-out runs joined (joining
 * "il y a à" must not hide a phrase), and with "1" read as "i" and as "l". Duplicates removed.
 */
export function toStreams(text: string): string[] {
  const pieces = splitPieces(foldCharacters(text));
  if (pieces.length === 0) return [];
  const joined = joinSpelledOut(pieces);
  const streams = ONE_AS.flatMap((oneAs) => [render(joined, oneAs), render(pieces, oneAs)]);
  return [...new Set(streams)];
}

/** The words of a list entry, folded the same way as comments ("I'll" → ["i", "ll"]). */
export function termWords(term: string): string[] {
  return splitPieces(foldCharacters(term)).map((p) => decodeWord(p.text, "i"));
}
