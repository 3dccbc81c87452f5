// Slack acknowledgement: signed `/cagnotte status` slash commands, 100 concurrent, against the
// compiled bot (child process, Slack over HTTP, its Web API a fake Slack in this process), beside a
// bare Bolt app acknowledging the same command (reference). Requester (100 people) and management.
//
// The three loads take turns: round after round, 1,000 commands to the reference, 1,000 requester
// commands, 1,000 management commands, each on its own 100 warm connections (lib/load.ts says
// why), after two rounds to warm up (the reference needs about 3,000 commands before its JIT has
// settled). Taking turns puts the machine's noise on all three alike; each figure is over all its
// measured rounds. The p99 compared is each round's p99, the median over the rounds (a neighbour's
// burst of noise lands in one round of one load); the p99 over all commands is compared as well.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeSlack } from "../test/support/fake-slack/fake-slack-server.js";
import { signSlack } from "../test/support/fake-slack/slack-driver.js";
import { startChild, rssMiB, rssSampler } from "./lib/child.js";
import { ROOT, num } from "./lib/env.js";
import { connections, load, type BenchRequest } from "./lib/load.js";
import { heading, line, percentile, type LoadResult } from "./lib/stats.js";

const TOKEN = "xoxb-bench";
const SIGNING = "bench-signing-secret";
const N = num("BENCH_ACK_N", 1000);
const CONCURRENCY = num("BENCH_ACK_CONCURRENCY", 100);

function slash(fake: FakeSlack, userId: string, text: string): BenchRequest {
  const body = new URLSearchParams({
    token: "legacy", team_id: "T0001", team_domain: "fake", channel_id: "CGENERAL", channel_name: "general", user_id: userId, user_name: userId.toLowerCase(),
    command: "/cagnotte", text, api_app_id: "A0001", response_url: `${fake.url}/response/1`, trigger_id: "1.bench",
  }).toString();
  return { method: "POST", path: "/slack/events", body, headers: { "content-type": "application/x-www-form-urlencoded", ...signSlack(SIGNING, body) } };
}

const ROUNDS = num("BENCH_ACK_ROUNDS", 5);
const WARM_ROUNDS = 2;

interface Lane {
  label: string;
  url: string;
  user: (i: number) => string;
  agent: ReturnType<typeof connections>;
  results: LoadResult[];
}

function lane(label: string, url: string, user: (i: number) => string): Lane {
  return { label, url, user, agent: connections(CONCURRENCY), results: [] };
}

async function round(fake: FakeSlack, l: Lane, keep: boolean): Promise<void> {
  const r = await load(l.url, {
    count: N,
    concurrency: CONCURRENCY,
    agent: l.agent,
    make: (i) => slash(fake, l.user(i), "status"),
    check: (_i, status, body) => {
      if (status === 200 && !body.includes("ephemeral")) throw new Error(`not an ephemeral answer: ${body.slice(0, 200)}`);
    },
  });
  if (keep) l.results.push(r);
}

/**
 * The figure compared: each round's p99, the median over the rounds. A burst of noise from the
 * machine's neighbours lands in one round of one load; the median keeps it from deciding the
 * comparison (the pooled figures, printed too, include it).
 */
function roundP99(l: Lane): number {
  const sorted = l.results.map((r) => percentile(r.ms, 99)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function describeRounds(l: Lane): string {
  const p99s = l.results.map((r) => percentile(r.ms, 99));
  return `median ${roundP99(l).toFixed(1)} ms (${Math.min(...p99s).toFixed(0)}–${Math.max(...p99s).toFixed(0)})`;
}

/** The rounds of a lane as one result: every latency, the summed time. */
function merged(l: Lane): LoadResult {
  const statuses = new Map<number, number>();
  for (const r of l.results) for (const [s, n] of r.statuses) statuses.set(s, (statuses.get(s) ?? 0) + n);
  return { ms: l.results.flatMap((r) => r.ms), totalMs: l.results.reduce((sum, r) => sum + r.totalMs, 0), statuses };
}

export async function benchSlackAck(): Promise<void> {
  heading(`Slack acknowledgement: \`/cagnotte status\`, ${CONCURRENCY} concurrent, ${ROUNDS} rounds of ${N} per load taking turns (after ${WARM_ROUNDS} to warm up, on warm connections)`);
  const fake = new FakeSlack(TOKEN);
  const api = await fake.start();
  for (let k = 0; k < 100; k++) fake.addUser({ id: `U${k}`, email: `r${k}@client.example`, name: `Requester ${k}` });
  fake.addUser({ id: "UBOSS", email: "boss@esn.example", name: "Boss" });
  const env = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: api };
  const file = join(mkdtempSync(join(tmpdir(), "cagnotte-bench-")), "ack.db");
  const reference = await startChild([join(ROOT, "bench/reference/bare-bolt.mjs")], env, { cwd: ROOT });
  const bot = await startChild([join(ROOT, "dist/main.js")], { ...env, DATABASE_URL: `file:${file}`, CAGNOTTE_ADMINS: "boss@esn.example", LOG_LEVEL: "warn", CAGNOTTE_SCHEDULER: "off", TICKET_WEBHOOK_SECRET: "x" }, { readyPath: "/healthz" }).catch(async (error: unknown) => {
    await reference.stop();
    throw error;
  });
  const lanes = [lane("reference: bare Bolt app acking /cagnotte", reference.url, (i) => `U${i % 100}`), lane("cagnotte: requester status", bot.url, (i) => `U${i % 100}`), lane("cagnotte: management status", bot.url, () => "UBOSS")];
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const idle = rssMiB(bot.pid);
    const sampler = rssSampler(bot.pid);
    for (let k = 0; k < WARM_ROUNDS + ROUNDS; k++) for (const l of lanes) await round(fake, l, k >= WARM_ROUNDS);
    const peak = sampler.stop();
    const refP99 = roundP99(lanes[0]!);
    console.log(line(lanes[0]!.label, merged(lanes[0]!)) + `  p99 by round: ${describeRounds(lanes[0]!)}`);
    const refPooled = percentile(merged(lanes[0]!).ms, 99);
    for (const l of lanes.slice(1)) {
      const ratio = roundP99(l) / refP99;
      const pooled = percentile(merged(l).ms, 99) / refPooled;
      console.log(
        line(l.label, merged(l)) +
          `  p99 by round: ${describeRounds(l)} = ${ratio.toFixed(2)}× reference (target ≤ 1.5×: ${ratio <= 1.5 ? "met" : "missed"}); over all ${merged(l).ms.length}: ${pooled.toFixed(2)}× (${pooled <= 1.5 ? "met" : "missed"})`,
      );
    }
    console.log(`  memory (Slack configured): RSS idle ${idle.toFixed(0)} MiB, peak during the load ${peak.toFixed(0)} MiB`);
  } finally {
    for (const l of lanes) l.agent.destroy();
    await Promise.all([bot.stop(), reference.stop()]);
    await fake.stop();
  }
}
