// The cron expressions the scheduler hands to node-cron: valid, and derived from the settings.
import cron from "node-cron";
import { describe, expect, it } from "vitest";
import { allJobs } from "../../src/jobs/scheduler.js";
import { testSchedule } from "../support/schedule.js";

describe("job triggers", () => {
  it("are valid cron expressions for every job, with distinct job names", () => {
    for (const job of allJobs) {
      const triggers = job.triggers(testSchedule);
      expect(triggers.length).toBeGreaterThan(0);
      for (const t of triggers) expect(cron.validate(t), `${job.name}: ${t}`).toBe(true);
    }
    expect(new Set(allJobs.map((j) => j.name)).size).toBe(allJobs.length);
  });

  it("roll over at 00:00 on the first day of each quarter and follow the digest settings", () => {
    const rollover = allJobs.find((j) => j.name === "campaign-rollover")!;
    expect(rollover.triggers(testSchedule)[0]).toBe("0 0 1 1,4,7,10 *");
    const digest = allJobs.find((j) => j.name === "weekly-digest")!;
    expect(digest.triggers({ ...testSchedule, digest: { weekday: 5, minutes: 16 * 60 + 30 } })).toEqual(["30 16-23 * * 5"]);
    expect(digest.triggers({ ...testSchedule, digest: { weekday: 7, minutes: 8 * 60 } })).toEqual(["0 8-23 * * 0"]);
  });
});
