// Amounts as each language writes them (src/i18n/format.ts); kept ones must read the same as new ones.
import { describe, expect, it } from "vitest";
import { formatEuros } from "../../../src/i18n/format.js";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatEuros", () => {
  it("writes euros in French and English, the same the second time as the first", () => {
    for (let round = 0; round < 2; round++) {
      expect(nbsp(formatEuros(12345, "fr"))).toBe("123,45 €");
      expect(formatEuros(12345, "en")).toBe("€123.45");
      expect(nbsp(formatEuros(100, "fr"))).toBe("1,00 €");
    }
  });

  it("keeps French and English apart for the same amount", () => {
    expect(nbsp(formatEuros(700, "fr"))).toBe("7,00 €");
    expect(formatEuros(700, "en")).toBe("€7.00");
  });

  it("writes a negative amount with its sign, and -0 as nothing owed", () => {
    expect(formatEuros(-500, "en")).toBe("-€5.00");
    expect(formatEuros(-0, "en")).toBe("€0.00");
    expect(formatEuros(0, "en")).toBe("€0.00");
  });

  it("stays right past the number of amounts it keeps", () => {
    for (let cents = 0; cents < 1_000; cents++) expect(formatEuros(cents, "en")).toBe(`€${(cents / 100).toFixed(2)}`);
  });
});
