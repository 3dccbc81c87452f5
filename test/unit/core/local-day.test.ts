// Local calendar days (src/core/campaign/local-day.ts) against luxon's own day arithmetic, across
// daylight-saving changes, a zone whose midnight is skipped, and instants asked in any order (the
// kept days must never answer for an instant outside them).
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { calendarDaysBetween, localDay } from "../../../src/core/campaign/local-day.js";
import { daysLeft, quarterStarting } from "../../../src/core/campaign/quarter.js";

const ZONES = ["Europe/Paris", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata", "America/New_York", "UTC"];

function luxonDay(t: number, zone: string) {
  const start = DateTime.fromMillis(t, { zone }).startOf("day");
  return { start: start.toMillis(), end: start.plus({ days: 1 }).startOf("day").toMillis() };
}

/** A fixed sequence of instants (no randomness: a failure repeats), hours apart and jumping back and forth over 2026–2027. */
function instants(count: number): number[] {
  const from = Date.UTC(2026, 0, 1);
  const span = Date.UTC(2028, 0, 1) - from;
  let x = 12345;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return from + (x / 2 ** 31) * span;
  });
}

describe("local calendar days", () => {
  it.each(ZONES)("finds the same day as luxon for any instant in %s, asked in any order", (zone) => {
    for (const t of instants(3000)) {
      const day = localDay(t, zone);
      expect(day).toEqual(luxonDay(t, zone));
      expect(t >= day.start && t < day.end).toBe(true);
    }
  });

  it("counts a day across the daylight-saving changes as one day (23 and 25 hours long)", () => {
    const spring = localDay(new Date("2026-03-29T12:00:00+02:00"), "Europe/Paris");
    const autumn = localDay(new Date("2026-10-25T12:00:00+01:00"), "Europe/Paris");
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
    expect(calendarDaysBetween(new Date("2026-03-28T23:30:00+01:00"), new Date("2026-03-30T00:30:00+02:00"), "Europe/Paris")).toBe(2);
    expect(calendarDaysBetween(new Date("2026-10-26T00:30:00+01:00"), new Date("2026-10-24T23:30:00+02:00"), "Europe/Paris")).toBe(-2);
  });

  it("starts the day at 01:00 where midnight is skipped (Santiago, September 2026)", () => {
    const day = localDay(new Date("2026-09-06T12:00:00-03:00"), "America/Santiago");
    expect(DateTime.fromMillis(day.start, { zone: "America/Santiago" }).toFormat("yyyy-MM-dd HH:mm")).toBe("2026-09-06 01:00");
    expect(DateTime.fromMillis(day.end, { zone: "America/Santiago" }).toFormat("yyyy-MM-dd HH:mm")).toBe("2026-09-07 00:00");
  });

  it("gives the days left of a quarter as luxon's calendar counts them", () => {
    for (const zone of ZONES) {
      for (const t of instants(500)) {
        const local = DateTime.fromMillis(t, { zone });
        const quarter = quarterStarting(local.year, local.quarter, zone);
        const today = local.startOf("day");
        const lastDay = DateTime.fromJSDate(quarter.endsAt, { zone }).minus({ days: 1 }).startOf("day");
        expect(daysLeft(quarter, new Date(t), zone)).toBe(Math.max(0, Math.round(lastDay.diff(today, "days").days)));
      }
    }
  });

  it("refuses a zone that does not exist", () => {
    expect(() => localDay(0, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
