// Two real bot processes on one PostgreSQL database run the scheduled jobs at the same moment,
// after a downtime across the quarter boundary: exactly one rollover and one reminder per survey.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStatus } from "../../src/app/get-status.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { openStore } from "../../src/adapters/store/prisma-store.js";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import type { Store } from "../../src/ports/store.js";
import type { JobOutcome } from "../../src/jobs/lease.js";
import { createTestDatabase, type TestDatabase } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
let database: TestDatabase;
let store: Store & { db: Db };

beforeAll(async () => {
  database = await createTestDatabase("postgres");
  store = await openStore(database.url);
});
afterAll(async () => {
  await store.close();
  await database.drop();
});

async function seed(): Promise<string[]> {
  const clock = new FixedClock(new Date("2026-03-20T10:00:00Z"));
  const ctx = testContext(store, clock);
  await store.charities.add({ name: "Les Restos du Cœur", now: clock.now() });
  await store.charities.add({ name: "Rêves de Gosse", now: clock.now() });
  await getStatus(ctx, { email: null }); // Q1 is open
  const surveys: string[] = [];
  for (let i = 0; i < 2; i++) {
    clock.set("2026-03-27T08:00:00Z"); // Friday 9:00: reminders due Monday 30 March 9:00
    const r = await ticketClosed(ctx, ticketEvent({ closedAt: clock.now() }));
    if (r.status !== "scheduled") throw new Error("not scheduled");
    await store.surveys.transition(r.surveyId, ["pending"], "delivered", { platform: "slack", messageRef: "m", at: clock.now() });
    surveys.push(r.surveyId);
  }
  return surveys;
}

function botProcess(holder: string, startAt: number): Promise<JobOutcome[]> {
  const args = ["--import", "tsx", "test/support/run-jobs-once.ts", database.url, "2026-04-01T08:00:00Z", holder, String(startAt)];
  return run(process.execPath, args, { cwd: root, timeout: 60_000 }).then(({ stdout }) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as JobOutcome[]);
}

describe("two bot processes on one PostgreSQL database", () => {
  it("produce one rollover and one reminder per survey", async () => {
    const surveys = await seed();
    const startAt = Date.now() + 4_000;
    const [a, b] = await Promise.all([botProcess("bot-a", startAt), botProcess("bot-b", startAt)]);
    const total = (job: string, key: string) =>
      [...a!, ...b!].filter((o) => o.job === job && o.ran).reduce((n, o) => n + (o.ran ? (o.report[key] ?? 0) : 0), 0);
    expect(total("campaign-rollover", "closed")).toBe(1);
    expect(total("survey-reminders", "reminded")).toBe(2);

    expect(await store.db.campaign.findMany({ select: { year: true, quarter: true, status: true }, orderBy: { quarter: "asc" } })).toEqual([
      { year: 2026, quarter: 1, status: "closed" },
      { year: 2026, quarter: 2, status: "open" },
    ]);
    expect((await store.campaigns.findByQuarter(2026, 2))!.charity?.name).toBe("Rêves de Gosse");
    const posts = await store.db.outboxMessage.findMany({ where: { kind: "team-post" }, select: { dedupeKey: true } });
    expect(posts.filter((p) => p.dedupeKey?.startsWith("campaign-closed:"))).toHaveLength(1);
    expect(posts.filter((p) => p.dedupeKey?.startsWith("campaign-opened:"))).toHaveLength(1);
    const reminders = await store.db.outboxMessage.findMany({ where: { kind: "survey.remind" }, select: { payload: true } });
    expect(reminders.map((r) => (JSON.parse(r.payload) as { surveyId: string }).surveyId).sort()).toEqual([...surveys].sort());
    expect(await store.db.auditEntry.count({ where: { action: "campaign.close" } })).toBe(1);
    expect(await store.db.jobLease.count({ where: { lastRunAt: { not: null } } })).toBeGreaterThanOrEqual(6);
  });
});
