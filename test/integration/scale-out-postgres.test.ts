// Issue 12, item 1: two real bot processes (src/main.ts's start) on one PostgreSQL database and one
// Slack. 1,000 tickets closed at once (written in bulk: the webhook's intake of 1,000 closures is
// crash-restart.test.ts's burst): every survey is delivered exactly once, both instances share
// the work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/adapters/store/prisma-store.js";
import { botEnvironment, killAllBots, startBotProcess, type BotProcess } from "../support/bot-processes.js";
import { createTestDatabase, type TestDatabase } from "../support/databases.js";
import { FakeSlack } from "../support/fake-slack/fake-slack-server.js";
import { seedClosedTickets } from "../support/seed-surveys.js";

const TICKETS = 1_000;
const TOKENS = ["xoxb-instance-a", "xoxb-instance-b"] as const;

const slack = new FakeSlack(TOKENS[0]);
let apiUrl: string;
let database: TestDatabase;
let store: Awaited<ReturnType<typeof openStore>>;

beforeAll(async () => {
  apiUrl = await slack.start();
  slack.tokens.set(TOKENS[1], { teamId: "T0001", botUserId: "UBOT" });
  database = await createTestDatabase("postgres");
  store = await openStore(database.url);
});
afterAll(async () => {
  await killAllBots();
  await store?.close();
  await database?.drop();
  await slack.stop();
});

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return condition();
}

describe("two bot processes on one PostgreSQL database", () => {
  it(`deliver each of ${TICKETS} surveys exactly once`, { timeout: 300_000 }, async () => {
    for (let i = 0; i < TICKETS; i++) slack.addUser({ id: `USCALE${i}`, email: `scale${i}@client${i % 40}.example`, name: `Scale ${i}` });
    const bots: BotProcess[] = await Promise.all(TOKENS.map((token) => startBotProcess(botEnvironment(database.url, apiUrl, { SLACK_BOT_TOKEN: token }))));
    const started = Date.now();
    await seedClosedTickets(store.db, Array.from({ length: TICKETS }, (_, i) => ({ email: `scale${i}@client${i % 40}.example`, name: `Scale ${i}`, clientExternalId: `client-${i % 40}` })));
    const delivered = () => store.db.survey.count({ where: { status: "delivered" } });
    const done = await until(async () => (await store.outbox.pendingCount()) === 0 && (await delivered()) === TICKETS, 240_000);
    const deliveredMs = Date.now() - started;
    await Promise.all(bots.map((b) => b.kill("SIGTERM")));

    const counts = slack.dmCounts();
    const posts = slack.callsTo("chat.postMessage").filter((c) => c.status === 200 && !c.error);
    const byInstance = TOKENS.map((t) => posts.filter((c) => c.token === t).length);
    const twice = [...counts.values()].filter((n) => n > 1).length;
    console.log(
      `scale-out on PostgreSQL, 2 processes: ${TICKETS} closed tickets; ` +
        `${counts.size} requesters got a DM, ${twice} more than once, ${[...counts.values()].reduce((a, b) => a + b, 0)} DMs in all; ` +
        `instance A sent ${byInstance[0]}, B sent ${byInstance[1]}; all delivered after ${deliveredMs} ms; ` +
        `429s ${slack.callsTo("chat.postMessage").filter((c) => c.status === 429).length}`,
    );
    if (!done) console.log(bots.map((b) => b.output().slice(-2000)).join("\n---\n"));
    expect(done).toBe(true);
    expect(counts.size).toBe(TICKETS);
    expect(twice).toBe(0);
    expect(await store.db.outboxMessage.count({ where: { kind: "survey.deliver", status: "sent" } })).toBe(TICKETS);
    // Both instances took part (the claim is shared, not won by one).
    expect(Math.min(...byInstance)).toBeGreaterThan(TICKETS / 10);
  });
});
