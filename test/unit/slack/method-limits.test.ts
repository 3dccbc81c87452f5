// Slack's per-method tiers and 429 pauses (src/adapters/slack/method-limits.ts), on a virtual clock.
import { describe, expect, it } from "vitest";
import { methodLimits, NoTurn } from "../../../src/adapters/slack/method-limits.js";

function virtualClock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), at: () => t };
}

describe("method limits", () => {
  it("lets a tier's calls go at once, then holds the next until the window has passed, for that method only", async () => {
    const clock = virtualClock();
    const limits = methodLimits({ tiers: { "users.lookupByEmail": 3 }, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 3; i++) await limits.wait("users.lookupByEmail");
    expect(clock.at()).toBe(0);
    await limits.wait("chat.postMessage D1");
    expect(clock.at()).toBe(0);
    await limits.wait("users.lookupByEmail");
    expect(clock.at()).toBe(61_000);
  });

  it("pauses a method for its Retry-After, and only that method; the time scale shortens the windows", async () => {
    const clock = virtualClock();
    const limits = methodLimits({ tiers: { "conversations.open": 1 }, timeScale: 0.05, now: clock.now, sleep: clock.sleep });
    limits.pause("users.info", 7_000);
    await limits.wait("conversations.open");
    expect(clock.at()).toBe(0);
    await limits.wait("users.info");
    expect(clock.at()).toBe(7_000);
    await limits.wait("conversations.open");
    expect(clock.at()).toBe(7_000); // 61 s × 0.05 = 3.05 s had passed
  });

  it("lets a few calls to a method go at once, the next in order as each ends; a paused method gives no turn to one that may not wait", async () => {
    const clock = virtualClock();
    const limits = methodLimits({ now: clock.now, sleep: clock.sleep, parallel: 2 });
    const a = await limits.turn("users.lookupByEmail");
    const b = await limits.turn("users.lookupByEmail");
    const order: string[] = [];
    const c = limits.turn("users.lookupByEmail").then((done) => (order.push("c"), done));
    const d = limits.turn("users.lookupByEmail").then((done) => (order.push("d"), done));
    const other = await limits.turn("conversations.open"); // another method is not held up
    other();
    await Promise.resolve();
    expect(order).toEqual([]);
    a();
    (await c)();
    b();
    (await d)();
    expect(order).toEqual(["c", "d"]);
    limits.pause("users.lookupByEmail", 5_000);
    await expect(limits.turn("users.lookupByEmail", 0)).rejects.toBeInstanceOf(NoTurn);
    (await limits.turn("users.lookupByEmail", 10_000))();
    expect(clock.at()).toBe(5_000);
  });
});
