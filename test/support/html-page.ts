// Reading the web answer page back in tests: its visible texts, as a person (or a screen reader)
// meets them, and every string a neutral message holds.
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

/** The value of one attribute on the first tag matching `tag` (a regex source such as `textarea`). */
export function attribute(page: string, tag: string, name: string): string | null {
  const element = new RegExp(`<${tag}\\b[^>]*>`).exec(page)?.[0];
  const value = element && new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
  return value === undefined || value === null ? null : decode(value);
}
