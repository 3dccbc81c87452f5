// Reading the web answer page back in tests: its visible texts, as a person (or a screen reader)
// meets them, and every string a neutral message holds.
import type { Locale } from "../../src/core/model.js";
import { textsFor, type Texts } from "../../src/i18n/index.js";
import type { Message } from "../../src/presenter/index.js";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** The text between tags (the style sheet aside), decoded and trimmed: what the page says. */
export function visibleTexts(page: string): string[] {
  return page
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .split(/<[^>]*>/)
    .map((t) => decode(t).trim())
    .filter((t) => t.length > 0);
}

/** Every string a message holds, however deep (labels, hints, confirmations, values). */
export function messageStrings(message: Message): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object" && !(v instanceof Date)) Object.values(v).forEach(walk);
  };
  walk(message);
  return out;
}

/** The value of one attribute on the first tag that starts with `tag` (`textarea`, `input type="hidden"`). */
export function attribute(page: string, tag: string, name: string): string | null {
  const element = new RegExp(`<${tag}(?=[\\s>/])[^>]*>`).exec(page)?.[0];
  const value = element && new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
  return value === undefined || value === null ? null : decode(value);
}

/**
 * Pieces of the other language's sentences (in the given topics) that the reader's language never
 * says: a page in the reader's language contains none of them. Worded texts are called with a
 * marker for each argument and cut there, so "Your ticket … was resolved by …" yields its fixed parts.
 */
export function foreignPieces(reader: Locale, topics: (keyof Texts)[]): string[] {
  const MARK = "\u0001";
  const piecesOf = (locale: Locale): Set<string> => {
    const out = new Set<string>();
    const walk = (v: unknown): void => {
      if (typeof v === "string") v.split(MARK).map((p) => p.trim()).filter((p) => p.length > 1).forEach((p) => out.add(p));
      else if (typeof v === "function") walk((v as (...a: string[]) => unknown)(...Array<string>(Math.max(v.length, 1)).fill(MARK)));
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    for (const topic of topics) walk(textsFor(locale)[topic]);
    return out;
  };
  const own = piecesOf(reader);
  return [...piecesOf(reader === "fr" ? "en" : "fr")].filter((p) => !own.has(p));
}

/** The visible texts that say (part of) a sentence of the other language. */
export function foreignTexts(page: string, reader: Locale, topics: (keyof Texts)[]): string[] {
  const pieces = foreignPieces(reader, topics);
  // Short pieces ("OK", "Send") only as a whole text; longer ones anywhere in a text.
  return visibleTexts(page).filter((t) => pieces.some((p) => (p.length < 6 ? t === p : t.includes(p))));
}
