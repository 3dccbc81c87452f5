// Benchmarks: prints figures, asserts nothing. `npm run bench`.
// Bounded load on 127.0.0.1 only: N signed ticket webhooks, then N answers, at fixed concurrency,
// against the real bot on a fresh SQLite file (and PostgreSQL when BENCH_POSTGRES_URL is set).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import { start } from "../src/main.js";
import { silentLogger } from "../src/ports/logger.js";
import { signBody } from "../src/adapters/http/signature.js";
import { answerSurvey } from "../src/app/answer-survey.js";

const N = Number(process.env.BENCH_N ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECRET = "bench-secret";

async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<{ results: T[]; ms: number[] }> {
  const results: T[] = new Array(count);
  const ms: number[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        results[i] = await task(i);
        ms[i] = performance.now() - t;
      }
    }),
  );
  return { results, ms };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function report(label: string, totalMs: number, ms: number[]): void {
  console.log(
    `${label.padEnd(34)} ${String(ms.length).padStart(5)} ops  ${(ms.length / (totalMs / 1000)).toFixed(0).padStart(6)} ops/s  ` +
      `p50 ${percentile(ms, 50).toFixed(1)} ms  p95 ${percentile(ms, 95).toFixed(1)} ms  p99 ${percentile(ms, 99).toFixed(1)} ms`,
  );
}

async function benchDatabase(name: string, databaseUrl: string): Promise<void> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, DATABASE_AUTO_MIGRATE: "true", PORT: "0", HOST: "127.0.0.1", TICKET_WEBHOOK_SECRET: SECRET, LOG_LEVEL: "silent" });
  const bot = await start(config, { logger: silentLogger, outboxPollMs: 3_600_000 });
  try {
    const t0 = performance.now();
    const webhooks = await pool(N, CONCURRENCY, async (i) => {
      const body = JSON.stringify({
        ticketId: `B-${i}`, kind: "incident", title: "Bench", closedAt: new Date().toISOString(),
        requester: { email: `r${i}@client${i % 50}.example` }, technician: { email: `t${i % 10}@esn.example`, name: `Tech ${i % 10}` },
        client: { id: `client-${i % 50}` },
      });
      const res = await fetch(`${bot.url}/webhooks/tickets`, { method: "POST", body, headers: { "content-type": "application/json", "x-signature-256": signBody(SECRET, body) } });
      const json = (await res.json()) as { surveyId: string };
      if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
      return json.surveyId;
    });
    report(`${name}: POST /webhooks/tickets`, performance.now() - t0, webhooks.ms);

    const tokens = await Promise.all(webhooks.results.map(async (id) => (await bot.ctx.store.surveys.findContext(id))!.survey.token));
    const t1 = performance.now();
    const answers = await pool(N, CONCURRENCY, (i) =>
      answerSurvey(bot.ctx, { surveyId: webhooks.results[i]!, answerer: { surveyToken: tokens[i]! }, rating: 3, comment: `Merci pour l'intervention ${i}` }),
    );
    report(`${name}: answerSurvey (one campaign)`, performance.now() - t1, answers.ms);
    const counted = answers.results.filter((r) => r.ok && r.counted).length;
    console.log(`${"".padEnd(34)} counted ${counted} of ${N} (caps: 3 per requester, 10 per client × 50 clients)`);

    const t2 = performance.now();
    const delivered = await bot.worker.drain();
    console.log(`${`${name}: outbox drain (log platform)`.padEnd(34)} ${String(delivered).padStart(5)} msgs ${(delivered / ((performance.now() - t2) / 1000)).toFixed(0).padStart(6)} msg/s`);
  } finally {
    await bot.stop();
  }
}

console.log(`node ${process.version}, N=${N}, concurrency=${CONCURRENCY}`);
await benchDatabase("sqlite", `file:${join(mkdtempSync(join(tmpdir(), "cagnotte-bench-")), "bench.db")}`);
if (process.env.BENCH_POSTGRES_URL) await benchDatabase("postgres", process.env.BENCH_POSTGRES_URL);
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
