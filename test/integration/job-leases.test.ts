// The job lease on both databases: of several instances asking at once, exactly one wins; the
// lease comes back when released or when it runs out; the bot runs the scheduler from start().
import { afterEach, describe, expect, it } from "vitest";
import { openTestStore, providers } from "../support/databases.js";
import { startTestBot } from "../support/running-bot.js";
import { FixedClock } from "../support/fixtures.js";

describe.each(providers)("job leases on %s", (provider) => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it("lets exactly one of several concurrent holders take a lease", async () => {
    const t = await openTestStore(provider);
    close = t.close;
    const now = new Date("2026-04-01T00:00:00Z");
    const until = new Date(now.getTime() + 60_000);
    const wins = await Promise.all(["a", "b", "c", "d", "e"].map((holder) => t.store.leases.acquire("rollover", holder, now, until)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    const winner = ["a", "b", "c", "d", "e"][wins.indexOf(true)]!;
    expect(await t.store.leases.acquire("rollover", "late", now, until)).toBe(false);
    await t.store.leases.release("rollover", "someone-else", now); // not the holder: no effect
    expect(await t.store.leases.acquire("rollover", "late", now, until)).toBe(false);
    await t.store.leases.release("rollover", winner, now);
    expect(await t.store.leases.lastRunAt("rollover")).toEqual(now);
    expect(await t.store.leases.acquire("rollover", "late", now, until)).toBe(true);
    expect(await t.store.leases.acquire("rollover", "later", until, new Date(until.getTime() + 1))).toBe(true); // expired
  });
});

describe("the bot with its scheduler", () => {
  it("catches up at start, exposes the command table and stops its cron tasks", async () => {
    const clock = new FixedClock(new Date("2026-11-18T10:00:00Z"));
    const bot = await startTestBot({ CAGNOTTE_SCHEDULER: "on" }, { clock });
    try {
      expect(bot.scheduler).not.toBeNull();
      expect(await bot.ctx.store.campaigns.findByQuarter(2026, 4)).toMatchObject({ status: "open", charity: null });
      expect(await bot.ctx.store.leases.lastRunAt("campaign-rollover")).toEqual(clock.now());
      expect(Object.keys(bot.commands.management)).toEqual(expect.arrayContaining(["charity", "campaign", "moderation", "payout", "export", "export-person", "audit"]));
      expect(Object.keys(bot.commands.everyone)).toContain("forget-me");
    } finally {
      await bot.stop();
    }
  });

  it("does not schedule anything with CAGNOTTE_SCHEDULER=off", async () => {
    const bot = await startTestBot();
    try {
      expect(bot.scheduler).toBeNull();
      expect(await bot.ctx.store.campaigns.latest()).toBeNull();
    } finally {
      await bot.stop();
    }
  });
});
