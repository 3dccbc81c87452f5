// The durable outbox: delivery, retries with backoff and Retry-After, unreachable recipients,
// recovery after a crash, and exclusive claims between instances (SQLite and PostgreSQL).
import { afterEach, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import { MAX_ATTEMPTS, retryDelayMs } from "../../src/app/outbox/dispatch.js";
import { outboxWorker } from "../../src/app/outbox/outbox-worker.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { openStore } from "../../src/adapters/store/prisma-store.js";
import { openTestStore, providers } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";
import { RecordingPlatform } from "../support/recording-platform.js";

describe("retry delay", () => {
  it("grows exponentially with jitter, capped, and honours a longer Retry-After", () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(2_500);
    expect(retryDelayMs(1, undefined, () => 1)).toBe(5_000);
    expect(retryDelayMs(3, undefined, () => 1)).toBe(20_000);
    expect(retryDelayMs(30, undefined, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(1, 30_000, () => 1)).toBe(30_000);
  });
});

describe.each(providers)("outbox on %s", (provider) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  async function setup() {
    const db = await openTestStore(provider);
    close = db.close;
    const clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));
    const ctx = testContext(db.store, clock);
    const platform = new RecordingPlatform();
    return { ...db, clock, ctx, platform, worker: outboxWorker(ctx, platform) };
  }

  it("delivers the survey and marks it delivered with where it lives", async () => {
    const { ctx, platform, worker, store } = await setup();
    const r = await ticketClosed(ctx, ticketEvent({ title: "VPN <b>cassé</b>" }));
    if (r.status !== "scheduled") throw new Error();
    expect(await worker.drain()).toBe(1);
    const [survey] = platform.ofType("survey");
    expect(survey?.prompt).toMatchObject({ surveyId: r.surveyId, ticketTitle: "VPN <b>cassé</b>", technicianName: "Camille Tech", locale: "fr", reminder: false });
    expect((await store.surveys.findContext(r.surveyId))?.survey).toMatchObject({ status: "delivered", platform: "recording" });
    expect(await store.surveys.messageRef(r.surveyId)).toEqual({ platform: "recording", messageRef: "ref-1" });
    expect(await worker.drain()).toBe(0);
  });

  it("waits for the platform's Retry-After, then delivers", async () => {
    const { ctx, clock, platform, worker, store } = await setup();
    await ticketClosed(ctx, ticketEvent());
    platform.answerNext({ status: "retry", error: "ratelimited", retryAfterMs: 30_000 });
    await worker.drain();
    expect(await store.outbox.pendingCount()).toBe(1);
    clock.advance(29_000);
    expect(await worker.drain()).toBe(0);
    clock.advance(1_000);
    expect(await worker.drain()).toBe(1);
    expect(platform.delivered).toHaveLength(2);
    expect(await store.outbox.pendingCount()).toBe(0);
  });

  it("marks the survey undeliverable when the recipient cannot be reached, without retrying", async () => {
    const { ctx, clock, platform, worker, store } = await setup();
    const r = await ticketClosed(ctx, ticketEvent());
    if (r.status !== "scheduled") throw new Error();
    platform.answerNext({ status: "unreachable", reason: "users_not_found" });
    await worker.drain();
    clock.advance(86_400_000);
    expect(await worker.drain()).toBe(0);
    expect((await store.surveys.findContext(r.surveyId))?.survey.status).toBe("undeliverable");
  });

  it("gives up after the maximum number of attempts", async () => {
    const { ctx, clock, platform, worker, store } = await setup();
    await ticketClosed(ctx, ticketEvent());
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) platform.answerNext({ status: "retry", error: "503" });
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await worker.drain();
      clock.advance(3_600_000);
    }
    expect(platform.delivered).toHaveLength(MAX_ATTEMPTS);
    expect(await store.outbox.pendingCount()).toBe(0);
  });

  it("delivers again after a worker died holding the message (lease expiry)", async () => {
    const { ctx, clock, worker, store, platform } = await setup();
    await ticketClosed(ctx, ticketEvent());
    const claimed = await store.outbox.claimDue({ worker: "crashed", now: clock.now(), limit: 10, leaseMs: 60_000 });
    expect(claimed).toHaveLength(1);
    expect(await worker.drain()).toBe(0);
    clock.advance(60_000);
    expect(await worker.drain()).toBe(1);
    expect(platform.delivered).toHaveLength(1);
  });

  it("skips messages that no longer apply (survey answered before delivery)", async () => {
    const { ctx, worker, store, platform } = await setup();
    const r = await ticketClosed(ctx, ticketEvent());
    if (r.status !== "scheduled") throw new Error();
    const token = (await store.surveys.findContext(r.surveyId))!.survey.token;
    await answerSurvey(ctx, { surveyId: r.surveyId, answerer: { surveyToken: token }, rating: 3, comment: "Merci <!channel>" });
    await worker.drain();
    expect(platform.ofType("survey")).toHaveLength(0);
    expect(platform.ofType("thank-you")[0]?.note).toMatchObject({ comment: "Merci <!channel>", addedCents: 100, potCents: 100 });
    expect(platform.ofType("pot-progress")[0]?.progress).toMatchObject({ amountCents: 100, countedComments: 1, sharedComment: null });
  });

  it("never gives the same message to two workers", async () => {
    const { ctx, clock, url, store } = await setup();
    for (let i = 0; i < 30; i++) await ticketClosed(ctx, ticketEvent());
    // PostgreSQL: two instances, two connection pools. SQLite is one process's embedded file
    // (several instances need PostgreSQL): two workers share its one connection.
    const other = provider === "postgres" ? await openStore(url) : { ...store, close: async () => {} };
    try {
      const ids: string[] = [];
      for (let round = 0; round < 3; round++) {
        const [a, b] = await Promise.all([
          ctx.store.outbox.claimDue({ worker: "a", now: clock.now(), limit: 20, leaseMs: 60_000 }),
          other.outbox.claimDue({ worker: "b", now: clock.now(), limit: 20, leaseMs: 60_000 }),
        ]);
        ids.push(...[...a, ...b].map((m) => m.id));
      }
      expect(ids.length).toBe(30);
      expect(new Set(ids).size).toBe(30);
    } finally {
      await other.close();
    }
  });
});
