// The schedule settings: defaults with nothing set, custom values, and one clear error per bad value.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("schedule settings", () => {
  it("defaults to Monday–Friday 9–12 and 14–17 with French holidays", () => {
    expect(loadConfig({}).schedule).toEqual({
      enabled: true,
      reminderDelayHours: 48,
      businessHours: { days: [1, 2, 3, 4, 5], windows: [{ start: 540, end: 720 }, { start: 840, end: 1020 }], holidays: "fr" },
      digest: { weekday: 1, minutes: 540 },
      retentionDays: 365,
    });
  });

  it("reads custom values", () => {
    const s = loadConfig({
      CAGNOTTE_SCHEDULER: "off",
      CAGNOTTE_REMINDER_DELAY_HOURS: "24",
      CAGNOTTE_BUSINESS_DAYS: "mon,tue,thu",
      CAGNOTTE_BUSINESS_HOURS: "08:30-18:00",
      CAGNOTTE_HOLIDAYS: "fr-alsace-moselle",
      CAGNOTTE_DIGEST_DAY: "friday",
      CAGNOTTE_DIGEST_TIME: "16:30",
      CAGNOTTE_RETENTION_DAYS: "90",
    }).schedule;
    expect(s).toMatchObject({ enabled: false, reminderDelayHours: 24, businessHours: { days: [1, 2, 4], windows: [{ start: 510, end: 1080 }], holidays: "fr-alsace-moselle" }, digest: { weekday: 5, minutes: 990 }, retentionDays: 90 });
  });

  it.each([
    ["CAGNOTTE_BUSINESS_HOURS", "9h-12h"],
    ["CAGNOTTE_BUSINESS_DAYS", "someday"],
    ["CAGNOTTE_HOLIDAYS", "mars"],
    ["CAGNOTTE_DIGEST_TIME", "25:00"],
    ["CAGNOTTE_REMINDER_DELAY_HOURS", "-1"],
  ])("names %s when it is invalid", (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}:`));
  });
});
