// The catalogue: both languages have every key and every refusal code has a text. The compiler
// enforces it (the @ts-expect-error lines below fail `npm run typecheck` if it ever stops doing so);
// the tests check the same at run time and that nothing renders "undefined".
import { describe, expect, it } from "vitest";
import { REFUSAL_CODES, type RefusalCode } from "../../../src/core/refusal.js";
import { LOCALES, textsFor, type Texts } from "../../../src/i18n/index.js";
import type { survey } from "../../../src/i18n/topics/survey.js";

// A topic whose English lacks a key does not compile…
// @ts-expect-error -- `header` and the rest are missing
const missingKey: typeof survey.en = { title: "Your opinion" };
// …nor a refusal code without a text.
// @ts-expect-error -- every other code is missing
const missingRefusal: Record<RefusalCode, (detail: string) => string> = { "survey-not-found": () => "Not found" };
void missingKey;
void missingRefusal;

function keysOf(value: unknown, path = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [path];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, path ? `${path}.${k}` : k));
}

describe("catalogue", () => {
  it("has the same keys in French and English", () => {
    expect(keysOf(textsFor("en"))).toEqual(keysOf(textsFor("fr")));
  });

  it("has a text for every refusal code in both languages, quoting the detail", () => {
    for (const locale of LOCALES) {
      const t: Texts = textsFor(locale);
      for (const code of REFUSAL_CODES) {
        const text = t.refusals[code]("DETAIL");
        expect(text.length, `${locale} ${code}`).toBeGreaterThan(3);
        expect(text).not.toContain("undefined");
      }
      expect(t.refusals["unknown-command"]("frobnicate")).toContain("frobnicate");
    }
  });

  it("words the two languages differently (no English left in French)", () => {
    const fr = textsFor("fr");
    const en = textsFor("en");
    expect(fr.survey.title).not.toBe(en.survey.title);
    expect(fr.refusals["survey-expired"]("")).not.toBe(en.refusals["survey-expired"](""));
    expect(fr.survey.ratingLabels3).toEqual(["Mauvaise", "Correcte", "Efficace"]);
  });
});
