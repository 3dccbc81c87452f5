// The pot's curve: one point a day in the campaign's time zone, contributions counted from the
// moment they were made until the moment they were reversed, the last point at `until`.
import { describe, expect, it } from "vitest";
import { potAt, potByDay } from "../../../src/core/charts/pot-series.js";

const q4 = { startsAt: new Date("2026-09-30T22:00:00Z"), endsAt: new Date("2026-12-31T23:00:00Z") };
const at = (iso: string) => new Date(iso);

describe("pot series", () => {
  const events = [
    { at: at("2026-10-01T08:00:00Z"), amountCents: 100, reversedAt: null },
    // 23:30 UTC on 1 October is already 2 October in Paris.
    { at: at("2026-10-01T23:30:00Z"), amountCents: 100, reversedAt: at("2026-10-03T09:00:00Z") },
    { at: at("2026-10-03T10:00:00Z"), amountCents: 100, reversedAt: null },
  ];

  it("counts a contribution from when it was made until it was reversed", () => {
    expect(potAt(events, at("2026-10-01T07:59:59Z"))).toBe(0);
    expect(potAt(events, at("2026-10-01T08:00:00Z"))).toBe(100);
    expect(potAt(events, at("2026-10-02T12:00:00Z"))).toBe(200);
    expect(potAt(events, at("2026-10-03T09:00:00Z"))).toBe(100);
  });

  it("gives one point a day in the campaign's time zone, the last one at `until`", () => {
    expect(potByDay(events, q4, at("2026-10-03T09:30:00Z"), "Europe/Paris")).toEqual([
      { day: "2026-10-01", cents: 100 },
      { day: "2026-10-02", cents: 200 },
      { day: "2026-10-03", cents: 100 },
    ]);
    expect(potByDay(events, q4, at("2026-10-04T12:00:00Z"), "Europe/Paris").at(-1)).toEqual({ day: "2026-10-04", cents: 200 });
  });

  it("never runs past the campaign's last day (92 points for a whole quarter)", () => {
    const points = potByDay(events, q4, at("2027-03-01T00:00:00Z"), "Europe/Paris");
    expect(points).toHaveLength(92);
    expect(points.at(-1)).toEqual({ day: "2026-12-31", cents: 200 });
  });
});
