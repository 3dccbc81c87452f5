// Every copy of a comment follows its fate (issue 9, items 2 and 3), on SQLite and PostgreSQL:
// the references of the messages that quote it are kept; withdraw, forget-me, retract, report and
// moderation edit each copy through the outbox (gone tolerated, retries remembered); retract and
// report change what counts, tell whom they must, and are audited.
import { afterEach, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import type { AppContext } from "../../src/app/context.js";
import { outboxWorker } from "../../src/app/outbox/outbox-worker.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { withdrawComment } from "../../src/app/withdraw-comment.js";
import { reportComment } from "../../src/app/report-comment.js";
import { retractComment } from "../../src/app/management/retract-comment.js";
import { forgetMe } from "../../src/app/management/personal-data.js";
import { closeCampaign } from "../../src/app/management/close-campaign.js";
import { recordPayout } from "../../src/app/management/record-payout.js";
import { resolveModeration } from "../../src/app/management/resolve-moderation.js";
import type { ChatContent } from "../../src/core/views.js";
import { presentReply } from "../../src/presenter/index.js";
import type { ChatPlatform } from "../../src/ports/chat-platform.js";
import { openTestStore, providers } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";
import { RecordingPlatform } from "../support/recording-platform.js";

const COMMENT = "Les gens de ce pays sont tous des incapables";
const BOSS = "boss@esn.example";
const reporter = { platform: "slack" as const, userId: "UTECH", email: "tech@esn.example" };

/** What a copy shows of the comment: its text, or why it is gone. */
function quoted(content: ChatContent): { comment: string | null; removed: string | null } {
  switch (content.kind) {
    case "thank-you":
    case "follow-up":
      return { comment: content.note.comment, removed: content.note.commentRemoved };
    case "shared-comment":
      return { comment: content.progress.sharedComment, removed: content.progress.commentRemoved };
    default:
      throw new Error(`not a copy: ${content.kind}`);
  }
}

describe.each(providers)("every copy of a comment on %s", (provider) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  async function setup() {
    const db = await openTestStore(provider);
    close = db.close;
    const clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));
    const ctx: AppContext = testContext(db.store, clock);
    const platform = new RecordingPlatform("slack");
    return { store: db.store, clock, ctx, platform, worker: outboxWorker(ctx, [platform as ChatPlatform]) };
  }

  /** A shared comment, answered and delivered: thanked to the technician and posted to the team. */
  async function sharedAndDelivered(t: Awaited<ReturnType<typeof setup>>) {
    const r = await ticketClosed(t.ctx, ticketEvent());
    if (r.status !== "scheduled") throw new Error("not scheduled");
    const context = (await t.store.surveys.findContext(r.surveyId))!;
    const answered = await answerSurvey(t.ctx, { surveyId: r.surveyId, answerer: { surveyToken: context.survey.token }, rating: 3, comment: COMMENT, shareConsent: true });
    if (!answered.ok) throw new Error("not answered");
    await t.worker.drain();
    return { answerId: answered.view.answerId, requesterId: context.requester.id };
  }

  const edits = (platform: RecordingPlatform) => platform.calls.flatMap((c) => (c.op === "update" && c.content.kind !== "progress" ? [c] : []));
  const pot = (t: { store: { contributions: { potCents(id: string): Promise<number> } } }, campaignId: string) => t.store.contributions.potCents(campaignId);

  it("keeps the reference of each message that quotes the comment, and edits every one after a withdrawal", async () => {
    const t = await setup();
    const { answerId, requesterId } = await sharedAndDelivered(t);
    const refs = await t.store.messageRefs.listStartingWith(`comment:${answerId}:`);
    expect(refs.map((r) => r.purpose.split(":")[2]).sort()).toEqual(["shared-comment", "thank-you"]);
    const w = await withdrawComment(t.ctx, { by: { personId: requesterId }, answerId });
    expect(w).toMatchObject({ ok: true, reversedCents: 100, keptCents: 0 });
    await t.worker.drain();
    const edited = edits(t.platform);
    expect(edited.map((e) => e.ref).sort()).toEqual(refs.map((r) => r.ref).sort());
    for (const e of edited) expect(quoted(e.content)).toEqual({ comment: null, removed: "withdrawn" });
    expect(JSON.stringify(edited)).not.toContain("incapables");
    expect(await t.store.outbox.pendingCount()).toBe(0);
  });

  it("erases every copy on forget-me too", async () => {
    const t = await setup();
    const { answerId, requesterId } = await sharedAndDelivered(t);
    expect(await forgetMe(t.ctx, { personId: requesterId, email: null })).toMatchObject({ erased: 1 });
    await t.worker.drain();
    expect(edits(t.platform)).toHaveLength(2);
    for (const e of edits(t.platform)) expect(quoted(e.content).comment).toBeNull();
    expect(await t.store.messageRefs.listStartingWith(`comment:${answerId}:`)).toHaveLength(2);
  });

  it("forget-me after the campaign closed: every copy erased, the money stays and the reply says so", async () => {
    const t = await setup();
    const { requesterId } = await sharedAndDelivered(t);
    await closeCampaign(t.ctx, { actorEmail: BOSS, reason: null });
    const r = await forgetMe(t.ctx, { personId: requesterId, email: null });
    expect(r).toEqual({ erased: 1, reversedCents: 0, keptCents: 100 });
    const reply = presentReply({ kind: "done", done: { kind: "forget-me-done", erased: r!.erased, keptCents: r!.keptCents } }, { locale: "en", timeZone: "Europe/Paris", commandPrefix: "", milestoneCents: 1000 });
    expect(reply.title).toContain("stay in the pot");
    await t.worker.drain();
    expect(edits(t.platform)).toHaveLength(2);
    for (const e of edits(t.platform)) expect(quoted(e.content)).toEqual({ comment: null, removed: "withdrawn" });
  });

  it("a comment judged hateful when written is quoted nowhere, and no copy is kept of it", async () => {
    const t = await setup();
    const r = await ticketClosed(t.ctx, ticketEvent());
    if (r.status !== "scheduled") throw new Error("not scheduled");
    const context = (await t.store.surveys.findContext(r.surveyId))!;
    const answered = await answerSurvey(t.ctx, { surveyId: r.surveyId, answerer: { surveyToken: context.survey.token }, rating: 3, comment: "vive Hitler", shareConsent: true });
    if (!answered.ok) throw new Error("not answered");
    await t.worker.drain();
    const [thanks] = t.platform.posted("thank-you");
    expect(thanks?.note).toMatchObject({ comment: null, commentRemoved: null });
    expect(t.platform.posted("shared-comment")).toEqual([]);
    expect(await t.store.messageRefs.listStartingWith(`comment:${answered.view.answerId}:`)).toEqual([]);
  });

  it("counts a copy deleted meanwhile (gone) as done, and retries only the copy that asked to", async () => {
    const t = await setup();
    const { requesterId, answerId } = await sharedAndDelivered(t);
    t.platform.answerFor("update", { status: "gone" }, { status: "retry", error: "ratelimited", retryAfterMs: 30_000 });
    await withdrawComment(t.ctx, { by: { personId: requesterId }, answerId });
    // The pot.progress (edit of the progress message) comes first in the outbox: let it through.
    t.platform.answerFor("update");
    await t.worker.drain();
    const pending = await t.store.outbox.pendingCount();
    expect(pending).toBe(1);
    const before = edits(t.platform).length;
    t.clock.advance(31_000);
    await t.worker.drain();
    expect(await t.store.outbox.pendingCount()).toBe(0);
    // Only the copy that was rate limited is edited again, not the one already settled.
    expect(edits(t.platform).length).toBe(before + 1);
  });

  it("retract: refused without a reason or for an unknown answer; else hidden, reversed, every copy replaced, audited", async () => {
    const t = await setup();
    const { answerId } = await sharedAndDelivered(t);
    const answer = (await t.store.answers.findById(answerId))!;
    expect(await retractComment(t.ctx, { actorEmail: BOSS, answerId, reason: " x " })).toEqual({ ok: false, reason: "reason-required" });
    expect(await retractComment(t.ctx, { actorEmail: BOSS, answerId: "nope", reason: "propos haineux" })).toEqual({ ok: false, reason: "answer-not-found" });
    expect(await retractComment(t.ctx, { actorEmail: "tech@esn.example", answerId, reason: "propos haineux" })).toEqual({ ok: false, reason: "not-management" });
    expect(await pot(t, answer.campaignId)).toBe(100);
    expect(await retractComment(t.ctx, { actorEmail: BOSS, answerId, reason: "propos haineux" })).toEqual({ ok: true, reversedCents: 100, keptCents: 0 });
    expect(await pot(t, answer.campaignId)).toBe(0);
    await t.worker.drain();
    expect(edits(t.platform)).toHaveLength(2);
    for (const e of edits(t.platform)) expect(quoted(e.content)).toEqual({ comment: null, removed: "withdrawn" });
    const [entry] = await t.store.audit.latest(1);
    expect(entry).toMatchObject({ actor: BOSS, action: "comment.retract", subject: `answer:${answerId}`, reason: "propos haineux" });
  });

  it("retract after a payout: the money stays, and the reply and the audit log say so", async () => {
    const t = await setup();
    const { answerId } = await sharedAndDelivered(t);
    const answer = (await t.store.answers.findById(answerId))!;
    expect(await closeCampaign(t.ctx, { actorEmail: BOSS, reason: null })).toMatchObject({ ok: true });
    expect(await recordPayout(t.ctx, { actorEmail: BOSS, campaignLabel: "2026-Q4", amountCents: 100, reference: "VIR-1" })).toMatchObject({ ok: true });
    t.clock.advance(60_000);
    expect(await retractComment(t.ctx, { actorEmail: BOSS, answerId, reason: "signalé par le client" })).toEqual({ ok: true, reversedCents: 0, keptCents: 100 });
    expect(await pot(t, answer.campaignId)).toBe(100);
    expect((await t.store.audit.latest(1))[0]).toMatchObject({ action: "comment.retract.money-stays", reason: "signalé par le client" });
    await t.worker.drain();
    for (const e of edits(t.platform)) expect(quoted(e.content).comment).toBeNull();
  });

  it("withdrawal after the campaign closed erases every copy and says the money stays", async () => {
    const t = await setup();
    const { answerId, requesterId } = await sharedAndDelivered(t);
    await closeCampaign(t.ctx, { actorEmail: BOSS, reason: null });
    const w = await withdrawComment(t.ctx, { by: { personId: requesterId }, answerId });
    expect(w).toMatchObject({ ok: true, reversedCents: 0, keptCents: 100, view: { withdrawn: { reversedCents: 0, keptCents: 100 } } });
    await t.worker.drain();
    expect(edits(t.platform)).toHaveLength(2);
    for (const e of edits(t.platform)) expect(quoted(e.content).comment).toBeNull();
  });

  it("report: queued as reported, hidden everywhere, not counting, management told; a second report changes nothing; approval restores it", async () => {
    const t = await setup();
    const { answerId } = await sharedAndDelivered(t);
    const answer = (await t.store.answers.findById(answerId))!;
    t.clock.advance(60_000);
    expect(await reportComment(t.ctx, { reporter, answerId: "nope" })).toMatchObject({ ok: false, refusal: { code: "answer-not-found" } });
    expect(await reportComment(t.ctx, { reporter, answerId })).toEqual({ ok: true, hidden: true });
    expect(await reportComment(t.ctx, { reporter, answerId })).toEqual({ ok: true, hidden: false });
    const queue = await t.store.moderation.pending(10);
    expect(queue).toMatchObject([{ answerId, verdict: "reported", status: "pending" }]);
    expect(await pot(t, answer.campaignId)).toBe(0);
    expect((await t.store.audit.latest(1))[0]).toMatchObject({ actor: "tech@esn.example", action: "comment.report", subject: `answer:${answerId}` });
    await t.worker.drain();
    for (const e of edits(t.platform)) expect(quoted(e.content)).toEqual({ comment: null, removed: "hidden" });
    const notices = t.platform.posted("notice");
    expect(notices).toEqual([{ kind: "notice", notice: { kind: "comment-reported", ticketRef: expect.stringContaining("T-") as string, technicianName: "Camille Tech" } }]);

    const sharedPosts = t.platform.posted("shared-comment").length;
    const editsBefore = edits(t.platform).length;
    expect(await resolveModeration(t.ctx, { actorEmail: BOSS, itemId: queue[0]!.id, decision: "approve" })).toMatchObject({ ok: true, counted: true });
    expect(await pot(t, answer.campaignId)).toBe(100);
    await t.worker.drain();
    const restored = edits(t.platform).slice(editsBefore);
    expect(restored).toHaveLength(2);
    for (const e of restored) expect(quoted(e.content)).toEqual({ comment: COMMENT, removed: null });
    // Restored in place, not posted a second time.
    expect(t.platform.posted("shared-comment")).toHaveLength(sharedPosts);
  });

  it("report then reject: every copy says withdrawn, and it never counts", async () => {
    const t = await setup();
    const { answerId } = await sharedAndDelivered(t);
    await reportComment(t.ctx, { reporter, answerId });
    const [item] = await t.store.moderation.pending(10);
    await resolveModeration(t.ctx, { actorEmail: BOSS, itemId: item!.id, decision: "reject" });
    await t.worker.drain();
    const last = edits(t.platform).slice(-2);
    for (const e of last) expect(quoted(e.content)).toEqual({ comment: null, removed: "withdrawn" });
    expect(await pot(t, (await t.store.answers.findById(answerId))!.campaignId)).toBe(0);
  });
});
