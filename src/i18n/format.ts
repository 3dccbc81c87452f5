// Numbers, money, dates and plurals as each language writes them. Every sentence of the
// catalogue formats its figures through these, so "1,00 €" and "€1.00" never disagree.
import type { Locale } from "../core/model.js";

export type Bilingual<T> = { readonly fr: T; readonly en: T };

const numberLocale: Record<Locale, string> = { fr: "fr-FR", en: "en-IE" };

/**
 * Intl formatters are costly to build (about a millisecond each) and cheap to reuse: one per
 * language, kind and time zone, built on first use.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = build()));
  return f;
}

/** The amounts last written, per language: a status, a digest and the dashboard write the same few pots again and again. */
const eurosWritten: Record<Locale, Map<number, string>> = { fr: new Map(), en: new Map() };

export function formatEuros(amountCents: number, locale: Locale): string {
  // -0 (a reversal of nothing) is written as 0: never "-0,00 €".
  const cents = amountCents === 0 ? 0 : amountCents;
  const written = eurosWritten[locale];
  let text = written.get(cents);
  if (text === undefined) {
    text = formatter(`euros:${locale}`, () => new Intl.NumberFormat(numberLocale[locale], { style: "currency", currency: "EUR" })).format(cents / 100);
    if (written.size >= 256) written.clear();
    written.set(cents, text);
  }
  return text;
}

/** 0.873 → "87 %" (fr) or "87%" (en); null (nothing to measure yet) → "—". */
export function formatPercent(share: number | null, locale: Locale): string {
  if (share === null) return "—";
  return formatter(`percent:${locale}`, () => new Intl.NumberFormat(numberLocale[locale], { style: "percent", maximumFractionDigits: 0 })).format(share);
}

/** A calendar day: "3 déc. 2026" / "3 Dec 2026", in the given time zone. */
export function formatDay(date: Date, locale: Locale, timeZone = "UTC"): string {
  return formatter(`day:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeZone })).format(date);
}

/** A moment: "3 déc. 2026, 14:05" / "3 Dec 2026, 14:05", in the given time zone. */
export function formatMoment(date: Date, locale: Locale, timeZone = "UTC"): string {
  return formatter(`moment:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone })).format(date);
}

/** "3 commentaires", "1 comment": French puts 0 and 1 in the singular, English only 1. */
export function count(locale: Locale, n: number, one: string, many: string): string {
  const singular = locale === "fr" ? n <= 1 : n === 1;
  return `${n} ${singular ? one : many}`;
}
