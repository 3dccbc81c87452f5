// Business hours, French public holidays and when scheduled things are due, with fixed instants.
import { describe, expect, it } from "vitest";
import { DEFAULT_BUSINESS_HOURS, isBusinessTime, nextBusinessInstant, parseDays, parseTimeOfDay, parseWindows, type BusinessHours } from "../../../src/core/schedule/business-hours.js";
import { easterSunday, isPublicHoliday } from "../../../src/core/schedule/holidays.js";
import { duePayoutReminder, isReminderDue, latestDigestSlot, reminderSendAt, retentionCutoff } from "../../../src/core/schedule/due.js";

const zone = "Europe/Paris";
const hours = DEFAULT_BUSINESS_HOURS;
const next = (iso: string, h: BusinessHours = hours) => nextBusinessInstant(new Date(iso), zone, h).toISOString();

describe("nextBusinessInstant (Europe/Paris, Mon–Fri 9–12 and 14–17, French holidays)", () => {
  it("moves a Friday 20:00 to Monday 9:00", () => {
    expect(next("2026-11-20T19:00:00Z")).toBe("2026-11-23T08:00:00.000Z");
  });
  it("keeps an instant already inside business hours", () => {
    expect(next("2026-11-18T10:15:00Z")).toBe("2026-11-18T10:15:00.000Z");
    expect(isBusinessTime(new Date("2026-11-18T10:15:00Z"), zone, hours)).toBe(true);
  });
  it("skips the lunch break and the evening", () => {
    expect(next("2026-11-18T11:30:00Z")).toBe("2026-11-18T13:00:00.000Z"); // 12:30 → 14:00
    expect(next("2026-11-18T11:00:00Z")).toBe("2026-11-18T13:00:00.000Z"); // 12:00 sharp is lunch
    expect(next("2026-11-18T16:00:00Z")).toBe("2026-11-19T08:00:00.000Z"); // 17:00 → next morning
    expect(next("2026-11-18T05:00:00Z")).toBe("2026-11-18T08:00:00.000Z"); // 6:00 → 9:00
  });
  it("skips 14 July and Christmas", () => {
    expect(next("2026-07-14T08:00:00Z")).toBe("2026-07-15T07:00:00.000Z"); // Tuesday 14 July
    expect(next("2026-12-24T16:30:00Z")).toBe("2026-12-28T08:00:00.000Z"); // Thu 17:30 → Fri 25 holiday → Mon
  });
  it("skips the moving holidays: Easter Monday, Ascension, Whit Monday", () => {
    expect(next("2026-04-06T08:00:00Z")).toBe("2026-04-07T07:00:00.000Z");
    expect(next("2026-05-14T08:00:00Z")).toBe("2026-05-15T07:00:00.000Z");
    expect(next("2026-05-25T08:00:00Z")).toBe("2026-05-26T07:00:00.000Z");
  });
  it("keeps local 9:00 across the DST weekends", () => {
    // Spring forward on Sunday 29 March 2026: Monday 9:00 is UTC+2.
    expect(next("2026-03-27T17:00:00Z")).toBe("2026-03-30T07:00:00.000Z");
    // Fall back on Sunday 25 October 2026: Monday 9:00 is UTC+1.
    expect(next("2026-10-23T16:00:00Z")).toBe("2026-10-26T08:00:00.000Z");
  });
  it("honours other calendars and settings", () => {
    const none: BusinessHours = { ...hours, holidays: "none" };
    expect(next("2026-07-14T08:00:00Z", none)).toBe("2026-07-14T08:00:00.000Z");
    const alsace: BusinessHours = { ...hours, holidays: "fr-alsace-moselle" };
    expect(isPublicHoliday("fr-alsace-moselle", 2026, 4, 3)).toBe(true); // Good Friday
    expect(isPublicHoliday("fr", 2026, 4, 3)).toBe(false);
    expect(next("2026-12-24T16:30:00Z", alsace)).toBe("2026-12-28T08:00:00.000Z");
    const saturdays: BusinessHours = { days: [6], windows: [{ start: 600, end: 660 }], holidays: "fr" };
    expect(next("2026-11-18T10:00:00Z", saturdays)).toBe("2026-11-21T09:00:00.000Z");
  });
  it("refuses settings that allow no instant at all", () => {
    expect(() => next("2026-11-18T10:00:00Z", { days: [], windows: hours.windows, holidays: "fr" })).toThrow(RangeError);
  });
});

describe("holidays", () => {
  it("computes Easter Sunday", () => {
    expect(easterSunday(2024)).toEqual([3, 31]);
    expect(easterSunday(2025)).toEqual([4, 20]);
    expect(easterSunday(2026)).toEqual([4, 5]);
    expect(easterSunday(2038)).toEqual([4, 25]);
  });
  it("knows the fixed French holidays", () => {
    for (const [m, d] of [[1, 1], [5, 1], [5, 8], [7, 14], [8, 15], [11, 1], [11, 11], [12, 25]] as const) {
      expect(isPublicHoliday("fr", 2027, m, d)).toBe(true);
    }
    expect(isPublicHoliday("fr", 2027, 12, 26)).toBe(false);
    expect(isPublicHoliday("none", 2027, 12, 25)).toBe(false);
  });
});

describe("settings parsers", () => {
  it("reads windows, days and times, and rejects nonsense", () => {
    expect(parseWindows("09:00-12:00, 14:00-17:30")).toEqual([{ start: 540, end: 720 }, { start: 840, end: 1050 }]);
    expect(parseWindows("12:00-09:00")).toBeNull();
    expect(parseWindows("9h-12h")).toBeNull();
    expect(parseDays("mon-fri")).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays("1,3,5")).toEqual([1, 3, 5]);
    expect(parseDays("fri-mon")).toBeNull();
    expect(parseTimeOfDay("09:30")).toBe(570);
    expect(parseTimeOfDay("25:00")).toBeNull();
  });
});

describe("what is due", () => {
  const policy = { delayHours: 48, zone, hours };
  const delivered = { status: "delivered", deliveredAt: new Date("2026-11-18T19:00:00Z"), remindedAt: null, expiresAt: new Date("2026-12-02T19:00:00Z") };

  it("a reminder due Friday 20:00 goes out Monday 9:00, once, before expiry", () => {
    expect(reminderSendAt(delivered.deliveredAt, 48, zone, hours).toISOString()).toBe("2026-11-23T08:00:00.000Z");
    expect(isReminderDue(delivered, new Date("2026-11-20T19:00:00Z"), policy)).toBe(false);
    expect(isReminderDue(delivered, new Date("2026-11-22T12:00:00Z"), policy)).toBe(false);
    expect(isReminderDue(delivered, new Date("2026-11-23T08:00:00Z"), policy)).toBe(true);
    expect(isReminderDue(delivered, new Date("2026-11-23T11:30:00Z"), policy)).toBe(false); // lunch break
    expect(isReminderDue({ ...delivered, remindedAt: new Date("2026-11-23T08:00:00Z") }, new Date("2026-11-23T09:00:00Z"), policy)).toBe(false);
    expect(isReminderDue({ ...delivered, status: "answered" }, new Date("2026-11-23T08:00:00Z"), policy)).toBe(false);
    expect(isReminderDue({ ...delivered, expiresAt: new Date("2026-11-23T08:00:00Z") }, new Date("2026-11-23T08:00:00Z"), policy)).toBe(false);
  });

  it("payout reminders: at the end, then every month, in business hours", () => {
    const endsAt = new Date("2026-03-31T22:00:00Z"); // 1 April 2026 00:00 Paris (Wednesday)
    expect(duePayoutReminder(endsAt, new Date("2026-03-31T10:00:00Z"), zone, hours)).toBeNull();
    expect(duePayoutReminder(endsAt, new Date("2026-04-01T05:00:00Z"), zone, hours)).toBeNull(); // 7:00, before hours
    expect(duePayoutReminder(endsAt, new Date("2026-04-01T07:00:00Z"), zone, hours)).toMatchObject({ index: 0 });
    expect(duePayoutReminder(endsAt, new Date("2026-04-30T07:00:00Z"), zone, hours)).toMatchObject({ index: 0 });
    // 1 May is a holiday (Friday): the second reminder is due Monday 4 May, 9:00.
    expect(duePayoutReminder(endsAt, new Date("2026-05-01T08:00:00Z"), zone, hours)).toBeNull();
    expect(duePayoutReminder(endsAt, new Date("2026-05-04T07:00:00Z"), zone, hours)).toMatchObject({ index: 1, dueAt: new Date("2026-05-04T07:00:00Z") });
  });

  it("the digest slot is the latest configured weekday and time", () => {
    const digest = { weekday: 1, minutes: 9 * 60 };
    expect(latestDigestSlot(new Date("2026-11-23T08:00:00Z"), zone, digest)).toEqual({ key: "2026-11-23", at: new Date("2026-11-23T08:00:00Z") });
    expect(latestDigestSlot(new Date("2026-11-23T07:59:00Z"), zone, digest).key).toBe("2026-11-16");
    expect(latestDigestSlot(new Date("2026-11-29T22:00:00Z"), zone, digest).key).toBe("2026-11-23");
  });

  it("the retention cut-off is the period before now", () => {
    expect(retentionCutoff(new Date("2026-11-20T00:00:00Z"), 365).toISOString()).toBe("2025-11-20T00:00:00.000Z");
  });
});
