// Slack acknowledgement: 1,000 signed `/cagnotte status` slash commands, 100 concurrent, against the
// compiled bot (child process, Slack over HTTP, its Web API a fake Slack in this process), beside a
// bare Bolt app acknowledging the same command (reference). Requester (100 people) and management.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeSlack } from "../test/support/fake-slack/fake-slack-server.js";
import { signSlack } from "../test/support/fake-slack/slack-driver.js";
import { startChild, rssMiB, rssSampler } from "./lib/child.js";
import { ROOT, num } from "./lib/env.js";
import { load, type BenchRequest } from "./lib/load.js";
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

async function run(fake: FakeSlack, url: string, user: (i: number) => string): Promise<LoadResult> {
  await load(url, { count: CONCURRENCY, concurrency: CONCURRENCY, make: (i) => slash(fake, user(i), "status") });
  return load(url, {
    count: N,
    concurrency: CONCURRENCY,
    make: (i) => slash(fake, user(i), "status"),
    check: (_i, status, body) => {
      if (status === 200 && !body.includes("ephemeral")) throw new Error(`not an ephemeral answer: ${body.slice(0, 200)}`);
    },
  });
}

export async function benchSlackAck(): Promise<void> {
  heading(`Slack acknowledgement: ${N} signed \`/cagnotte status\`, ${CONCURRENCY} concurrent (after ${CONCURRENCY} to warm up)`);
  const fake = new FakeSlack(TOKEN);
  const api = await fake.start();
  for (let k = 0; k < 100; k++) fake.addUser({ id: `U${k}`, email: `r${k}@client.example`, name: `Requester ${k}` });
  fake.addUser({ id: "UBOSS", email: "boss@esn.example", name: "Boss" });
  const env = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: api };
  try {
    const reference = await startChild([join(ROOT, "bench/reference/bare-bolt.mjs")], env, { cwd: ROOT });
    const ref = await run(fake, reference.url, (i) => `U${i % 100}`).finally(() => reference.stop());
    console.log(line("reference: bare Bolt app acking /cagnotte", ref));

    const file = join(mkdtempSync(join(tmpdir(), "cagnotte-bench-")), "ack.db");
    const bot = await startChild([join(ROOT, "dist/main.js")], { ...env, DATABASE_URL: `file:${file}`, CAGNOTTE_ADMINS: "boss@esn.example", LOG_LEVEL: "warn", CAGNOTTE_SCHEDULER: "off", TICKET_WEBHOOK_SECRET: "x" }, { readyPath: "/healthz" });
    try {
      await new Promise((r) => setTimeout(r, 1500));
      const idle = rssMiB(bot.pid);
      const sampler = rssSampler(bot.pid);
      const requester = await run(fake, bot.url, (i) => `U${i % 100}`);
      const management = await run(fake, bot.url, () => "UBOSS");
      const peak = sampler.stop();
      const bound = 1.5 * percentile(ref.ms, 99);
      for (const [label, r] of [["cagnotte: requester status", requester], ["cagnotte: management status", management]] as const) {
        console.log(line(label, r) + `  p99 = ${(percentile(r.ms, 99) / percentile(ref.ms, 99)).toFixed(2)}× reference (target ≤ 1.5×: ${percentile(r.ms, 99) <= bound ? "met" : "missed"})`);
      }
      console.log(`  memory (Slack configured): RSS idle ${idle.toFixed(0)} MiB, peak during the load ${peak.toFixed(0)} MiB`);
    } finally {
      await bot.stop();
    }
  } finally {
    await fake.stop();
  }
}
