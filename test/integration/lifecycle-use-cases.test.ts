// The lifecycle use cases called directly, without the scheduler: the one closing shared by the
// quarterly rollover and management's early close, and the settings each use case is given.
// (Through the scheduler and its leases: lifecycle-jobs.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import { getStatus } from "../../src/app/get-status.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { closeCampaign } from "../../src/app/management/close-campaign.js";
import { closeAndAnnounce } from "../../src/app/lifecycle/close-and-announce.js";
import { rolloverCampaigns } from "../../src/app/lifecycle/rollover-campaigns.js";
import { remindSurveys } from "../../src/app/lifecycle/remind-surveys.js";
import { postWeeklyDigest } from "../../src/app/lifecycle/post-weekly-digest.js";
import { eraseOldComments } from "../../src/app/lifecycle/erase-old-comments.js";
import { SYSTEM_ACTOR } from "../../src/app/lifecycle/system-actor.js";
import { DEFAULT_BUSINESS_HOURS } from "../../src/core/schedule/business-hours.js";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import type { Store } from "../../src/ports/store.js";
import type { TeamPost } from "../../src/core/views.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";

let store: Store & { db: Db };
let close: () => Promise<void>;
let clock: FixedClock;

beforeEach(async () => {
  const t = await openTestStore("sqlite");
  store = t.store;
  close = t.close;
  clock = new FixedClock(new Date("2026-11-18T10:00:00Z"));
  await store.charities.add({ name: "Les Restos du Cœur", now: clock.now() });
});
afterEach(async () => close());

const ctx = () => testContext(store, clock);

async function answered(comment: string, at: string) {
  clock.set(at);
  const r = await ticketClosed(ctx(), ticketEvent({ closedAt: new Date(at) }));
  if (r.status !== "scheduled") throw new Error("not scheduled");
  const context = (await store.surveys.findContext(r.surveyId))!;
  const a = await answerSurvey(ctx(), { surveyId: r.surveyId, answerer: { surveyToken: context.survey.token }, rating: 3, comment });
  if (!a.ok) throw new Error(a.refusal.code);
  return a;
}

async function closingsRecorded() {
  const posts = await store.db.outboxMessage.findMany({ where: { kind: "team-post" }, orderBy: { createdAt: "asc" } });
  const audit = await store.db.auditEntry.findMany({ where: { action: "campaign.close" }, orderBy: { at: "asc" } });
  return {
    posts: posts.map((p) => (JSON.parse(p.payload) as { post: TeamPost }).post).filter((p) => p.kind === "campaign-closed"),
    audit: audit.map((a) => ({ actor: a.actor, subject: a.subject, reason: a.reason, details: JSON.parse(a.details) as unknown })),
  };
}

describe("closing a campaign, from the rollover or from management", () => {
  it("records the same closing either way; only who, why and `early` differ", async () => {
    // Q3 ends and is closed by the rollover; Q4 is then closed early by a manager.
    await answered("Merci, très rapide", "2026-09-10T10:00:00Z");
    clock.set("2026-10-01T08:00:00Z");
    expect(await rolloverCampaigns(ctx(), clock.now())).toEqual({ closed: 1, opened: 1 });
    await answered("Parfait", "2026-11-18T10:00:00Z");
    expect(await closeCampaign(ctx(), { actorEmail: " Boss@ESN.example ", reason: " budget gelé " })).toEqual({ ok: true, campaign: "2026-Q4" });

    const { posts, audit } = await closingsRecorded();
    const figures = { charityName: "Les Restos du Cœur", amountCents: 100, countedComments: 1, answers: 1, positiveShare: 1 };
    expect(posts).toEqual([
      { kind: "campaign-closed", figures: { campaignLabel: "2026-Q3", ...figures, early: false } },
      // Q3's charity was dequeued when Q3 opened: Q4 opened with none.
      { kind: "campaign-closed", figures: { campaignLabel: "2026-Q4", ...figures, charityName: null, early: true } },
    ]);
    expect(audit).toEqual([
      { actor: SYSTEM_ACTOR, subject: "campaign:2026-Q3", reason: "quarter ended", details: { early: false } },
      { actor: "boss@esn.example", subject: "campaign:2026-Q4", reason: "budget gelé", details: { early: true } },
    ]);
    const q3 = await store.db.campaign.findFirstOrThrow({ where: { year: 2026, quarter: 3 } });
    const q4 = await store.db.campaign.findFirstOrThrow({ where: { year: 2026, quarter: 4 } });
    expect(q3).toMatchObject({ status: "closed", closedBy: SYSTEM_ACTOR, closedReason: "quarter ended", closedAt: new Date("2026-10-01T08:00:00Z") });
    expect(q4).toMatchObject({ status: "closed", closedBy: "boss@esn.example", closedReason: "budget gelé", closedAt: new Date("2026-11-18T10:00:00Z") });
  });

  it("closes once: a second closing of the same campaign writes nothing", async () => {
    await getStatus(ctx(), { email: null }); // Q4 opens
    const campaign = (await store.campaigns.findByQuarter(2026, 4))!;
    const closing = { at: clock.now(), by: SYSTEM_ACTOR, reason: "quarter ended", early: false };
    expect(await store.transaction((tx) => closeAndAnnounce(ctx(), tx, campaign, closing))).toBe(true);
    expect(await store.transaction((tx) => closeAndAnnounce(ctx(), tx, campaign, { ...closing, by: "boss@esn.example", early: true }))).toBe(false);
    const { posts, audit } = await closingsRecorded();
    expect(posts).toHaveLength(1);
    expect(audit).toEqual([expect.objectContaining({ actor: SYSTEM_ACTOR })]);
  });

  it("a campaign closed early is not closed again by the rollover at the end of its quarter", async () => {
    await answered("Merci", "2026-11-18T10:00:00Z");
    expect(await closeCampaign(ctx(), { actorEmail: "boss@esn.example", reason: null })).toMatchObject({ ok: true });
    clock.set("2026-12-31T23:00:05Z"); // 00:00:05 on 1 January in Paris
    expect(await rolloverCampaigns(ctx(), clock.now())).toEqual({ closed: 0, opened: 1 });
    const { posts, audit } = await closingsRecorded();
    expect(posts.map((p) => p.kind === "campaign-closed" && p.figures.early)).toEqual([true]);
    expect(audit).toHaveLength(1);
    expect((await store.campaigns.findByQuarter(2027, 1))!.status).toBe("open");
  });
});

describe("lifecycle use cases take the settings they need", () => {
  async function deliveredSurvey(at: string): Promise<string> {
    clock.set(at);
    const r = await ticketClosed(ctx(), ticketEvent({ closedAt: new Date(at) }));
    if (r.status !== "scheduled") throw new Error("not scheduled");
    await store.surveys.transition(r.surveyId, ["pending"], "delivered", { platform: "slack", messageRef: "m", at: new Date(at) });
    return r.surveyId;
  }

  it("reminds at 9:00 on Monday a survey whose reminder fell due at 20:00 on Friday, once", async () => {
    const settings = { reminderDelayHours: 48, businessHours: DEFAULT_BUSINESS_HOURS };
    await deliveredSurvey("2026-11-18T19:00:00Z"); // Wednesday 20:00 Paris + 48 h = Friday 20:00
    const at = (iso: string) => remindSurveys(ctx(), new Date(iso), settings);
    expect(await at("2026-11-20T19:00:00Z")).toEqual({ reminded: 0 }); // Friday 20:00
    expect(await at("2026-11-22T10:00:00Z")).toEqual({ reminded: 0 }); // Sunday
    expect(await at("2026-11-23T07:59:59Z")).toEqual({ reminded: 0 }); // Monday 8:59:59
    expect(await at("2026-11-23T08:00:00Z")).toEqual({ reminded: 1 }); // Monday 9:00
    expect(await at("2026-11-23T08:05:00Z")).toEqual({ reminded: 0 });
    // The delay is the caller's setting: with 24 h, a survey delivered Monday 10:00 is due Tuesday 10:00.
    await deliveredSurvey("2026-11-23T09:00:00Z");
    expect(await remindSurveys(ctx(), new Date("2026-11-24T08:59:00Z"), { ...settings, reminderDelayHours: 24 })).toEqual({ reminded: 0 });
    expect(await remindSurveys(ctx(), new Date("2026-11-24T09:00:00Z"), { ...settings, reminderDelayHours: 24 })).toEqual({ reminded: 1 });
  });

  it("posts the digest of the configured slot once, and not when it is more than two days late", async () => {
    await answered("Merci beaucoup", "2026-11-18T10:00:00Z");
    const friday = { weekday: 5, minutes: 16 * 60 }; // Friday 16:00 Paris
    expect(await postWeeklyDigest(ctx(), new Date("2026-11-20T15:00:00Z"), friday)).toEqual({ posted: 1 });
    expect(await postWeeklyDigest(ctx(), new Date("2026-11-20T18:00:00Z"), friday)).toEqual({ posted: 0 });
    // Next Friday's slot, caught up on Sunday 15:00 (47 h late): posted; a Monday slot seen on Thursday: skipped.
    expect(await postWeeklyDigest(ctx(), new Date("2026-11-29T14:00:00Z"), friday)).toEqual({ posted: 1 });
    expect(await postWeeklyDigest(ctx(), new Date("2026-12-04T14:59:00Z"), friday)).toEqual({ posted: 0 }); // a minute before the next slot: the last one is a week old
    expect(await postWeeklyDigest(ctx(), new Date("2026-12-03T10:00:00Z"), { weekday: 1, minutes: 9 * 60 })).toEqual({ posted: 0 });
  });

  it("erases comments older than the retention it is given, and audits only a run that erased", async () => {
    await answered("Super intervention", "2026-06-01T10:00:00Z");
    await answered("Encore merci", "2026-11-01T10:00:00Z");
    const now = new Date("2026-11-20T03:30:00Z");
    expect(await eraseOldComments(ctx(), now, 365)).toEqual({ erased: 0 });
    expect(await store.db.auditEntry.count({ where: { action: "comments.retention-erase" } })).toBe(0);
    expect(await eraseOldComments(ctx(), now, 90)).toEqual({ erased: 1 });
    expect(await store.db.auditEntry.findFirst({ where: { action: "comments.retention-erase" } })).toMatchObject({ actor: SYSTEM_ACTOR, reason: "retention 90 days" });
    expect(await store.db.answer.count({ where: { comment: { not: null } } })).toBe(1);
  });
});
