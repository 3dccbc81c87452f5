// A closure that arrives after its survey's deadline (a late delivery, a backfill, a trial with an
// old reference payload) schedules no survey: the requester would get a link that answers "expired".
import { describe, expect, it } from "vitest";
import { decideSurvey, surveyExpiresAt, type SurveyFacts } from "../../../src/core/rules/survey-policy.js";

const facts: SurveyFacts = {
  kind: "incident",
  surveyedKinds: ["incident"],
  alreadyKnown: false,
  requesterEmail: "marie@client.example",
  technicianEmail: "camille@esn.example",
  staff: { emails: [], domains: [] },
  demo: false,
};

describe("a closure past its survey's deadline", () => {
  it("is not surveyed, while a recent one is", () => {
    expect(decideSurvey({ ...facts, pastDeadline: true })).toEqual({ survey: false, reason: "closed-too-long-ago" });
    expect(decideSurvey({ ...facts, pastDeadline: false })).toEqual({ survey: true });
  });

  it("still reports a duplicate or an unsurveyed kind first", () => {
    expect(decideSurvey({ ...facts, pastDeadline: true, alreadyKnown: true })).toEqual({ survey: false, reason: "duplicate" });
    expect(decideSurvey({ ...facts, pastDeadline: true, kind: "request" })).toEqual({ survey: false, reason: "kind-not-surveyed" });
  });

  it("the deadline of a ticket closed on 16 October 2025 (GLPI's reference payload) passed in January 2026", () => {
    const deadline = surveyExpiresAt(new Date("2025-10-16T14:58:40Z"), { days: 90, timeZone: "Europe/Paris" });
    expect(deadline.getTime()).toBeLessThan(new Date("2026-12-03T15:00:00Z").getTime());
    expect(deadline.getTime()).toBeGreaterThan(new Date("2025-12-31T23:00:00Z").getTime());
  });
});
