import { describe, expect, it } from "vitest";
import { cleanComment, isWrittenComment, normalizeComment } from "../../../src/core/rules/comment.js";
import { decideCount, DEFAULT_CAPS, type CountFacts } from "../../../src/core/rules/counting.js";
import { checkOverride } from "../../../src/core/rules/override.js";
import { planWithdrawal } from "../../../src/core/rules/withdrawal.js";
import { decideSurvey, surveyExpiresAt } from "../../../src/core/rules/survey-policy.js";
import { isPoorRating, isPositiveRating, isValidRating } from "../../../src/core/rules/rating.js";
import { acceptsContributionsAt, planCampaignOpening } from "../../../src/core/campaign/campaign-rules.js";
import { quarterOf } from "../../../src/core/campaign/quarter.js";
import { milestoneCrossed } from "../../../src/core/status/status-report.js";

describe("comment normalisation (rule 3: unique after case, spacing, punctuation)", () => {
  it.each([
    ["Très efficace !", "tres efficace"],
    ["  TRES   EFFICACE!!! ", "tres efficace"],
    ["Merci, toujours de bons conseils.", "merci toujours de bons conseils"],
    ["ok 11", "ok 11"],
  ])("%j → %j", (input, expected) => expect(normalizeComment(input)).toBe(expected));

  it("treats blank and punctuation-only text as not written", () => {
    expect(isWrittenComment("   ")).toBe(false);
    expect(isWrittenComment("...!?")).toBe(false);
    expect(isWrittenComment(null)).toBe(false);
    expect(isWrittenComment("ok")).toBe(true);
  });

  it("cleans to null when blank", () => {
    expect(cleanComment("  \n ")).toBeNull();
    expect(cleanComment(" Merci\r\n ")).toBe("Merci");
  });
});

const base: CountFacts = {
  comment: "Merci pour la rapidité",
  normalizedComment: "merci pour la rapidite",
  moderation: "clean",
  answeredByRequester: true,
  campaignAcceptsContributions: true,
  requesterCountedComments: [],
  requesterCounted: 0,
  clientCounted: 0,
  caps: DEFAULT_CAPS,
  amountCents: 100,
};

describe("decideCount (rules 3–5)", () => {
  it("counts a written, unique, acceptable comment from the requester in an open campaign", () => {
    expect(decideCount(base)).toEqual({ counted: true, amountCents: 100 });
  });
  it.each<[string, Partial<CountFacts>, string]>([
    ["no comment", { comment: null, normalizedComment: null }, "no-comment"],
    ["blank comment", { comment: " .. ", normalizedComment: "" }, "no-comment"],
    ["someone else", { answeredByRequester: false }, "not-requester"],
    ["campaign closed", { campaignAcceptsContributions: false }, "campaign-closed"],
    ["hateful", { moderation: "hateful" }, "moderation-rejected"],
    ["insult", { moderation: "insult" }, "moderation-rejected"],
    ["borderline", { moderation: "review" }, "moderation-pending"],
    ["repeat of a counted comment", { requesterCountedComments: ["merci pour la rapidite"] }, "duplicate-comment"],
    ["3rd requester comment already counted", { requesterCounted: 3 }, "requester-cap-reached"],
    ["10 client comments already counted", { clientCounted: 10 }, "client-cap-reached"],
  ])("does not count: %s", (_name, facts, reason) => {
    expect(decideCount({ ...base, ...facts })).toEqual({ counted: false, reason });
  });
  it("counts the 3rd of a requester and the 10th of a client", () => {
    expect(decideCount({ ...base, requesterCounted: 2, clientCounted: 9 }).counted).toBe(true);
  });
  it("uses configured caps and amount", () => {
    expect(decideCount({ ...base, requesterCounted: 3, caps: { perRequester: 5, perClient: 10 }, amountCents: 200 })).toEqual({ counted: true, amountCents: 200 });
  });
});

describe("override (rule 6)", () => {
  type OverrideInput = Parameters<typeof checkOverride>[0];
  const ok: OverrideInput = { existing: null, reason: "client called to thank", moderation: "clean", withdrawn: false, campaignPaid: false };
  it("allows counting an answer without comment or beyond caps, with a reason", () => {
    expect(checkOverride(ok)).toEqual({ ok: true });
    expect(checkOverride({ ...ok, existing: { status: "reversed" } })).toEqual({ ok: true });
  });
  it.each<[string, Partial<OverrideInput>, string]>([
    ["no reason", { reason: " " }, "reason-required"],
    ["already counted", { existing: { status: "active" } }, "already-counted"],
    ["hateful comment", { moderation: "hateful" }, "comment-hateful"],
    ["insulting comment", { moderation: "insult" }, "comment-insult"],
    ["comment waiting in moderation", { moderation: "review" }, "moderation-pending"],
    ["comment rejected in moderation", { moderation: "rejected" }, "comment-rejected"],
    ["withdrawn", { withdrawn: true }, "withdrawn"],
    ["campaign paid out", { campaignPaid: true }, "campaign-paid"],
  ])("refuses: %s", (_n, patch, reason) => {
    expect(checkOverride({ ...ok, ...patch })).toEqual({ ok: false, reason });
  });
});

describe("withdrawal (rule 7)", () => {
  it("erases always, reverses only while the campaign is open", () => {
    expect(planWithdrawal({ contributionActive: true, campaignOpen: true })).toEqual({ eraseText: true, reverseContribution: true });
    expect(planWithdrawal({ contributionActive: true, campaignOpen: false })).toEqual({ eraseText: true, reverseContribution: false });
    expect(planWithdrawal({ contributionActive: false, campaignOpen: true })).toEqual({ eraseText: true, reverseContribution: false });
  });
});

describe("survey policy (rule 2)", () => {
  type Facts = Parameters<typeof decideSurvey>[0];
  const facts = (patch: Partial<Facts>): Facts => ({
    kind: "incident",
    surveyedKinds: ["incident"],
    alreadyKnown: false,
    requesterEmail: "marie@client.example",
    technicianEmail: "camille@esn.example",
    staff: { emails: ["boss@esn.example"], domains: ["esn.example"] },
    demo: false,
    ...patch,
  });
  it("surveys incidents once", () => {
    expect(decideSurvey(facts({ kind: "Incident" }))).toEqual({ survey: true });
    expect(decideSurvey(facts({ alreadyKnown: true }))).toEqual({ survey: false, reason: "duplicate" });
  });
  it.each(["request", "order", "demande"])("does not survey %s", (kind) => {
    expect(decideSurvey(facts({ kind }))).toEqual({ survey: false, reason: "kind-not-surveyed" });
  });
  it("follows configured kinds", () => {
    expect(decideSurvey(facts({ kind: "problem", surveyedKinds: ["incident", "problem"] })).survey).toBe(true);
  });
  it("does not let anyone rate themselves or their own team (the local demo excepted)", () => {
    expect(decideSurvey(facts({ requesterEmail: "Camille@ESN.example" }))).toEqual({ survey: false, reason: "self-rating" });
    expect(decideSurvey(facts({ requesterEmail: "alex@esn.example" }))).toEqual({ survey: false, reason: "staff-requester" });
    expect(decideSurvey(facts({ requesterEmail: "boss@esn.example", staff: { emails: ["boss@esn.example"], domains: [] } }))).toEqual({ survey: false, reason: "staff-requester" });
    expect(decideSurvey(facts({ requesterEmail: "camille@esn.example", demo: true }))).toEqual({ survey: true });
  });
});

describe("survey expiry (rule 12: no limit on answering within a campaign)", () => {
  const zone = "Europe/Paris";
  it("lasts 90 days after the ticket closed by default", () => {
    // A setting below 90 days cannot shorten it (the configuration refuses it too).
    expect(surveyExpiresAt(new Date("2026-11-20T10:00:00Z"), { days: 14, timeZone: zone })).toEqual(new Date("2027-02-18T10:00:00Z"));
  });
  it("never ends before the campaign in which the ticket closed", () => {
    // Closed 30 December: 90 days take it to 30 March, past the end of Q4.
    expect(surveyExpiresAt(new Date("2026-12-30T10:00:00Z"), { days: 90, timeZone: zone })).toEqual(new Date("2027-03-30T10:00:00Z"));
    // Closed 2 October with a setting of 200 days: longer still.
    expect(surveyExpiresAt(new Date("2026-10-02T10:00:00Z"), { days: 200, timeZone: zone }).getTime()).toBe(new Date("2026-10-02T10:00:00Z").getTime() + 200 * 86_400_000);
  });
  it("keeps a ticket closed early in a quarter answerable to the quarter's end when that is later", () => {
    // A quarter is at most 92 days: 90 days from its first hour end on its last days, never before.
    const closed = new Date("2026-06-30T22:30:00Z"); // 1 July 00:30 Paris, Q3
    expect(surveyExpiresAt(closed, { days: 90, timeZone: zone })).toEqual(quarterOf(closed, zone).endsAt);
  });
});

describe("ratings", () => {
  it("classifies three levels and five", () => {
    expect([1, 2, 3].map((r) => [isPoorRating(r, 3), isPositiveRating(r, 3)])).toEqual([[true, false], [false, false], [false, true]]);
    expect([1, 2, 3, 4, 5].map((r) => isPoorRating(r, 5))).toEqual([true, true, false, false, false]);
    expect([1, 2, 3, 4, 5].map((r) => isPositiveRating(r, 5))).toEqual([false, false, false, true, true]);
    expect(isValidRating(4, 3)).toBe(false);
    expect(isValidRating(2.5, 5)).toBe(false);
  });
});

describe("campaigns (rules 1, 11)", () => {
  const q = quarterOf(new Date("2026-11-25T12:00:00Z"), "Europe/Paris");
  it("opens with the first queued charity, or without one and says so", () => {
    const queue = [
      { id: "b", name: "B", description: null, url: null, queuePosition: 2, vetting: null },
      { id: "a", name: "A", description: null, url: null, queuePosition: 1, vetting: null },
    ];
    expect(planCampaignOpening(q, queue)).toMatchObject({ charityId: "a", needsCharity: false, year: 2026, quarter: 4 });
    expect(planCampaignOpening(q, [])).toMatchObject({ charityId: null, needsCharity: true });
  });
  it("accepts money only while open and inside its quarter", () => {
    const open = { status: "open" as const, startsAt: q.startsAt, endsAt: q.endsAt };
    expect(acceptsContributionsAt(open, new Date("2026-12-31T22:59:59Z"))).toBe(true);
    expect(acceptsContributionsAt(open, new Date("2026-12-31T23:00:00Z"))).toBe(false);
    expect(acceptsContributionsAt({ ...open, status: "closed" }, new Date("2026-11-25T12:00:00Z"))).toBe(false);
  });
});

describe("milestones", () => {
  it("reports the milestone crossed, once", () => {
    expect(milestoneCrossed(900, 1000, 1000)).toBe(1000);
    expect(milestoneCrossed(1000, 1100, 1000)).toBeNull();
    expect(milestoneCrossed(1900, 2100, 1000)).toBe(2000);
    expect(milestoneCrossed(1100, 1000, 1000)).toBeNull();
  });
});
