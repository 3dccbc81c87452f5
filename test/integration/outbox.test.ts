// The durable outbox and the delivery rules behind the chat platform port: retries with backoff
// and Retry-After, unreachable recipients, recovery after a crash, exclusive claims between
// instances; the progress message edited in place, milestone and shared-comment posts, several
// recipients and several platforms under one partial-failure policy (SQLite and PostgreSQL).
import { afterEach, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import { MAX_ATTEMPTS, retryDelayMs } from "../../src/app/outbox/dispatch.js";
import { outboxWorker } from "../../src/app/outbox/outbox-worker.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { enqueueNotice, enqueueTeamPost } from "../../src/app/lifecycle/announcements.js";
import type { AppContext } from "../../src/app/context.js";
import { openStore } from "../../src/adapters/store/prisma-store.js";
import type { ChatPlatform } from "../../src/ports/chat-platform.js";
import type { Logger } from "../../src/ports/logger.js";
import { openTestStore, providers } from "../support/databases.js";
import { FixedClock, testContext, testRules, ticketEvent } from "../support/fixtures.js";
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

/** A logger that keeps its lines, to check what the delivery rules say (and do not say). */
function recordingLogger(lines: { level: string; fields: Record<string, unknown>; msg: string }[], bindings: Record<string, unknown> = {}): Logger {
  const at = (level: string) => (obj: object | string, msg?: string) =>
    lines.push(typeof obj === "string" ? { level, fields: { ...bindings }, msg: obj } : { level, fields: { ...bindings, ...obj }, msg: msg ?? "" });
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), child: (b) => recordingLogger(lines, { ...bindings, ...b }) };
}

describe.each(providers)("outbox on %s", (provider) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  async function setup(overrides: Partial<AppContext> = {}, platforms: RecordingPlatform[] = [new RecordingPlatform()]) {
    const db = await openTestStore(provider);
    close = db.close;
    const clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));
    const logLines: { level: string; fields: Record<string, unknown>; msg: string }[] = [];
    const ctx = testContext(db.store, clock, { logger: recordingLogger(logLines), ...overrides });
    const platform = platforms[0]!;
    return { ...db, clock, ctx, platform, platforms, logLines, worker: outboxWorker(ctx, platforms as ChatPlatform[]) };
  }

  async function closedAndAnswered(ctx: AppContext, answer: { rating: number; comment?: string; shareConsent?: boolean }) {
    const r = await ticketClosed(ctx, ticketEvent());
    if (r.status !== "scheduled") throw new Error("not scheduled");
    const token = (await ctx.store.surveys.findContext(r.surveyId))!.survey.token;
    const answered = await answerSurvey(ctx, { surveyId: r.surveyId, answerer: { surveyToken: token }, ...answer });
    if (!answered.ok) throw new Error("not answered");
    return answered;
  }

  /** The reference the platform gave for its n-th posted progress message. */
  const progressPostRef = (platform: RecordingPlatform, n = 0) => {
    const posts = platform.calls.filter((c) => c.op === "post" && c.content.kind === "progress");
    const result = posts[n]?.result;
    return result?.status === "sent" ? result.ref : null;
  };

  const deliveryMemory = (store: Awaited<ReturnType<typeof openTestStore>>["store"]) =>
    store.db.messageRef.count({ where: { purpose: { startsWith: "delivery:" } } });

  describe("one destination", () => {
    it("delivers the survey and marks it delivered with where it lives", async () => {
      const { ctx, platform, worker, store } = await setup();
      const r = await ticketClosed(ctx, ticketEvent({ title: "VPN <b>cassé</b>" }));
      if (r.status !== "scheduled") throw new Error();
      expect(await worker.drain()).toBe(1);
      expect(platform.personPosts()).toEqual([{ email: expect.stringMatching(/^requester\d+@client\.example$/), kind: "survey" }]);
      const [survey] = platform.posted("survey");
      expect(survey?.prompt).toMatchObject({
        surveyId: r.surveyId,
        ticketTitle: "VPN <b>cassé</b>",
        technicianName: "Camille Tech",
        caps: testRules.caps,
        amountCents: 100,
        reminder: false,
      });
      expect(survey?.prompt).not.toHaveProperty("locale");
      expect((await store.surveys.findContext(r.surveyId))?.survey).toMatchObject({ status: "delivered", platform: "recording" });
      expect(await store.surveys.messageRef(r.surveyId)).toEqual({ platform: "recording", messageRef: "recording-ref-1" });
      expect(await worker.drain()).toBe(0);
      expect(await deliveryMemory(store)).toBe(0);
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
      expect(platform.posted("survey")).toHaveLength(2);
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
      expect(await store.db.outboxMessage.findFirst({ where: { kind: "survey.deliver" } })).toMatchObject({ status: "dead", lastError: "unreachable: recording: users_not_found" });
    });

    it("gives up after the maximum number of attempts", async () => {
      const { ctx, clock, platform, worker, store } = await setup();
      await ticketClosed(ctx, ticketEvent());
      for (let i = 0; i < MAX_ATTEMPTS + 2; i++) platform.answerNext({ status: "retry", error: "503" });
      for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
        await worker.drain();
        clock.advance(3_600_000);
      }
      expect(platform.calls).toHaveLength(MAX_ATTEMPTS);
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
      expect(platform.calls).toHaveLength(1);
    });

    it("keeps a lease only for its holder while it renews it", async () => {
      const { ctx, clock, store } = await setup();
      await ticketClosed(ctx, ticketEvent());
      const [claimed] = await store.outbox.claimDue({ worker: "a", now: clock.now(), limit: 1, leaseMs: 10_000 });
      const id = claimed!.id;
      clock.advance(9_000);
      expect(await store.outbox.renewLease({ id, worker: "b", now: clock.now(), leaseMs: 10_000 })).toBe(false);
      expect(await store.outbox.renewLease({ id, worker: "a", now: clock.now(), leaseMs: 10_000 })).toBe(true);
      clock.advance(9_000); // 18 s after the claim: held thanks to the renewal
      expect(await store.outbox.claimDue({ worker: "b", now: clock.now(), limit: 1, leaseMs: 10_000 })).toEqual([]);
      clock.advance(1_001); // the renewed lease ran out: another worker may take it, and the old holder has lost it
      expect(await store.outbox.renewLease({ id, worker: "a", now: clock.now(), leaseMs: 10_000 })).toBe(false);
      expect(await store.outbox.claimDue({ worker: "b", now: clock.now(), limit: 1, leaseMs: 10_000 })).toHaveLength(1);
      await store.outbox.markSent(id, clock.now());
      expect(await store.outbox.renewLease({ id, worker: "b", now: clock.now(), leaseMs: 10_000 })).toBe(false);
    });

    it("skips messages that no longer apply (survey answered before delivery)", async () => {
      const { ctx, worker, platform } = await setup();
      await closedAndAnswered(ctx, { rating: 3, comment: "Merci <!channel>" });
      await worker.drain();
      expect(platform.posted("survey")).toHaveLength(0);
      expect(platform.posted("thank-you")[0]?.note).toMatchObject({ comment: "Merci <!channel>", addedCents: 100, potCents: 100 });
      expect(platform.personPosts().map((p) => [p.email, p.kind])).toEqual([["tech@esn.example", "thank-you"]]);
      expect(platform.posted("progress")[0]?.progress).toMatchObject({ amountCents: 100, countedComments: 1, sharedComment: null, milestoneCents: null });
      expect(platform.posted("shared-comment")).toHaveLength(0);
    });

    it("drops a record of an unknown kind or an unreadable payload without retrying it", async () => {
      const { ctx, worker, store, platform } = await setup();
      const now = ctx.clock.now();
      // @ts-expect-error an unknown kind cannot be enqueued (OutboxMessage is a closed union)
      await store.outbox.enqueue({ kind: "fax.send", payload: { to: "x" }, availableAt: now, now });
      // A notice as older versions wrote it (pre-worded text): no longer readable.
      await store.db.outboxMessage.create({ data: { id: "old-notice", kind: "notice", payload: JSON.stringify({ type: "notice", to: [], text: { fr: "x", en: "x" } }), status: "pending", availableAt: now, createdAt: now } });
      expect(await worker.drain()).toBe(2);
      expect(platform.calls).toHaveLength(0);
      expect(await store.db.outboxMessage.count({ where: { status: "dead" } })).toBe(2);
      expect(await store.outbox.pendingCount()).toBe(0);
    });
  });

  describe("the team channel's progress message", () => {
    it("is posted once, then edited in place; its reference is kept by purpose", async () => {
      const { ctx, worker, platform, store } = await setup();
      const first = await closedAndAnswered(ctx, { rating: 3, comment: "Merci beaucoup" });
      await worker.drain();
      await closedAndAnswered(ctx, { rating: 3, comment: "Encore merci" });
      await worker.drain();
      const ref = progressPostRef(platform);
      const progressCalls = platform.trace().filter((t) => t.endsWith(" progress"));
      expect(progressCalls).toEqual(["post team progress", `update ${ref} progress`]);
      const edit = platform.calls.find((c) => c.op === "update");
      expect(edit?.content).toMatchObject({ kind: "progress", progress: { amountCents: 200, countedComments: 2 } });
      expect(await store.messageRefs.get(`progress:${first.campaignId}`, "recording")).toEqual({ purpose: `progress:${first.campaignId}`, platform: "recording", ref });
      expect(await store.db.setting.count()).toBe(0);
    });

    it("is posted anew when the old one is gone, and the new reference replaces the old", async () => {
      const { ctx, worker, platform, store } = await setup();
      const first = await closedAndAnswered(ctx, { rating: 3, comment: "Merci beaucoup" });
      await worker.drain();
      platform.answerFor("update", { status: "gone" });
      await closedAndAnswered(ctx, { rating: 3, comment: "Encore merci" });
      await worker.drain();
      const [oldRef, newRef] = [progressPostRef(platform, 0), progressPostRef(platform, 1)];
      expect(newRef).not.toBe(oldRef);
      expect(platform.trace().filter((t) => t.endsWith(" progress"))).toEqual(["post team progress", `update ${oldRef} progress`, "post team progress"]);
      expect((await store.messageRefs.get(`progress:${first.campaignId}`, "recording"))?.ref).toBe(newRef);
      await closedAndAnswered(ctx, { rating: 3, comment: "Toujours au top" });
      await worker.drain();
      expect(platform.trace().filter((t) => t.endsWith(" progress")).at(-1)).toBe(`update ${newRef} progress`);
    });

    it("adds a milestone post when the pot crosses a milestone", async () => {
      const { ctx, worker, platform } = await setup({ rules: { ...testRules, milestoneCents: 200 } });
      await closedAndAnswered(ctx, { rating: 3, comment: "Merci beaucoup" });
      await worker.drain();
      expect(platform.posted("milestone")).toHaveLength(0);
      await closedAndAnswered(ctx, { rating: 3, comment: "Encore merci" });
      await worker.drain();
      const [milestone] = platform.posted("milestone");
      expect(milestone?.progress).toMatchObject({ milestoneCents: 200, amountCents: 200 });
      expect(platform.calls.filter((c) => c.content.kind === "milestone").every((c) => c.op === "post" && c.destination.to === "team")).toBe(true);
    });

    it("quotes a comment in a new post only when its author agreed to share it", async () => {
      const { ctx, worker, platform } = await setup();
      await closedAndAnswered(ctx, { rating: 3, comment: "Rapide et efficace", shareConsent: false });
      await worker.drain();
      expect(platform.posted("shared-comment")).toHaveLength(0);
      await closedAndAnswered(ctx, { rating: 3, comment: "Bravo pour la patience", shareConsent: true });
      await worker.drain();
      const shared = platform.posted("shared-comment");
      expect(shared.map((s) => s.progress.sharedComment)).toEqual(["Bravo pour la patience"]);
      // The progress message itself is still edited, never re-posted for the quote.
      expect(platform.trace().filter((t) => t.endsWith(" progress"))).toEqual(["post team progress", `update ${progressPostRef(platform)} progress`]);
    });
  });

  describe("several destinations: what was sent stays sent, the rest retries", () => {
    const admins = ["boss@esn.example", "second@esn.example", "left@esn.example"];

    it("sends a poor rating's follow-up to every manager; a retry resends only to the one not reached; an unreachable one is dropped", async () => {
      const { ctx, clock, worker, platform, store, logLines } = await setup({ admins });
      platform.answerFor({ email: "second@esn.example" }, { status: "retry", error: "ratelimited", retryAfterMs: 60_000 });
      platform.answerFor({ email: "left@esn.example" }, { status: "unreachable", reason: "users_not_found" });
      await closedAndAnswered(ctx, { rating: 1, comment: "Trop lent" });
      await worker.drain();
      const followUps = () => platform.personPosts().filter((p) => p.kind === "follow-up").map((p) => p.email);
      expect(followUps()).toEqual(admins);
      expect(platform.personPosts().some((p) => p.kind === "thank-you")).toBe(false);
      expect(await store.outbox.pendingCount()).toBe(1);
      expect(logLines.filter((l) => l.msg === "destination unreachable: dropped")).toEqual([
        expect.objectContaining({ level: "warn", fields: expect.objectContaining({ kind: "followup.deliver", to: "person", reason: "recording: users_not_found" }) }),
      ]);
      expect(JSON.stringify(logLines)).not.toContain("@esn.example");

      clock.advance(59_000);
      expect(await worker.drain()).toBe(0); // Retry-After respected
      clock.advance(1_000);
      expect(await worker.drain()).toBe(1);
      expect(followUps()).toEqual([...admins, "second@esn.example"]);
      expect(await store.outbox.pendingCount()).toBe(0);
      expect(await store.db.outboxMessage.findFirst({ where: { kind: "followup.deliver" } })).toMatchObject({ status: "sent" });
      expect(await deliveryMemory(store)).toBe(0);
      const [note] = platform.posted("follow-up");
      expect(note?.note).toMatchObject({ comment: "Trop lent", technicianName: "Camille Tech", rating: 1 });
    });

    it("sends a notice (data, worded by each platform) to every manager", async () => {
      const { ctx, worker, platform } = await setup({ admins: admins.slice(0, 2) });
      const now = ctx.clock.now();
      expect(await enqueueNotice(ctx, ctx.store, { kind: "choose-charity", campaignLabel: "2026-Q4" }, "choose-charity:x", now)).toBe(true);
      await worker.drain();
      expect(platform.personPosts()).toEqual(admins.slice(0, 2).map((email) => ({ email, kind: "notice" })));
      expect(platform.posted("notice")[0]).toEqual({ kind: "notice", notice: { kind: "choose-charity", campaignLabel: "2026-Q4" } });
    });

    it("does not enqueue a notice when nobody manages", async () => {
      const { ctx, store } = await setup({ admins: [] });
      const now = ctx.clock.now();
      expect(await enqueueNotice(ctx, ctx.store, { kind: "choose-charity", campaignLabel: "2026-Q4" }, "k", now)).toBe(false);
      expect(await store.outbox.pendingCount()).toBe(0);
    });

    it("is dead when no destination could be reached", async () => {
      const { ctx, worker, platform, store } = await setup({ admins: admins.slice(0, 2) });
      platform.answerFor({ email: admins[0]! }, { status: "unreachable", reason: "a" });
      platform.answerFor({ email: admins[1]! }, { status: "unreachable", reason: "b" });
      await enqueueNotice(ctx, ctx.store, { kind: "choose-charity", campaignLabel: "2026-Q4" }, "k", ctx.clock.now());
      await worker.drain();
      expect(await store.db.outboxMessage.findFirstOrThrow({ where: { kind: "notice" } })).toMatchObject({ status: "dead", lastError: "unreachable: recording: a; recording: b" });
      expect(await deliveryMemory(store)).toBe(0);
    });
  });

  describe("several platforms", () => {
    it("posts a team post to the team channel of every platform; a retry reposts only where it failed", async () => {
      const slack = new RecordingPlatform("slack");
      const teams = new RecordingPlatform("teams");
      const { ctx, clock, worker, store } = await setup({}, [slack, teams]);
      teams.answerFor("team", { status: "retry", error: "503" });
      const now = ctx.clock.now();
      await enqueueTeamPost(ctx.store, { kind: "campaign-opened", campaignLabel: "2026-Q4", charityName: "Les Restos du Cœur" }, "opened:x", now);
      await worker.drain();
      expect(slack.trace()).toEqual(["post team team-post"]);
      expect(teams.trace()).toEqual(["post team team-post"]);
      expect(await store.outbox.pendingCount()).toBe(1);
      clock.advance(3_600_000);
      await worker.drain();
      expect(slack.trace()).toEqual(["post team team-post"]);
      expect(teams.trace()).toEqual(["post team team-post", "post team team-post"]);
      expect(teams.posted("team-post")[1]).toEqual({ kind: "team-post", post: { kind: "campaign-opened", campaignLabel: "2026-Q4", charityName: "Les Restos du Cœur" } });
      expect(await store.outbox.pendingCount()).toBe(0);
    });

    it("keeps one progress message per platform, and drops a platform without a team channel", async () => {
      const slack = new RecordingPlatform("slack");
      const teams = new RecordingPlatform("teams");
      const { ctx, worker, store } = await setup({}, [slack, teams]);
      teams.answerFor("team", { status: "unreachable", reason: "no progress channel" });
      const first = await closedAndAnswered(ctx, { rating: 3, comment: "Merci beaucoup" });
      await worker.drain();
      await closedAndAnswered(ctx, { rating: 3, comment: "Encore merci" });
      await worker.drain();
      expect(slack.trace().filter((t) => t.endsWith(" progress"))).toEqual(["post team progress", `update ${progressPostRef(slack)} progress`]);
      expect(teams.trace().filter((t) => t.endsWith(" progress"))).toEqual(["post team progress", "post team progress"]);
      expect((await store.messageRefs.list(`progress:${first.campaignId}`)).map((r) => r.platform)).toEqual(["slack", "teams"]);
      expect(await store.outbox.pendingCount()).toBe(0);
    });

    it("reaches a person on the first platform that knows them, and stops at a retry", async () => {
      const slack = new RecordingPlatform("slack");
      const teams = new RecordingPlatform("teams");
      const { ctx, clock, worker, store } = await setup({}, [slack, teams]);
      const a = await ticketClosed(ctx, ticketEvent());
      if (a.status !== "scheduled") throw new Error();
      slack.answerNext({ status: "unreachable", reason: "users_not_found" });
      await worker.drain();
      expect([slack.personPosts().length, teams.personPosts().length]).toEqual([1, 1]);
      expect((await store.surveys.findContext(a.surveyId))?.survey).toMatchObject({ status: "delivered", platform: "teams" });

      await ticketClosed(ctx, ticketEvent());
      slack.answerNext({ status: "retry", error: "503" });
      await worker.drain();
      expect([slack.personPosts().length, teams.personPosts().length]).toEqual([2, 1]);
      clock.advance(3_600_000);
      await worker.drain();
      expect([slack.personPosts().length, teams.personPosts().length]).toEqual([3, 1]);
    });
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
