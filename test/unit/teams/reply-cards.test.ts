// Every CommandReply kind renders to an Adaptive Card that the adaptivecards library parses,
// with user text escaped and the moderation buttons wired to Action.Execute verbs.
import { describe, expect, it } from "vitest";
import type { CommandReply } from "../../../src/app/commands/replies.js";
import { replyCard, MAX_FILE_LINES } from "../../../src/adapters/teams/reply-cards.js";
import { surveyCard, answeredCard } from "../../../src/adapters/teams/survey-cards.js";
import { potProgressCard, thankYouCard, followUpCard, teamPostCard, noticeCard } from "../../../src/adapters/teams/note-cards.js";
import { cardProblems } from "../../support/adaptive-card-parser.js";
import { findAction } from "../../support/fake-connector/teams-activities.js";

const hostile = "**gras** [lien](https://evil.example) ${secret} <b>x</b> {{DATE(2026-01-01T00:00:00Z)}}";

const replies: CommandReply[] = [
  {
    kind: "status",
    report: {
      campaignId: "c1", campaignLabel: "T4 2026", charityName: hostile, needsCharity: false, open: true, amountCents: 1200, countedComments: 12,
      answers: 20, surveys: 30, responseRate: 0.666, positiveShare: 0.9, daysLeft: 36,
      management: { topTechnicians: [{ name: hostile, praiseCount: 4 }], pendingModeration: 2, requestersAtCap: 1, clientsAtCap: 0 },
    },
  },
  {
    kind: "history",
    history: {
      campaigns: [
        { campaignLabel: "T3 2026", charityName: "Rêves", amountCents: 4200, countedComments: 42, status: "closed", payout: { amountCents: 4200, paidOn: new Date("2026-10-05"), reference: "VIR-1" } },
        { campaignLabel: "T4 2026", charityName: null, amountCents: 100, countedComments: 1, status: "open", payout: null },
      ],
      totalGivenCents: 4200,
    },
  },
  { kind: "help", management: true },
  { kind: "help", management: false },
  { kind: "charities", charities: [{ id: "ch1", name: hostile, description: null, url: "https://reves.example", queuePosition: 1 }] },
  { kind: "charities", charities: [] },
  {
    kind: "moderation-queue",
    items: [
      { id: "m-1", answerId: "a1", verdict: "review", comment: hostile, terms: ["idiot"], ticketRef: "#T-1", requesterName: "Marie", clientName: "Client SA", createdAt: new Date("2026-11-20T10:00:00Z") },
      { id: "m-2", answerId: "a2", verdict: "review", comment: "Bof", terms: [], ticketRef: "#T-2", requesterName: null, clientName: null, createdAt: new Date("2026-11-21T10:00:00Z") },
    ],
  },
  { kind: "moderation-queue", items: [] },
  { kind: "audit", entries: [{ at: new Date("2026-11-20T10:00:00Z"), actor: "boss@esn.example", action: "override", subject: "a1", reason: hostile }] },
  { kind: "audit", entries: [] },
  { kind: "file", filename: "cagnotte-2026-T4.csv", contentType: "text/csv", content: `a,b\n${hostile},2\n`, title: { fr: "Export", en: "Export" } },
  { kind: "done", text: { fr: "Fait : *ok*", en: "Done: *ok*" } },
  { kind: "refused", code: "not-management", text: { fr: "Réservé", en: "Management only" } },
];

describe("reply cards", () => {
  it.each(replies.map((r) => [r.kind, r] as const))("renders %s in both languages, parseable, with user text escaped", (_kind, reply) => {
    for (const locale of ["fr", "en"] as const) {
      const card = replyCard(reply, locale);
      expect(cardProblems(card)).toEqual([]);
      const json = JSON.stringify(card);
      expect(json).not.toContain("**gras**");
      expect(json).not.toContain("[lien](https://");
      expect(json).not.toContain("{{DATE(");
    }
  });

  it("keeps ${…} in user text as typed: bound data is never expanded", () => {
    expect(JSON.stringify(replyCard(replies[4] as CommandReply, "fr"))).toContain("${secret}");
  });

  it("gives each moderation item approve and reject buttons that carry its id", () => {
    const card = replyCard(replies[6] as CommandReply, "en");
    expect(findAction(card, "moderation.approve", 0).data).toEqual({ itemId: "m-1" });
    expect(findAction(card, "moderation.reject", 1).data).toEqual({ itemId: "m-2" });
    expect(JSON.stringify(card)).toContain("Count it");
  });

  it("shows a CSV export in the card, cut after a bounded number of lines", () => {
    const content = ["h1,h2", ...Array.from({ length: 100 }, (_, i) => `row${i},${i}`)].join("\n");
    const card = replyCard({ kind: "file", filename: "x.csv", contentType: "text/csv", content, title: { fr: "Export", en: "Export" } }, "en");
    const json = JSON.stringify(card);
    expect(json).toContain("row0,0");
    expect(json).not.toContain("row99,99");
    expect(json).toContain(`${101 - MAX_FILE_LINES} more line(s) not shown`);
    expect(cardProblems(card)).toEqual([]);
  });
});

describe("notification cards", () => {
  const prompt = {
    surveyId: "s-1", surveyUrl: "http://x/s/t", locale: "en" as const, ticketRef: "#T-1", ticketTitle: hostile, technicianName: "Camille",
    clientName: "Client SA", ratingScale: 5 as const, amountCents: 100, expiresAt: new Date("2026-12-04T10:00:00.000Z"), reminder: true,
  };
  const note = { answerId: "a1", locale: "fr" as const, rating: 3, ratingScale: 3, comment: hostile, requesterName: "Marie", clientName: "Client SA", ticketRef: "#T-1", ticketTitle: null };

  it("asks the survey with a required expanded choice, a 1,000-character comment, the sharing toggle and the no-reward line", () => {
    const card = surveyCard(prompt);
    expect(cardProblems(card)).toEqual([]);
    const body = (card as { body: Record<string, unknown>[] }).body;
    expect(body.find((e) => e.type === "Input.ChoiceSet")).toMatchObject({ id: "rating", style: "expanded", isRequired: true });
    expect((body.find((e) => e.type === "Input.ChoiceSet") as { choices: unknown[] }).choices).toHaveLength(5);
    expect(body.find((e) => e.type === "Input.Text")).toMatchObject({ id: "comment", isMultiline: true, maxLength: 1000 });
    expect(body.find((e) => e.type === "Input.Toggle")).toMatchObject({ id: "share" });
    expect(JSON.stringify(card)).toContain("brings you nothing in return: each written comment adds €1.00 to the team");
    expect(JSON.stringify(card)).toContain("gentle reminder");
    expect(JSON.stringify(card)).toContain("Open until {{DATE(2026-12-04T10:00:00Z, SHORT)}}");
    expect(findAction(card, "survey.answer").data).toEqual({ surveyId: "s-1" });
  });

  it("renders the answered, praise, follow-up, progress, notice and team-post cards", () => {
    const cards = [
      answeredCard({ locale: "fr", answerId: "a1", ticketRef: "#T-1", ticketTitle: hostile, rating: 3, ratingScale: 3, comment: hostile, addedCents: 100 }),
      thankYouCard({ ...note, addedCents: 100, potCents: 1200 }),
      followUpCard({ ...note, rating: 1, technicianName: "Camille" }),
      potProgressCard({ campaignId: "c", campaignLabel: "T4 2026", charityName: "Rêves", amountCents: 1200, countedComments: 12, daysLeft: 3, milestoneCents: null, sharedComment: hostile }, "fr"),
      noticeCard({ fr: "Choisissez une association", en: "Choose a charity" }, "en"),
      teamPostCard({ kind: "campaign-closed", title: { fr: "Fin", en: "End" }, lines: { fr: ["42 €"], en: ["€42"] } }, "fr"),
    ];
    for (const card of cards) {
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toContain("**gras**");
    }
    expect(findAction(cards[0], "comment.withdraw").data).toEqual({ answerId: "a1" });
    expect(() => findAction(answeredCard({ locale: "fr", answerId: "a1", ticketRef: "#T-1", ticketTitle: null, rating: 3, ratingScale: 3, comment: null, addedCents: 0 }), "comment.withdraw")).toThrow();
  });
});

describe("the card check itself", () => {
  it("reports unknown elements and invalid values, so a clean result means something", () => {
    expect(cardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlok", text: "x" }] }).length).toBeGreaterThan(0);
    expect(cardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "Input.Text" }] }).length).toBeGreaterThan(0);
  });
});
