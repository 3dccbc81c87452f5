// Issue 12, item 5: two instances on one PostgreSQL database, Slack answering each chat.postMessage
// in 2 s and a lease shorter than one send. A claimed message must never be claimed again
// by the other instance while its holder is still sending it: each requester gets one DM.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxWorker, type OutboxWorker } from "../../src/app/outbox/outbox-worker.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { channelPacer } from "../../src/adapters/slack/pacing.js";
import { slackPlatform } from "../../src/adapters/slack/slack-platform.js";
import { outboxClient } from "../../src/adapters/slack/web-client.js";
import { singleWorkspace } from "../../src/adapters/slack/workspaces.js";
import { openStore } from "../../src/adapters/store/prisma-store.js";
import { systemClock } from "../../src/ports/clock.js";
import { silentLogger } from "../../src/ports/logger.js";
import { createTestDatabase, type TestDatabase } from "../support/databases.js";
import { FakeSlack } from "../support/fake-slack/fake-slack-server.js";
import { testContext, ticketEvent } from "../support/fixtures.js";

const REQUESTERS = 12;
const SLACK_LATENCY_MS = 2_000;
// Shorter than one post: the lease holds only because its holder renews it while sending.
const LEASE_MS = 1_500;

const slack = new FakeSlack();
let apiUrl: string;
let database: TestDatabase;
const stores: Awaited<ReturnType<typeof openStore>>[] = [];
const workers: OutboxWorker[] = [];

beforeAll(async () => {
  apiUrl = await slack.start();
  database = await createTestDatabase("postgres");
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await Promise.all(stores.map((s) => s.close()));
  await database.drop();
  await slack.stop();
});

/** One bot instance: its own connection pool, Slack client, pacer and outbox worker. */
async function instance(): Promise<{ ctx: ReturnType<typeof testContext>; worker: OutboxWorker }> {
  const store = await openStore(database.url);
  stores.push(store);
  const ctx = testContext(store, systemClock);
  const client = outboxClient("xoxb-test-token", { apiUrl, logger: silentLogger });
  const platform = slackPlatform({ ctx, workspaces: singleWorkspace(client), teamChannel: null, pacer: channelPacer() });
  const worker = outboxWorker(ctx, [platform], { pollMs: 100, leaseMs: LEASE_MS });
  workers.push(worker);
  return { ctx, worker };
}

describe("two instances with a slow Slack", () => {
  it("deliver every survey once, though each send outlasts the lease", { timeout: 90_000 }, async () => {
    slack.latencyMs.set("chat.postMessage", SLACK_LATENCY_MS);
    slack.channelBurst = 3; // as Slack, a short burst to one channel is tolerated: no 429 hides a duplicate
    const a = await instance();
    const b = await instance();
    for (let i = 0; i < REQUESTERS; i++) {
      const email = `slow${i}@client.example`;
      slack.addUser({ id: `USLOW${i}`, email, name: `Slow ${i}` });
      const r = await ticketClosed(a.ctx, ticketEvent({ requester: { email, name: `Slow ${i}` }, client: { id: `c-${i}`, name: null }, closedAt: new Date() }));
      expect(r.status).toBe("scheduled");
    }
    const started = Date.now();
    a.worker.start();
    b.worker.start();
    const deadline = started + 60_000;
    while ((await a.ctx.store.outbox.pendingCount()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await Promise.all(workers.map((w) => w.stop()));
    // Whatever was still being sent when the outbox emptied has landed by now.
    const counts = slack.dmCounts();
    const twice = [...counts.values()].filter((n) => n > 1).length;
    console.log(
      `slow Slack (${SLACK_LATENCY_MS} ms per post, lease ${LEASE_MS} ms), two instances: ${REQUESTERS} surveys, ${slack.callsTo("chat.postMessage").length} posts, ` +
        `${counts.size} requesters reached, ${twice} got the DM more than once, ${Date.now() - started} ms`,
    );
    expect(await a.ctx.store.outbox.pendingCount()).toBe(0);
    expect(counts.size).toBe(REQUESTERS);
    expect(twice).toBe(0);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});
