// The scheduled jobs on a real database, driven by a fixed clock through the scheduler's catch-up
// path (what node-cron triggers): quarter rollover, reminders in business hours across DST,
// expiry, payout reminders, digest, retention, and a run missed while the bot was down.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import { getStatus } from "../../src/app/get-status.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { createScheduler, type Scheduler } from "../../src/jobs/scheduler.js";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import type { Store } from "../../src/ports/store.js";
import type { Notice, TeamPost } from "../../src/core/views.js";
import { presentContent } from "../../src/presenter/index.js";
import { textsFor } from "../../src/i18n/index.js";
import type { ScheduleSettings } from "../../src/core/schedule/settings.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";
import { jobContext } from "../support/schedule.js";
import { RecordingPlatform } from "../support/recording-platform.js";
import { outboxWorker } from "../../src/app/outbox/outbox-worker.js";

let store: Store & { db: Db };
let close: () => Promise<void>;
let clock: FixedClock;

beforeEach(async () => {
  const t = await openTestStore("sqlite");
  store = t.store;
  close = t.close;
  clock = new FixedClock(new Date("2026-03-20T10:00:00Z"));
});
afterEach(async () => close());

const ctx = () => testContext(store, clock);
const scheduler = (schedule: Partial<ScheduleSettings> = {}, holder = "test"): Scheduler => createScheduler(jobContext(ctx(), schedule), { holder });

async function outbox(kind: string) {
  const rows = await store.db.outboxMessage.findMany({ where: { kind }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ dedupeKey: r.dedupeKey, availableAt: r.availableAt, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}
const posts = async () => (await outbox("team-post")).map((m) => m.payload.post as TeamPost);
const english = { locale: "en", timeZone: "Europe/Paris", commandPrefix: "", milestoneCents: 1000 } as const;

async function answered(comment: string, at: string) {
  clock.set(at);
  const r = await ticketClosed(ctx(), ticketEvent({ closedAt: new Date(at) }));
  if (r.status !== "scheduled") throw new Error("not scheduled");
  const context = (await store.surveys.findContext(r.surveyId))!;
  return answerSurvey(ctx(), { surveyId: r.surveyId, answerer: { surveyToken: context.survey.token }, rating: 3, comment });
}

async function deliveredSurvey(at: string): Promise<string> {
  clock.set(at);
  const r = await ticketClosed(ctx(), ticketEvent({ closedAt: new Date(at) }));
  if (r.status !== "scheduled") throw new Error("not scheduled");
  await store.surveys.transition(r.surveyId, ["pending"], "delivered", { platform: "slack", messageRef: "m", at: new Date(at) });
  return r.surveyId;
}

describe("quarterly rollover", () => {
  beforeEach(async () => {
    await store.charities.add({ name: "Les Restos du Cœur", now: clock.now() });
    await store.charities.add({ name: "Rêves de Gosse", now: clock.now() });
  });

  it("closes Q1 with its final figures at the boundary and opens Q2 with the queued charity", async () => {
    await getStatus(ctx(), { email: null }); // Q1 opens with the first charity
    expect((await answered("Merci, très rapide", "2026-03-20T10:00:00Z")).ok).toBe(true);
    // 23:59:59 on 31 March in Paris (UTC+2 since the DST change) still counts in Q1…
    const late = await answered("Toujours au top", "2026-03-31T21:59:59Z");
    // …and 00:00:01 on 1 April counts in Q2, before any job ran.
    const early = await answered("Parfait encore", "2026-03-31T22:00:01Z");
    expect(late).toMatchObject({ ok: true, counted: true });
    expect(early).toMatchObject({ ok: true, counted: true });
    const q1 = (await store.campaigns.findByQuarter(2026, 1))!;
    const q2 = (await store.campaigns.findByQuarter(2026, 2))!;
    expect(late.ok && late.campaignId).toBe(q1.id);
    expect(early.ok && early.campaignId).toBe(q2.id);

    clock.set("2026-03-31T22:00:05Z");
    await scheduler().runAll();
    expect((await store.campaigns.findById(q1.id))!.status).toBe("closed");
    expect((await store.campaigns.findById(q2.id))!.charity?.name).toBe("Rêves de Gosse");
    const campaignPosts = async () => (await posts()).filter((p) => p.kind !== "weekly-digest");
    const [closed, opened] = await campaignPosts();
    // Data in the outbox, worded at delivery in the reader's language.
    expect(closed).toEqual({
      kind: "campaign-closed",
      figures: { campaignLabel: "2026-Q1", charityName: "Les Restos du Cœur", amountCents: 200, countedComments: 2, answers: 2, positiveShare: 1, early: false },
    });
    expect(opened).toEqual({ kind: "campaign-opened", campaignLabel: "2026-Q2", charityName: "Rêves de Gosse" });
    const worded = presentContent({ kind: "team-post", post: closed! }, english);
    expect(worded.title).toBe(textsFor("en").lifecycle.closedTitle("2026-Q1", false, "€2.00", "Les Restos du Cœur"));

    // Running again (another trigger, another instance) changes nothing.
    await scheduler({}, "other").runAll();
    expect(await campaignPosts()).toHaveLength(2);
    expect(await store.db.campaign.count()).toBe(2);
    expect(await store.db.auditEntry.count({ where: { action: "campaign.close" } })).toBe(1);
  });

  it("catches up a rollover missed while the bot was down, and asks management when the queue is empty", async () => {
    await store.db.charity.updateMany({ data: { queuePosition: null } });
    clock.set("2026-02-01T10:00:00Z");
    await scheduler().runAll(); // Q1 opens without a charity: management is asked
    clock.set("2026-04-03T09:00:00Z"); // down from before the boundary until 3 April
    const outcomes = await scheduler().runAll();
    expect(outcomes.find((o) => o.job === "campaign-rollover")).toMatchObject({ ran: true, report: { closed: 1, opened: 1 } });
    expect((await store.campaigns.findByQuarter(2026, 1))!.status).toBe("closed");
    expect((await store.campaigns.findByQuarter(2026, 2))!.status).toBe("open");
    const notices = await outbox("notice");
    expect(notices.map((n) => n.dedupeKey?.split(":")[0])).toEqual(["choose-charity", "choose-charity"]);
    expect(notices.map((n) => n.payload.notice as Notice)).toEqual([
      { kind: "choose-charity", campaignLabel: "2026-Q1" },
      { kind: "choose-charity", campaignLabel: "2026-Q2" },
    ]);
  });

  it("rolls over at New Year in Paris time, not UTC", async () => {
    clock.set("2026-12-31T22:59:59Z"); // 23:59:59 on 31 December in Paris (UTC+1)
    await scheduler().runAll();
    expect((await store.campaigns.findByQuarter(2026, 4))!.status).toBe("open");
    expect(await store.campaigns.findByQuarter(2027, 1)).toBeNull();
    clock.set("2026-12-31T23:00:00Z"); // midnight in Paris, still 2026 in UTC
    await scheduler().runAll();
    expect((await store.campaigns.findByQuarter(2026, 4))!.status).toBe("closed");
    expect((await store.campaigns.findByQuarter(2027, 1))!.charity?.name).toBe("Rêves de Gosse");
  });

  it("does not run a job whose lease another instance holds", async () => {
    await store.leases.acquire("campaign-rollover", "someone-else", clock.now(), new Date(clock.now().getTime() + 60_000));
    const outcomes = await scheduler().runAll();
    expect(outcomes.find((o) => o.job === "campaign-rollover")).toEqual({ job: "campaign-rollover", ran: false, reason: "leased-elsewhere" });
    clock.advance(61_000); // the other holder died: its lease runs out
    expect((await scheduler().runAll()).find((o) => o.job === "campaign-rollover")).toMatchObject({ ran: true });
    expect(await store.leases.lastRunAt("campaign-rollover")).toEqual(clock.now());
  });
});

describe("delivery through the chat platform port", () => {
  it("delivers the rollover's team posts, the management notice and the reminder through the outbox", async () => {
    await deliveredSurvey("2026-03-26T08:00:00Z");
    await scheduler().runAll(); // Q1 opens (empty queue)
    clock.set("2026-04-01T08:00:00Z"); // Wednesday 10:00: Q1 ended, the survey's reminder is due
    await scheduler().runAll();
    const platform = new RecordingPlatform();
    await outboxWorker(ctx(), [platform]).drain();
    const teamPosts = platform.posted("team-post").map((m) => m.post.kind);
    expect(teamPosts).toEqual(expect.arrayContaining(["campaign-closed", "campaign-opened"]));
    expect(platform.calls.filter((c) => c.content.kind === "team-post").every((c) => c.op === "post" && c.destination.to === "team")).toBe(true);
    expect(platform.personPosts().filter((p) => p.kind === "notice")).toEqual([
      { email: "boss@esn.example", kind: "notice" },
      { email: "boss@esn.example", kind: "notice" },
    ]);
    const notices = platform.posted("notice");
    expect(notices.map((m) => m.notice)).toEqual([
      { kind: "choose-charity", campaignLabel: "2026-Q1" },
      { kind: "choose-charity", campaignLabel: "2026-Q2" },
    ]);
    expect(presentContent(notices[0]!, english).summary).toBe(textsFor("en").lifecycle.chooseCharity("2026-Q1"));
    expect(platform.posted("survey").filter((m) => m.prompt.reminder)).toHaveLength(1);
    expect(await store.outbox.pendingCount()).toBe(0);
  });
});

describe("survey reminders and expiry", () => {
  it("sends the reminder due at 20:00 on a Friday at 9:00 on Monday, once", async () => {
    const surveyId = await deliveredSurvey("2026-11-18T19:00:00Z"); // Wednesday 20:00 + 48 h
    const remindersAt = async (iso: string) => {
      clock.set(iso);
      await scheduler().runAll();
      return (await outbox("survey.remind")).length;
    };
    expect(await remindersAt("2026-11-20T19:00:00Z")).toBe(0); // Friday 20:00
    expect(await remindersAt("2026-11-21T10:00:00Z")).toBe(0); // Saturday
    expect(await remindersAt("2026-11-23T07:55:00Z")).toBe(0); // Monday 8:55
    expect(await remindersAt("2026-11-23T08:00:00Z")).toBe(1); // Monday 9:00
    expect(await remindersAt("2026-11-23T08:05:00Z")).toBe(1);
    const [reminder] = await outbox("survey.remind");
    expect(reminder).toMatchObject({ dedupeKey: `remind:${surveyId}`, availableAt: new Date("2026-11-23T08:00:00Z") });
  });

  it("keeps local office hours across the spring DST change", async () => {
    await deliveredSurvey("2026-03-26T15:00:00Z"); // Thursday 16:00 CET + 48 h → Saturday
    clock.set("2026-03-30T06:59:00Z"); // Monday 8:59 CEST
    await scheduler().runAll();
    expect(await outbox("survey.remind")).toHaveLength(0);
    clock.set("2026-03-30T07:00:00Z"); // Monday 9:00 CEST
    await scheduler().runAll();
    expect(await outbox("survey.remind")).toHaveLength(1);
  });

  it("does not remind an answered survey and expires unanswered ones", async () => {
    const a = await deliveredSurvey("2026-11-02T09:00:00Z");
    const b = await deliveredSurvey("2026-11-02T09:00:00Z");
    const context = (await store.surveys.findContext(a))!;
    await answerSurvey(ctx(), { surveyId: a, answerer: { surveyToken: context.survey.token }, rating: 3 });
    clock.set("2026-11-04T10:00:00Z");
    await scheduler().runAll();
    expect((await outbox("survey.remind")).map((m) => m.payload.surveyId)).toEqual([b]);
    // Answerable 90 days after the ticket closed (and at least to the end of its campaign).
    clock.set("2027-01-31T08:59:00Z");
    await scheduler().runAll();
    expect((await store.surveys.findContext(b))!.survey.status).toBe("delivered");
    clock.set("2027-01-31T09:05:00Z"); // 90 days after 2 November 10:00 Paris time
    await scheduler().runAll();
    expect((await store.surveys.findContext(b))!.survey.status).toBe("expired");
    expect((await store.surveys.findContext(a))!.survey.status).toBe("answered");
  });
});

describe("payout reminders, digest, retention", () => {
  it("reminds management each month after a campaign ends until the payout is recorded", async () => {
    await store.charities.add({ name: "Les Restos du Cœur", now: clock.now() });
    await answered("Merci beaucoup", "2026-03-20T10:00:00Z");
    const noticesAt = async (iso: string) => {
      clock.set(iso);
      await scheduler().runAll();
      return (await outbox("notice")).filter((n) => n.dedupeKey?.startsWith("payout-reminder:")).length;
    };
    expect(await noticesAt("2026-03-31T22:00:01Z")).toBe(0); // midnight: not in office hours
    expect(await noticesAt("2026-04-01T07:00:00Z")).toBe(1);
    expect(await noticesAt("2026-04-20T07:00:00Z")).toBe(1);
    expect(await noticesAt("2026-05-01T08:00:00Z")).toBe(1); // 1 May holiday
    expect(await noticesAt("2026-05-04T07:00:00Z")).toBe(2);
    const q1 = (await store.campaigns.findByQuarter(2026, 1))!;
    await store.payouts.create({ campaignId: q1.id, amountCents: 100, potCents: 100, reason: null, paidOn: clock.now(), reference: "VIR-1", recordedBy: "boss@esn.example", now: clock.now() });
    expect(await noticesAt("2026-06-01T07:00:00Z")).toBe(2);
    const [first] = (await outbox("notice")).filter((n) => n.dedupeKey?.startsWith("payout-reminder:"));
    expect(first!.payload.notice).toEqual({ kind: "payout-reminder", campaignLabel: "2026-Q1", charityName: "Les Restos du Cœur", amountCents: 100 });
  });

  it("posts one weekly digest with the week's praise and the pot", async () => {
    await store.charities.add({ name: "Les Restos du Cœur", now: clock.now() });
    await answered("Merci beaucoup", "2026-11-18T10:00:00Z");
    clock.set("2026-11-23T08:00:00Z"); // Monday 9:00
    await scheduler().runAll();
    clock.set("2026-11-23T12:00:00Z");
    await scheduler().runAll();
    const digests = (await posts()).filter((p) => p.kind === "weekly-digest");
    expect(digests).toHaveLength(1);
    const { chart, ...figures } = digests[0] as Extract<TeamPost, { kind: "weekly-digest" }>;
    expect(figures).toEqual({ kind: "weekly-digest", campaignLabel: "2026-Q4", praise: 1, answers: 1, positiveShare: 1, potCents: 100, charityName: "Les Restos du Cœur" });
    // The chart ends on the pot the digest states (54 days into the quarter).
    expect(chart).toMatchObject({ url: expect.stringMatching(/^http:\/\/localhost:3978\/charts\/[\w.-]+\.png$/), figure: { kind: "campaign-pot", campaignLabel: "2026-Q4", amountCents: 100, days: 54 } });
  });

  it("erases comment texts past the retention period and keeps the figures", async () => {
    const old = await answered("Super intervention", "2025-10-01T10:00:00Z");
    const recent = await answered("Encore merci", "2026-11-01T10:00:00Z");
    // The webhooks' replay memory is kept a month.
    await store.webhookDeliveries.firstSeen("glpi", "old-signature", new Date("2026-10-01T10:00:00Z"));
    await store.webhookDeliveries.firstSeen("glpi", "recent-signature", new Date("2026-11-19T10:00:00Z"));
    clock.set("2026-11-20T03:30:00Z");
    await scheduler().runAll();
    const oldRow = await store.db.answer.findUniqueOrThrow({ where: { id: old.ok ? old.answer.id : "" } });
    expect(oldRow).toMatchObject({ comment: null, normalizedComment: null, rating: 3 });
    expect(oldRow.erasedAt).not.toBeNull();
    expect((await store.db.answer.findUniqueOrThrow({ where: { id: recent.ok ? recent.answer.id : "" } })).comment).toBe("Encore merci");
    expect(await store.db.contribution.count({ where: { status: "active" } })).toBe(2);
    expect(await store.db.auditEntry.findFirst({ where: { action: "comments.retention-erase" } })).toMatchObject({ actor: "system" });
    expect((await store.db.webhookDelivery.findMany()).map((d) => d.key)).toEqual(["recent-signature"]);
  });
});
