// A separate bot process for the two-process test: opens the store on the given database, waits
// for the shared start instant (so both processes race), runs every scheduled job once through
// the scheduler at the given fixed `now`, and prints the outcomes as JSON on stdout.
// Usage: node --import tsx test/support/run-jobs-once.ts <databaseUrl> <nowIso> <holder> <startAtMs>
import { setTimeout as sleep } from "node:timers/promises";
import { openStore } from "../../src/adapters/store/prisma-store.js";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { silentLogger } from "../../src/ports/logger.js";
import { FixedClock, testRules } from "./fixtures.js";
import { testSchedule } from "./schedule.js";

const [databaseUrl, nowIso, holder, startAtMs] = process.argv.slice(2);
if (!databaseUrl || !nowIso || !holder || !startAtMs) throw new Error("usage: run-jobs-once.ts <databaseUrl> <nowIso> <holder> <startAtMs>");

const store = await openStore(databaseUrl);
const ctx = {
  store,
  clock: new FixedClock(new Date(nowIso)),
  logger: silentLogger,
  rules: testRules,
  publicUrl: "http://localhost:3978",
  admins: ["boss@esn.example"],
  schedule: testSchedule,
};
const scheduler = createScheduler(ctx, { holder });
// Bounded wait for the common start instant (at most 10 s).
const delay = Math.min(10_000, Math.max(0, Number(startAtMs) - Date.now()));
await sleep(delay);
const outcomes = await scheduler.runAll();
await store.close();
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
