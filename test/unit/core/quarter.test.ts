import { describe, expect, it } from "vitest";
import { daysLeft, nextQuarter, parseQuarterLabel, previousQuarter, quarterLabel, quarterOf } from "../../../src/core/campaign/quarter.js";

const PARIS = "Europe/Paris";

describe("quarterOf in Europe/Paris", () => {
  it.each([
    ["31 Dec 23:30 Paris is Q4", "2026-12-31T22:30:00Z", 2026, 4],
    ["1 Jan 00:30 Paris is Q1 of the next year (still 31 Dec in UTC)", "2026-12-31T23:30:00Z", 2027, 1],
    ["31 Mar 23:59:59 Paris (summer time) is Q1", "2026-03-31T21:59:59Z", 2026, 1],
    ["1 Apr 00:00:01 Paris is Q2", "2026-03-31T22:00:01Z", 2026, 2],
    ["30 Sep 23:59 Paris is Q3", "2026-09-30T21:59:00Z", 2026, 3],
    ["1 Oct 00:00 Paris is Q4", "2026-09-30T22:00:00Z", 2026, 4],
  ])("%s", (_name, instant, year, quarter) => {
    const q = quarterOf(new Date(instant), PARIS);
    expect([q.year, q.quarter]).toEqual([year, quarter]);
  });

  it("gives quarter bounds at local midnight whatever the UTC offset", () => {
    const q1 = quarterOf(new Date("2026-02-10T12:00:00Z"), PARIS);
    expect(q1.startsAt.toISOString()).toBe("2025-12-31T23:00:00.000Z"); // winter time, UTC+1
    expect(q1.endsAt.toISOString()).toBe("2026-03-31T22:00:00.000Z"); // summer time, UTC+2
    const q4 = quarterOf(new Date("2026-11-25T12:00:00Z"), PARIS);
    expect(q4.startsAt.toISOString()).toBe("2026-09-30T22:00:00.000Z");
    expect(q4.endsAt.toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });

  it("covers the DST change days inside Q1 and Q4", () => {
    // 29 March 2026 02:00 → 03:00 and 25 October 2026 03:00 → 02:00 are inside their quarters.
    expect(quarterOf(new Date("2026-03-29T01:30:00Z"), PARIS).quarter).toBe(1);
    expect(quarterOf(new Date("2026-10-25T01:30:00Z"), PARIS).quarter).toBe(4);
  });

  it("follows another configured time zone", () => {
    // 31 Dec 2026 20:00 in New York is already 1 Jan in Paris.
    expect(quarterOf(new Date("2027-01-01T01:00:00Z"), "America/New_York").year).toBe(2026);
    expect(quarterOf(new Date("2027-01-01T01:00:00Z"), PARIS).year).toBe(2027);
  });

  it("rejects an unknown time zone", () => {
    expect(() => quarterOf(new Date(), "Mars/Olympus")).toThrow(/time zone/);
  });
});

describe("quarter arithmetic and labels", () => {
  it("wraps years", () => {
    expect(quarterLabel(nextQuarter({ year: 2026, quarter: 4 }, PARIS))).toBe("2027-Q1");
    expect(quarterLabel(previousQuarter({ year: 2027, quarter: 1 }, PARIS))).toBe("2026-Q4");
  });
  it("parses labels", () => {
    expect(parseQuarterLabel("2026-Q3")).toEqual({ year: 2026, quarter: 3 });
    expect(parseQuarterLabel("2026q1")).toEqual({ year: 2026, quarter: 1 });
    expect(parseQuarterLabel("2026-Q5")).toBeNull();
  });
  it("counts local days left, 0 on the last day", () => {
    const q4 = quarterOf(new Date("2026-11-25T12:00:00Z"), PARIS);
    expect(daysLeft(q4, new Date("2026-11-25T12:00:00Z"), PARIS)).toBe(36);
    expect(daysLeft(q4, new Date("2026-12-31T22:00:00Z"), PARIS)).toBe(0);
  });
});
