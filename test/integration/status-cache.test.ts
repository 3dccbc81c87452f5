// The status figures are read once and kept: a burst of `/cagnotte status` costs one set of
// queries; a change committed by this process shows at once; a change committed by another
// instance (another store on the same database) shows within STATUS_TTL_MS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPublicPot, getStatus, readStatus, STATUS_TTL_MS } from "../../src/app/get-status.js";
import { withStatusChart } from "../../src/app/charts/charts.js";
import { answerSurvey } from "../../src/app/answer-survey.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { openStore } from "../../src/adapters/store/prisma-store.js";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import type { Store } from "../../src/ports/store.js";
import { createTestDatabase, type TestDatabase } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";

let database: TestDatabase;
let store: Store & { db: Db };
let other: Store & { db: Db };

beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  store = await openStore(database.url);
  other = await openStore(database.url);
});
afterAll(async () => {
  await store.close();
  await other.close();
  await database.drop();
});

describe("status figures kept in memory", () => {
  it("read once for a burst, fresh after this process' own change, within the TTL after another instance's", async () => {
    const clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));
    const ctx = testContext(store, clock);
    const elsewhere = testContext(other, clock);
    await store.charities.add({ name: "Les Restos du Cœur", now: clock.now() });
    const survey = async () => {
      const r = await ticketClosed(elsewhere, ticketEvent({ closedAt: clock.now() }));
      if (r.status !== "scheduled") throw new Error("not scheduled");
      const context = await other.surveys.findContext(r.surveyId);
      return { surveyId: r.surveyId, token: context!.survey.token };
    };
    expect((await getStatus(ctx, { email: null })).amountCents).toBe(0); // opens the quarter

    // A burst: one read of the figures, however many ask at once.
    let reads = 0;
    const figures = store.campaigns.figures;
    store.campaigns.figures = (...args) => (reads++, figures(...args));
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => getStatus(ctx, { email: i % 2 ? "boss@esn.example" : null })));
    expect(reads).toBeLessThanOrEqual(1);
    expect(burst.filter((s) => s.management !== null)).toHaveLength(10);

    // Another instance records a counted answer: this one sees it only once the TTL has passed.
    const a = await survey();
    expect(await answerSurvey(elsewhere, { surveyId: a.surveyId, answerer: { surveyToken: a.token }, rating: 3, comment: "Très efficace, merci" })).toMatchObject({ counted: true });
    expect((await getStatus(ctx, { email: null })).amountCents).toBe(0);
    expect((await getPublicPot(ctx)).amountCents).toBe(0);
    clock.advance(STATUS_TTL_MS);
    expect((await getStatus(ctx, { email: null })).amountCents).toBe(100);

    // This process records one: shown at once, no waiting.
    const b = await survey();
    await answerSurvey(ctx, { surveyId: b.surveyId, answerer: { surveyToken: b.token }, rating: 3, comment: "Rapide et aimable" });
    expect((await getStatus(ctx, { email: null })).amountCents).toBe(200);
    expect((await getPublicPot(ctx)).amountCents).toBe(200);
    // A write outside a transaction (here a campaign closed) counts as a change too.
    const { campaignId } = await getStatus(ctx, { email: null });
    await store.campaigns.close(campaignId!, { at: clock.now(), by: "boss@esn.example", reason: "test" });
    expect((await getStatus(ctx, { email: null })).open).toBe(false);
    store.campaigns.figures = figures;
  });
});

describe("status reports shared by a burst", () => {
  it("gives everyone of a kind the same report until the figures or the local day change", async () => {
    // 23:59:58 in Paris: two seconds later (within the kept figures' time) a new day starts.
    const clock = new FixedClock(new Date("2027-01-15T22:59:58Z")); // another quarter: the first test closed its campaign
    const ctx = testContext(store, clock);
    await getStatus(ctx, { email: null }); // opens the quarter's campaign (a commit: the next read is fresh)
    const first = await getStatus(ctx, { email: null });
    expect(await getStatus(ctx, { email: "someone@client.example" })).toBe(first);
    const management = await getStatus(ctx, { email: "boss@esn.example" });
    expect(management).not.toBe(first);
    expect(management.management).not.toBeNull();
    expect(Object.isFrozen(first)).toBe(true);
    clock.advance(2_000);
    const nextDay = await getStatus(ctx, { email: null });
    expect(nextDay).not.toBe(first);
    expect(nextDay.daysLeft).toBe(first.daysLeft - 1);
  });
});

describe("management's status chart shared within a second", () => {
  it("answers a burst with one report and one signed link per second and language", async () => {
    const clock = new FixedClock(new Date("2027-04-15T10:00:00.200Z")); // another quarter again
    const ctx = testContext(store, clock);
    const boss = { email: "boss@esn.example" };
    await readStatus(ctx, boss); // opens the quarter's campaign
    const chart = async (locale: "fr" | "en") => {
      const { report, campaign } = await readStatus(ctx, boss);
      return withStatusChart(ctx, report, campaign, locale);
    };
    await chart("fr"); // makes the installation's link-signing key (a write: the next read is fresh)
    const first = await chart("fr");
    expect(first.chart?.url).toMatch(/\/charts\/.+\.png$/);
    clock.advance(300);
    expect(await chart("fr")).toBe(first);
    const english = await chart("en");
    expect(english).not.toBe(first);
    clock.advance(1_000);
    const later = await chart("fr");
    expect(later).not.toBe(first);
    expect(later.chart?.url).not.toBe(first.chart?.url);
  });
});
