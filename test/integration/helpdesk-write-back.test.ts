// The helpdesk plumbing every connector shares: write-back through the outbox (enqueued with the
// answer and whenever the comment's fate changes, only for helpdesks with write-back on; the
// rating's label in the requester's language; the reference kept; 429 waits without counting;
// a refusal gives up), and /webhooks/<name> answering 404 not-configured.
import { afterEach, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import type { AppContext } from "../../src/app/context.js";
import { outboxWorker } from "../../src/app/outbox/outbox-worker.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { withdrawComment } from "../../src/app/withdraw-comment.js";
import { reportComment } from "../../src/app/report-comment.js";
import { resolveModeration } from "../../src/app/management/resolve-moderation.js";
import { loadConfig } from "../../src/config.js";
import type { Helpdesk, HelpdeskName, WriteBackAnswer, WriteBackResult } from "../../src/ports/helpdesk.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";
import { RecordingPlatform } from "../support/recording-platform.js";
import { startTestBot } from "../support/running-bot.js";

/** A helpdesk that records what it is asked to write, and answers what the test queues. */
class RecordingHelpdesk implements Helpdesk {
  readonly calls: { op: "record" | "withdraw"; answer: WriteBackAnswer }[] = [];
  readonly answers: WriteBackResult[] = [];
  readonly writeBack;
  readonly surveyLink = null;
  constructor(readonly name: HelpdeskName, on = true) {
    const answer = (op: "record" | "withdraw") => async (a: WriteBackAnswer): Promise<WriteBackResult> => {
      this.calls.push({ op, answer: a });
      return this.answers.shift() ?? { status: "done", ref: op === "record" ? `note-${this.calls.length}` : null };
    };
    this.writeBack = on ? { record: answer("record"), withdraw: answer("withdraw") } : null;
  }
  async check() {
    return [];
  }
}

describe("helpdesk write-back through the outbox", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  async function setup(helpdesks: Helpdesk[]) {
    const db = await openTestStore("sqlite");
    close = db.close;
    const clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));
    const ctx: AppContext = testContext(db.store, clock, { helpdesks });
    return { db, clock, ctx, worker: outboxWorker(ctx, [new RecordingPlatform("slack")]) };
  }

  async function answered(ctx: AppContext, source: string, comment: string | null, rating = 3) {
    const r = await ticketClosed(ctx, ticketEvent({ source, ticketId: "1287" }));
    if (r.status !== "scheduled") throw new Error(`not scheduled: ${r.reason}`);
    const context = (await ctx.store.surveys.findContext(r.surveyId))!;
    const a = await answerSurvey(ctx, { surveyId: r.surveyId, answerer: { surveyToken: context.survey.token }, rating, comment, shareConsent: true });
    if (!a.ok) throw new Error("not answered");
    return { answerId: a.answer.id, requesterId: context.requester.id };
  }

  const writeBacks = (t: Awaited<ReturnType<typeof setup>>) => t.db.store.db.outboxMessage.findMany({ where: { kind: "helpdesk.write-back" }, orderBy: { createdAt: "asc" } });

  it("writes the answer back once delivered, with the label in the requester's language, and keeps the reference", async () => {
    const glpi = new RecordingHelpdesk("glpi");
    const t = await setup([glpi]);
    const { answerId } = await answered(t.ctx, "glpi", "Très rapide, merci");
    expect((await writeBacks(t)).map((m) => JSON.parse(m.payload))).toEqual([{ answerId, action: "record" }]);
    await t.worker.drain();
    expect(glpi.calls).toEqual([
      {
        op: "record",
        answer: expect.objectContaining({ answerId, ticketId: "1287", rating: 3, ratingScale: 3, ratingLabel: "Efficace", comment: "Très rapide, merci", locale: "fr", previousRef: null }),
      },
    ]);
    expect(await t.db.store.messageRefs.get(`helpdesk:${answerId}`, "glpi")).toMatchObject({ ref: "note-1" });
    expect((await writeBacks(t))[0]).toMatchObject({ status: "sent" });
  });

  it("withdraws the comment there when the requester withdraws it, with the reference written earlier", async () => {
    const glpi = new RecordingHelpdesk("glpi");
    const t = await setup([glpi]);
    const { answerId, requesterId } = await answered(t.ctx, "glpi", "Très rapide, merci");
    await t.worker.drain();
    expect(await withdrawComment(t.ctx, { by: { personId: requesterId }, answerId })).toMatchObject({ ok: true });
    await t.worker.drain();
    expect(glpi.calls.map((c) => [c.op, c.answer.comment, c.answer.previousRef])).toEqual([
      ["record", "Très rapide, merci", null],
      ["withdraw", null, "note-1"],
    ]);
  });

  it("hides a reported comment there and writes it again once management approves it", async () => {
    const jira = new RecordingHelpdesk("jira");
    const t = await setup([jira]);
    const { answerId } = await answered(t.ctx, "jira", "Parfait");
    await t.worker.drain();
    await reportComment(t.ctx, { reporter: { platform: "slack", userId: "UTECH", email: "tech@esn.example" }, answerId });
    await t.worker.drain();
    const item = (await t.db.store.moderation.pending(5))[0]!;
    await resolveModeration(t.ctx, { actorEmail: "boss@esn.example", itemId: item.id, decision: "approve" });
    await t.worker.drain();
    expect(jira.calls.map((c) => [c.op, c.answer.comment])).toEqual([
      ["record", "Parfait"],
      ["withdraw", null],
      ["record", "Parfait"],
    ]);
  });

  it("writes nothing for tickets of other sources, or of a helpdesk whose write-back is off", async () => {
    const glpi = new RecordingHelpdesk("glpi", false);
    const t = await setup([glpi, new RecordingHelpdesk("jira")]);
    const first = await answered(t.ctx, "generic", "Merci");
    await answered(t.ctx, "glpi", "Merci encore");
    await withdrawComment(t.ctx, { by: { personId: first.requesterId }, answerId: first.answerId });
    expect(await writeBacks(t)).toEqual([]);
  });

  it("waits for Retry-After without counting an attempt when the helpdesk rate-limits, and gives up when it refuses", async () => {
    const glpi = new RecordingHelpdesk("glpi");
    glpi.answers.push({ status: "retry", error: "glpi: 429", retryAfterMs: 30_000, rateLimited: true });
    const t = await setup([glpi]);
    await answered(t.ctx, "glpi", null, 1);
    await t.worker.drain();
    const waiting = (await writeBacks(t))[0]!;
    expect(waiting).toMatchObject({ status: "pending", attempts: 0, lastError: "glpi: 429" });
    expect(waiting.availableAt.getTime()).toBe(t.clock.now().getTime() + 30_000);
    t.clock.advance(29_000);
    await t.worker.drain();
    expect(glpi.calls).toHaveLength(1);
    t.clock.advance(1_000);
    await t.worker.drain();
    expect(glpi.calls.map((c) => [c.op, c.answer.ratingLabel, c.answer.comment])).toEqual([
      ["record", "Mauvaise", null],
      ["record", "Mauvaise", null],
    ]);
    expect((await writeBacks(t))[0]).toMatchObject({ status: "sent" });

    glpi.answers.push({ status: "failed", reason: "glpi: ticket 1288 no longer exists" });
    const r = await ticketClosed(t.ctx, ticketEvent({ source: "glpi", ticketId: "1288" }));
    if (r.status !== "scheduled") throw new Error("not scheduled");
    const token = (await t.db.store.surveys.findContext(r.surveyId))!.survey.token;
    await answerSurvey(t.ctx, { surveyId: r.surveyId, answerer: { surveyToken: token }, rating: 2 });
    await t.worker.drain();
    expect((await writeBacks(t))[1]).toMatchObject({ status: "dead", lastError: "glpi: ticket 1288 no longer exists" });
  });
});

describe("CAGNOTTE_WRITE_BACK", () => {
  it("is off by default, on, or a list of helpdesks; anything else is refused", () => {
    expect(loadConfig({}).writeBack).toBe("off");
    expect(loadConfig({ CAGNOTTE_WRITE_BACK: "ON" }).writeBack).toBe("on");
    expect(loadConfig({ CAGNOTTE_WRITE_BACK: "glpi, jira" }).writeBack).toEqual(["glpi", "jira"]);
    expect(() => loadConfig({ CAGNOTTE_WRITE_BACK: "glpi,otrs" })).toThrow(/CAGNOTTE_WRITE_BACK/);
  });
});

describe("helpdesk webhooks", () => {
  it("answer 404 not-configured for a helpdesk that is not configured, and not-found for other names", async () => {
    const bot = await startTestBot();
    try {
      for (const name of ["glpi", "zendesk", "freshdesk", "jira"]) {
        const res = await fetch(`${bot.url}/webhooks/${name}`, { method: "POST", body: "{}" });
        expect(res.status).toBe(404);
        expect(await res.json()).toMatchObject({ error: "not-configured" });
      }
      const other = await fetch(`${bot.url}/webhooks/otrs`, { method: "POST", body: "{}" });
      expect(other.status).toBe(404);
      expect(await other.json()).toEqual({ error: "not-found" });
    } finally {
      await bot.stop();
    }
  });
});
