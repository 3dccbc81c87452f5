// Rule 4 under load: 20 requesters of one client answer at the same moment; exactly 10 count.
import { afterEach, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";
import { openTestStore, providers } from "../support/databases.js";

describe.each(providers)("caps under concurrent answers (%s)", (provider) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it("20 concurrent answers from different requesters of one client count exactly 10", async () => {
    const db = await openTestStore(provider);
    close = db.close;
    const ctx = testContext(db.store, new FixedClock(new Date("2026-11-20T10:00:00Z")));
    const surveys = [];
    for (let i = 0; i < 20; i++) {
      const r = await ticketClosed(ctx, ticketEvent({ client: { id: "acme", name: "ACME" } }));
      if (r.status !== "scheduled") throw new Error("not scheduled");
      const context = await db.store.surveys.findContext(r.surveyId);
      surveys.push({ id: r.surveyId, token: context!.survey.token });
    }
    const results = await Promise.all(
      surveys.map((s, i) => answerSurvey(ctx, { surveyId: s.id, answerer: { surveyToken: s.token }, rating: 3, comment: `Merci beaucoup, intervention numéro ${i}` })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const counted = results.filter((r) => r.ok && r.counted);
    expect(counted).toHaveLength(10);
    expect(results.filter((r) => r.ok && r.reason === "client-cap-reached")).toHaveLength(10);
    const campaignId = counted[0]!.ok ? counted[0]!.campaignId : "";
    expect(await db.store.contributions.potCents(campaignId)).toBe(1000);
    expect(await db.store.contributions.countCounted(campaignId, {})).toBe(10);
  });

  it("one requester answering 5 surveys at once gets exactly 3 counted", async () => {
    const db = await openTestStore(provider);
    close = db.close;
    const ctx = testContext(db.store, new FixedClock(new Date("2026-11-20T10:00:00Z")));
    const requester = { email: "marie@acme.example", name: "Marie" };
    const surveys = [];
    for (let i = 0; i < 5; i++) {
      const r = await ticketClosed(ctx, ticketEvent({ requester, client: { id: "acme", name: "ACME" } }));
      if (r.status !== "scheduled") throw new Error("not scheduled");
      surveys.push({ id: r.surveyId, token: (await db.store.surveys.findContext(r.surveyId))!.survey.token });
    }
    const results = await Promise.all(
      surveys.map((s, i) => answerSurvey(ctx, { surveyId: s.id, answerer: { surveyToken: s.token }, rating: 3, comment: `Commentaire ${i}` })),
    );
    expect(results.filter((r) => r.ok && r.counted)).toHaveLength(3);
    expect(results.filter((r) => r.ok && r.reason === "requester-cap-reached")).toHaveLength(2);
  });
});
