// The use cases on a real SQLite file: tickets, answers, withdrawal, override, moderation, status.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import type { AppContext } from "../../src/app/context.js";
import { getHistory, getPublicPot, getStatus } from "../../src/app/get-status.js";
import { overrideCount } from "../../src/app/override-count.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { withdrawComment } from "../../src/app/withdraw-comment.js";
import type { Store } from "../../src/ports/store.js";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";

let store: Store & { db: Db };
let close: () => Promise<void>;
let clock: FixedClock;
let ctx: AppContext;

beforeEach(async () => {
  const t = await openTestStore("sqlite");
  store = t.store;
  close = t.close;
  clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));
  ctx = testContext(store, clock);
});
afterEach(async () => close());

async function surveyFor(event = ticketEvent()) {
  const r = await ticketClosed(ctx, event);
  if (r.status !== "scheduled") throw new Error(`not scheduled: ${r.reason}`);
  const context = (await store.surveys.findContext(r.surveyId))!;
  return { surveyId: r.surveyId, token: context.survey.token, context, surveyUrl: r.surveyUrl };
}

describe("ticket closed", () => {
  it("stores the ticket, a survey and its delivery job together, once", async () => {
    const event = ticketEvent();
    const s = await surveyFor(event);
    expect(s.surveyUrl).toBe(`http://localhost:3978/s/${s.token}`);
    expect(s.context.requester.email).toBe(event.requester.email);
    expect(await store.db.outboxMessage.count({ where: { kind: "survey.deliver" } })).toBe(1);
    expect(await ticketClosed(ctx, event)).toEqual({ status: "ignored", reason: "duplicate" });
    expect(await store.db.survey.count()).toBe(1);
  });

  it("ignores kinds that are not surveyed without writing anything", async () => {
    expect(await ticketClosed(ctx, ticketEvent({ kind: "request" }))).toEqual({ status: "ignored", reason: "kind-not-surveyed" });
    expect(await store.db.ticket.count()).toBe(0);
    expect(await store.db.person.count()).toBe(0);
  });

  it("treats two identical events arriving together as one ticket", async () => {
    const event = ticketEvent();
    const results = await Promise.all([ticketClosed(ctx, event), ticketClosed(ctx, event)]);
    expect(results.map((r) => r.status).sort()).toEqual(["ignored", "scheduled"]);
    expect(await store.db.survey.count()).toBe(1);
  });
});

describe("answering", () => {
  it("counts 1 € for a written comment and tells the technician", async () => {
    const s = await surveyFor();
    const r = await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating: 3, comment: "Très efficace, merci !" });
    expect(r).toMatchObject({ ok: true, counted: true, addedCents: 100, potCents: 100 });
    const kinds = (await store.db.outboxMessage.findMany({ select: { kind: true } })).map((m) => m.kind).sort();
    expect(kinds).toEqual(["pot.progress", "praise.deliver", "survey.deliver"]);
  });

  it("records a rating without comment without counting it", async () => {
    const s = await surveyFor();
    expect(await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating: 2 })).toMatchObject({
      ok: true,
      counted: false,
      reason: "no-comment",
    });
  });

  it("refuses a second answer, a stranger, an expired survey and a bad rating", async () => {
    const s = await surveyFor();
    const stranger = await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { platform: "slack", userId: "U999", email: "other@x.example" }, rating: 3, comment: "hi" });
    expect(stranger).toEqual({ ok: false, refusal: { code: "not-requester" } });
    expect(await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: "wrong" }, rating: 3 })).toEqual({ ok: false, refusal: { code: "not-requester" } });
    expect(await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating: 4 })).toEqual({ ok: false, refusal: { code: "invalid-rating" } });
    expect(await store.db.answer.count()).toBe(0);
    await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating: 3, comment: "Top" });
    expect(await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating: 1 })).toEqual({ ok: false, refusal: { code: "already-answered" } });
    const late = await surveyFor();
    clock.advance(100 * 86_400_000); // past 90 days after the ticket closed and past its campaign
    expect(await answerSurvey(ctx, { surveyId: late.surveyId, answerer: { surveyToken: late.token }, rating: 3 })).toEqual({ ok: false, refusal: { code: "survey-expired" } });
  });

  it("links a chat identity to the requester by e-mail, then trusts only that identity", async () => {
    const s = await surveyFor();
    const email = s.context.requester.email;
    const r = await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { platform: "slack", userId: "U1", email }, rating: 3, comment: "Bravo" });
    expect(r.ok).toBe(true);
    expect((await store.people.findByEmail(email))?.slackUserId).toBe("U1");
  });

  it("does not count a repeated comment of the same requester (after normalisation)", async () => {
    const requester = { email: "paul@client.example", name: "Paul" };
    const a = await surveyFor(ticketEvent({ requester }));
    const b = await surveyFor(ticketEvent({ requester }));
    await answerSurvey(ctx, { surveyId: a.surveyId, answerer: { surveyToken: a.token }, rating: 3, comment: "Très efficace !" });
    expect(await answerSurvey(ctx, { surveyId: b.surveyId, answerer: { surveyToken: b.token }, rating: 3, comment: "tres   EFFICACE" })).toMatchObject({
      ok: true,
      counted: false,
      reason: "duplicate-comment",
    });
  });

  it("never counts a hateful or insulting comment, and queues a borderline one for management", async () => {
    const insult = await surveyFor();
    expect(await answerSurvey(ctx, { surveyId: insult.surveyId, answerer: { surveyToken: insult.token }, rating: 1, comment: "Quel connard" })).toMatchObject({
      counted: false,
      reason: "moderation-rejected",
    });
    const borderline = await surveyFor();
    expect(
      await answerSurvey(ctx, { surveyId: borderline.surveyId, answerer: { surveyToken: borderline.token }, rating: 2, comment: "Putain, enfin ça marche" }),
    ).toMatchObject({ counted: false, reason: "moderation-pending" });
    expect(await store.moderation.countPending()).toBe(1);
    const status = await getStatus(ctx, { email: "boss@esn.example" });
    expect(status.management?.pendingModeration).toBe(1);
  });

  it("sends a poor rating to management as a follow-up, not to the technician", async () => {
    const s = await surveyFor();
    await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating: 1, comment: "Toujours en panne après passage" });
    const kinds = (await store.db.outboxMessage.findMany({ select: { kind: true } })).map((m) => m.kind);
    expect(kinds).toContain("followup.deliver");
    expect(kinds).not.toContain("praise.deliver");
  });

  it("counts a comment by the quarter of its time, even before any rollover ran", async () => {
    clock.set("2026-03-31T21:59:59Z"); // 31 March 23:59:59 in Paris
    const q1 = await surveyFor();
    await answerSurvey(ctx, { surveyId: q1.surveyId, answerer: { surveyToken: q1.token }, rating: 3, comment: "Dernier de mars" });
    clock.set("2026-03-31T22:00:01Z"); // 1 April 00:00:01 in Paris
    const q2 = await surveyFor();
    await answerSurvey(ctx, { surveyId: q2.surveyId, answerer: { surveyToken: q2.token }, rating: 3, comment: "Premier d'avril" });
    const history = await getHistory(ctx);
    expect(history.campaigns.map((c) => [c.campaignLabel, c.amountCents])).toEqual([
      ["2026-Q2", 100],
      ["2026-Q1", 100],
    ]);
  });
});

describe("withdrawal and override", () => {
  it("erases the text and takes the euro back while the campaign is open", async () => {
    const s = await surveyFor();
    const a = await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating: 3, comment: "Merci Camille" });
    if (!a.ok) throw new Error("answer refused");
    const stranger = await withdrawComment(ctx, { by: { personId: s.context.technician.id }, answerId: a.answer.id });
    expect(stranger).toEqual({ ok: false, refusal: { code: "not-author" } });
    const w = await withdrawComment(ctx, { by: { personId: s.context.requester.id }, answerId: null });
    expect(w).toMatchObject({ ok: true, reversedCents: 100, potCents: 0, view: { answerId: a.answer.id, comment: null, withdrawn: { reversedCents: 100 } } });
    const row = await store.db.answer.findUniqueOrThrow({ where: { id: a.answer.id } });
    expect(row.comment).toBeNull();
    expect(row.withdrawnAt).not.toBeNull();
    expect(await withdrawComment(ctx, { by: { surveyToken: s.token }, answerId: a.answer.id })).toEqual({ ok: false, refusal: { code: "nothing-to-withdraw" } });
  });

  it("keeps the euro when the comment is withdrawn after the campaign ended", async () => {
    const s = await surveyFor();
    const a = await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating: 3, comment: "Merci" });
    if (!a.ok) throw new Error("answer refused");
    clock.set("2027-01-05T10:00:00Z");
    expect(await withdrawComment(ctx, { by: { personId: s.context.requester.id }, answerId: a.answer.id })).toMatchObject({ ok: true, reversedCents: 0, potCents: 100 });
  });

  it("lets management count an answer anyway, with who, when and why in the audit log", async () => {
    const s = await surveyFor();
    const a = await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating: 3 });
    if (!a.ok) throw new Error("answer refused");
    expect(await overrideCount(ctx, { actorEmail: "tech@esn.example", answerId: a.answer.id, reason: "please" })).toEqual({ ok: false, reason: "not-management" });
    expect(await overrideCount(ctx, { actorEmail: "BOSS@esn.example", answerId: a.answer.id, reason: "" })).toEqual({ ok: false, reason: "reason-required" });
    const r = await overrideCount(ctx, { actorEmail: "boss@esn.example", answerId: a.answer.id, reason: "Merci dit au téléphone" });
    expect(r).toEqual({ ok: true, answerId: a.answer.id, addedCents: 100, potCents: 100 });
    const audit = await store.db.auditEntry.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "boss@esn.example", action: "contribution.override", reason: "Merci dit au téléphone" });
    expect(await overrideCount(ctx, { actorEmail: "boss@esn.example", answerId: a.answer.id, reason: "again" })).toEqual({ ok: false, reason: "already-counted" });
  });
});

describe("the règlement in every case", () => {
  it("counts a comment answered 60 days after its ticket closed, inside the campaign", async () => {
    const s = await surveyFor(ticketEvent({ closedAt: new Date("2026-10-02T09:00:00Z") }));
    clock.set("2026-12-01T10:00:00Z"); // 60 days later, still Q4
    const a = await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating: 3, comment: "Merci, enfin le temps de répondre" });
    expect(a).toMatchObject({ ok: true, counted: true, addedCents: 100 });
  });

  it("never surveys a ticket whose requester is its technician or the support team's own staff", async () => {
    const staffCtx = testContext(store, clock, { rules: { ...ctx.rules, staffDomains: ["esn.example"] } });
    expect(await ticketClosed(staffCtx, ticketEvent({ requester: { email: "TECH@esn.example", name: null } }))).toEqual({ status: "ignored", reason: "self-rating" });
    expect(await ticketClosed(staffCtx, ticketEvent({ requester: { email: "alex@esn.example", name: null } }))).toEqual({ status: "ignored", reason: "staff-requester" });
    expect(await ticketClosed(ctx, ticketEvent({ requester: { email: "boss@esn.example", name: null } }))).toEqual({ status: "ignored", reason: "staff-requester" });
    expect(await store.db.ticket.count()).toBe(0);
    const demo = await ticketClosed(ctx, ticketEvent({ source: "demo", requester: { email: "tech@esn.example", name: null } }));
    expect(demo.status).toBe("scheduled");
  });

  it("refuses to override an insult, a hateful comment or one waiting in moderation, naming why", async () => {
    const cases = [
      ["Espèce de connard", "comment-insult"],
      ["les arabes sont tous des voleurs", "comment-hateful"],
    ] as const;
    for (const [comment, reason] of cases) {
      const s = await surveyFor();
      const a = await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating: 3, comment });
      if (!a.ok) throw new Error("answer refused");
      expect(a.counted).toBe(false);
      expect(await overrideCount(ctx, { actorEmail: "boss@esn.example", answerId: a.answer.id, reason: "the client insists" })).toEqual({ ok: false, reason });
    }
    expect(await store.db.contribution.count()).toBe(0);
  });
});

describe("status", () => {
  it("reports figures for everyone and the management view for admins only", async () => {
    await store.charities.add({ name: "Rêves de Gosse", now: clock.now() });
    for (const [rating, comment] of [[3, "Parfait"], [3, "Super"], [2, null]] as const) {
      const s = await surveyFor();
      await answerSurvey(ctx, { surveyId: s.surveyId, answerer: { surveyToken: s.token }, rating, comment });
    }
    await surveyFor(); // one unanswered
    const publicView = await getStatus(ctx, { email: "someone@client.example" });
    expect(publicView).toMatchObject({
      campaignLabel: "2026-Q4",
      charityName: "Rêves de Gosse",
      amountCents: 200,
      countedComments: 2,
      answers: 3,
      surveys: 4,
      responseRate: 0.75,
      daysLeft: 41,
      management: null,
    });
    expect(publicView.positiveShare).toBeCloseTo(2 / 3);
    const boss = await getStatus(ctx, { email: "boss@esn.example" });
    expect(boss.management?.topTechnicians).toEqual([{ name: "Camille Tech", praiseCount: 2 }]);
    expect(await getPublicPot(ctx)).toEqual({
      answers: 3,
      campaign: "2026-Q4",
      charity: "Rêves de Gosse",
      amountCents: 200,
      amount: "2.00",
      currency: "EUR",
      count: 2,
      open: true,
      daysLeft: 41,
    });
  });
});
