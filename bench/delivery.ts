// Delivery at Slack's limits: 5,000 pending surveys for 500 requesters (seeded with raw SQL, none
// linked to Slack yet), delivered by the bot's outbox worker through a fake Slack that enforces
// one message per second per channel and 50 calls a minute for users.lookupByEmail and
// conversations.open (Slack's tier 3 and tier 2 floors), every window divided by 20 (time scale
// 0.05; the bot is told the same scale). The bound: one e-mail look-up per requester at 50 a
// minute, i.e. 500 / 50 × 60 s × 0.05 = 30 s. Stops at 3× the bound if not done.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import { start } from "../src/main.js";
import { silentLogger } from "../src/ports/logger.js";
import { FakeSlack } from "../test/support/fake-slack/fake-slack-server.js";
import { num } from "./lib/env.js";
import { seedPendingSurveys } from "./lib/seed.js";
import { heading } from "./lib/stats.js";

const SURVEYS = num("BENCH_DELIVERY_SURVEYS", 5000);
const REQUESTERS = num("BENCH_DELIVERY_REQUESTERS", 500);
const SCALE = num("BENCH_DELIVERY_SCALE", 0.05);
const TIER_PER_MINUTE = 50;
const CAP_FACTOR = num("BENCH_DELIVERY_CAP", 3);
const CONCURRENCY = num("BENCH_DELIVERY_CONCURRENCY", 0);

function surveyOf(blocks: unknown): string | null {
  const m = /\\?"s\\?":\\?"([^"\\]+)/.exec(JSON.stringify(blocks));
  return m?.[1] ?? null;
}

export async function benchDelivery(): Promise<void> {
  const boundMs = Math.ceil(REQUESTERS / TIER_PER_MINUTE) * 60_000 * SCALE;
  heading(`delivery: ${SURVEYS} surveys to ${REQUESTERS} requesters, fake Slack at 1 msg/s per channel, 50/min users.lookupByEmail and conversations.open, windows × ${SCALE}`);
  const fake = new FakeSlack("xoxb-bench", "T0001", {
    timeScale: SCALE,
    perMethod: { "users.lookupByEmail": { max: TIER_PER_MINUTE, windowMs: 60_000 }, "conversations.open": { max: TIER_PER_MINUTE, windowMs: 60_000 }, "users.info": { max: 100, windowMs: 60_000 } },
  });
  const api = await fake.start();
  for (let r = 0; r < REQUESTERS; r++) fake.addUser({ id: `U${r}`, email: `r${r}@client.example`, name: `Requester ${r}` });
  const dir = mkdtempSync(join(tmpdir(), "cagnotte-bench-"));
  const file = join(dir, "delivery.db");
  await seedPendingSurveys(file, { surveys: SURVEYS, requesters: REQUESTERS });
  const config = loadConfig({
    DATABASE_URL: `file:${file}`, PORT: "0", HOST: "127.0.0.1", TICKET_WEBHOOK_SECRET: "x", LOG_LEVEL: "silent", CAGNOTTE_SCHEDULER: "off",
    SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: api,
  });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const bot = await start(config, { logger: silentLogger, outboxPollMs: 20, slackTimeScale: SCALE, ...(CONCURRENCY ? { outboxConcurrency: CONCURRENCY } : {}) });
  const delivered = () => fake.messages.filter((m) => m.channel.startsWith("D")).length;
  let elapsed: number;
  let cpuMs: number;
  let dms: typeof fake.messages;
  let calls: typeof fake.calls;
  try {
    while (delivered() < SURVEYS && performance.now() - t0 < CAP_FACTOR * boundMs) await new Promise((r) => setTimeout(r, 50));
    // The figures as they stand now; stopping may wait for the worker's pass in flight.
    elapsed = performance.now() - t0;
    const used = process.cpuUsage(cpu0);
    cpuMs = (used.user + used.system) / 1000;
    dms = fake.messages.filter((m) => m.channel.startsWith("D"));
    calls = [...fake.calls];
  } finally {
    await Promise.race([bot.stop(), new Promise((r) => setTimeout(r, 10_000))]);
  }
  const distinct = new Set(dms.map((m) => surveyOf(m.blocks) ?? m.ts));
  const byMethod = new Map<string, { calls: number; limited: number }>();
  for (const c of calls) {
    const e = byMethod.get(c.method) ?? { calls: 0, limited: 0 };
    e.calls++;
    if (c.status === 429) e.limited++;
    byMethod.set(c.method, e);
  }
  const limited = calls.filter((c) => c.status === 429).length;
  console.log(`reference: the bound (one look-up per requester at ${TIER_PER_MINUTE}/min, scaled): ${(boundMs / 1000).toFixed(1)} s`);
  console.log(
    `cagnotte: ${distinct.size} of ${SURVEYS} delivered in ${(elapsed / 1000).toFixed(1)} s = ${(elapsed / boundMs).toFixed(2)}× the bound` +
      `${distinct.size < SURVEYS ? ` (stopped at ${CAP_FACTOR}× the bound)` : ""}; duplicates ${dms.length - distinct.size}; ${limited} calls answered 429`,
  );
  // The bot, the fake Slack and this loop share the process: CPU time is theirs together.
  console.log(`  CPU (bot + fake Slack, one process): ${(cpuMs / 1000).toFixed(1)} s = ${(cpuMs / Math.max(1, distinct.size)).toFixed(1)} ms per delivered message, ${((100 * cpuMs) / elapsed).toFixed(0)} % of one core`);
  console.log(`  calls: ${[...byMethod].map(([m, e]) => `${m} ${e.calls}${e.limited ? ` (${e.limited}×429)` : ""}`).join(", ")}`);
  console.log(`  target: ≤ 1.1× the bound, none left undelivered, no duplicate → ${elapsed <= 1.1 * boundMs && distinct.size === SURVEYS && dms.length === distinct.size ? "met" : "missed"}`);
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
}
