// Ingest: N signed ticket webhooks at fixed concurrency against the compiled bot (`node dist/main.js`
// in a child process, fresh database), beside a bare Node handler doing HMAC + JSON (reference),
// both loaded by the same generator in this process. Also the bot's RSS idle and at its peak, and
// the same on SQLite with Slack configured (its Web API a fake Slack in this process, which the bot
// delivers the surveys to meanwhile). BENCH_INGEST_SLACK=off skips that run.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { signBody } from "../src/adapters/http/signature.js";
import { startChild, rssMiB, rssSampler } from "./lib/child.js";
import { ROOT, num } from "./lib/env.js";
import { connections, load, type BenchRequest } from "./lib/load.js";
import { heading, line, percentile, rate } from "./lib/stats.js";
import { startPostgres } from "../scripts/throwaway-postgres.mjs";
import { FakeSlack } from "../test/support/fake-slack/fake-slack-server.js";

const SECRET = "bench-secret";
const N = num("BENCH_INGEST_N", 1000);
const CONCURRENCY = num("BENCH_INGEST_CONCURRENCY", 32);

function closure(prefix: string, i: number): BenchRequest {
  const body = JSON.stringify({
    ticketId: `${prefix}-${i}`, kind: "incident", title: "Bench", closedAt: new Date().toISOString(),
    requester: { email: `r${i % 2000}@client${i % 50}.example` }, technician: { email: `t${i % 10}@esn.example`, name: `Tech ${i % 10}` },
    client: { id: `client-${i % 50}` },
  });
  return { method: "POST", path: "/webhooks/tickets", body, headers: { "content-type": "application/json", "x-signature-256": signBody(SECRET, body) } };
}

/** Measured on the connections the warm-up opened (lib/load.ts says why). */
async function run(url: string, prefix: string) {
  const agent = connections(CONCURRENCY);
  try {
    await load(url, { count: 100, concurrency: CONCURRENCY, agent, make: (i) => closure(`${prefix}-warm`, i) });
    return await load(url, { count: N, concurrency: CONCURRENCY, agent, make: (i) => closure(prefix, i), deadlineMs: 120_000 });
  } finally {
    agent.destroy();
  }
}

export async function benchIngest(): Promise<void> {
  heading(`ingest: ${N} closures, ${CONCURRENCY} concurrent (after 100 to warm up, on the same connections), POST /webhooks/tickets`);
  const reference = await startChild([join(ROOT, "bench/reference/bare-webhook.mjs")], { TICKET_WEBHOOK_SECRET: SECRET });
  const ref = await run(reference.url, "R").finally(() => reference.stop());
  console.log(line("reference: bare Node handler (HMAC + JSON)", ref));

  const sqliteUrl = () => `file:${join(mkdtempSync(join(tmpdir(), "cagnotte-bench-")), "ingest.db")}`;
  const databases: [string, string, (() => Promise<void>)?, Record<string, string>?][] = [["sqlite", sqliteUrl()]];
  if (process.env.BENCH_INGEST_SLACK !== "off") {
    // The requesters of the closures below, so the surveys go to their DMs.
    const fake = new FakeSlack("xoxb-bench");
    for (let k = 0; k < 2000; k++) fake.addUser({ id: `U${k}`, email: `r${k}@client${k % 50}.example`, name: `Requester ${k}` });
    const api = await fake.start();
    databases.push(["sqlite, Slack configured", sqliteUrl(), () => fake.stop(), { SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: "bench-signing-secret", SLACK_API_URL: api }]);
  }
  if (process.env.BENCH_POSTGRES !== "off") {
    const server = process.env.BENCH_POSTGRES_URL ? { url: process.env.BENCH_POSTGRES_URL.replace(/\/[^/]*$/, ""), stop: async () => {} } : await startPostgres();
    const name = `cagnotte_bench_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: `${server.url}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    databases.push([
      "postgres",
      `${server.url}/${name}`,
      async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
        await server.stop();
      },
    ]);
  }
  for (const [name, url, cleanup, env] of databases) {
    try {
      const bot = await startChild([join(ROOT, "dist/main.js")], { ...env, DATABASE_URL: url, DATABASE_AUTO_MIGRATE: "true", TICKET_WEBHOOK_SECRET: SECRET, LOG_LEVEL: "warn", CAGNOTTE_SCHEDULER: "off" }, { readyPath: "/healthz" });
      await new Promise((r) => setTimeout(r, 1500));
      const idle = rssMiB(bot.pid);
      const sampler = rssSampler(bot.pid);
      const result = await run(bot.url, name.startsWith("sqlite") ? "S" : "P");
      const peak = sampler.stop();
      await bot.stop();
      console.log(line(`cagnotte (${name})`, result) + `  = ${(rate(result) / rate(ref)).toFixed(2)}× reference`);
      if ((result.statuses.get(202) ?? 0) !== result.ms.length) console.log(`  !! not every closure answered 202: ${bot.output().slice(-500)}`);
      console.log(`  memory (${name}): RSS idle ${idle.toFixed(0)} MiB, peak during the load ${peak.toFixed(0)} MiB (targets: idle ≤ 150, under load ≤ 250)`);
      console.log(`  target: ≥ 1,000/s, p99 ≤ 100 ms → ${rate(result) >= 1000 && percentile(result.ms, 99) <= 100 ? "met" : "missed"}`);
    } finally {
      await cleanup?.();
    }
  }
}
