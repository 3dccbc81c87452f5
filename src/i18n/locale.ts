// Which of our two languages a platform's locale tag or a browser's Accept-Language means.
import type { Locale } from "../core/model.js";

/** "fr-FR", "fr_CA", "en-GB" → "fr" / "en"; anything else (or nothing) → null. */
export function localeFromTag(tag: string | null | undefined): Locale | null {
  const lang = tag?.slice(0, 2).toLowerCase();
  return lang === "fr" || lang === "en" ? lang : null;
}

/** The language the browser prefers among ours; `fallback` when it names neither. */
export function localeFromAcceptLanguage(header: string | undefined, fallback: Locale): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { lang: localeFromTag(tag), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((l) => l.lang !== null)
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang ?? fallback;
}
