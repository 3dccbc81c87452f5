// Status at scale: a SQLite file seeded with raw SQL (answers spread over 40 campaigns), then the
// requester's and management's status (getStatus, as `/cagnotte status` runs it) and GET /api/pot
// over HTTP, each called one after the other; at 100,000 and 1,000,000 answers to show how it grows.
// Repeated reads are answered from the figures the process keeps; "after a change" commits a
// transaction before each (untimed), so every timed read queries the database again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import { start } from "../src/main.js";
import { silentLogger } from "../src/ports/logger.js";
import { getStatus } from "../src/app/get-status.js";
import { num } from "./lib/env.js";
import { send } from "./lib/load.js";
import { seedAnswers } from "./lib/seed.js";
import { heading, percentile } from "./lib/stats.js";

const CAMPAIGNS = 40;
const MAX_CALLS = num("BENCH_STATUS_CALLS", 200);
const BUDGET_MS = num("BENCH_STATUS_BUDGET_MS", 20_000);

/** `task`'s time, call after call; `before` runs ahead of each call, untimed. */
async function timed(task: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) {
    await before?.();
    await task(); // warm-up: compiled code and SQLite's page cache
  }
  const ms: number[] = [];
  const until = performance.now() + BUDGET_MS;
  while (ms.length < MAX_CALLS && (ms.length < 10 || performance.now() < until)) {
    await before?.();
    const t = performance.now();
    await task();
    ms.push(performance.now() - t);
  }
  return ms;
}

const fmt = (ms: number[]) => `p50 ${percentile(ms, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(ms, 95).toFixed(1).padStart(7)} ms  (${ms.length} calls)`;

export async function benchStatus(): Promise<void> {
  const sizes = (process.env.BENCH_STATUS_ANSWERS ?? "100000,1000000").split(",").map(Number);
  heading(`status: answers over ${CAMPAIGNS} campaigns, calls one after the other (target p95 ≤ 50 ms, flat as answers grow)`);
  for (const answers of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "cagnotte-bench-"));
    const file = join(dir, "status.db");
    const t0 = performance.now();
    await seedAnswers(file, { answers, campaigns: CAMPAIGNS });
    console.log(`${answers.toLocaleString("en")} answers: seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const config = loadConfig({ DATABASE_URL: `file:${file}`, PORT: "0", HOST: "127.0.0.1", TICKET_WEBHOOK_SECRET: "x", LOG_LEVEL: "silent", CAGNOTTE_SCHEDULER: "off", CAGNOTTE_ADMINS: "boss@esn.example" });
    const bot = await start(config, { logger: silentLogger, outboxPollMs: 3_600_000 });
    try {
      const requester = await timed(() => getStatus(bot.ctx, { email: "r1@client1.example" }));
      const management = await timed(() => getStatus(bot.ctx, { email: "boss@esn.example" }));
      // Any commit of this process drops the kept figures: the read after it is a cold one.
      const afterChange = await timed(
        () => getStatus(bot.ctx, { email: "boss@esn.example" }),
        () => bot.ctx.store.transaction(async () => undefined),
      );
      const base = new URL(bot.url);
      const pot = await timed(async () => {
        const res = await send(base, { method: "GET", path: "/api/pot" });
        if (res.status !== 200) throw new Error(`GET /api/pot answered ${res.status}`);
      });
      console.log(`  requester status       ${fmt(requester)}`);
      console.log(`  management status      ${fmt(management)}`);
      console.log(`  status after a change  ${fmt(afterChange)}`);
      console.log(`  GET /api/pot (HTTP)    ${fmt(pot)}`);
    } finally {
      await bot.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
