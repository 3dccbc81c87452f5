// The presenter: every view model becomes a neutral message in the reader's language, with the
// facts people look for (amount, counts, ticket, rating, comment or its absence, days left).
import { describe, expect, it } from "vitest";
import type { AnsweredView, PotProgress, StatusReport, SurveyPrompt, ThankYouNote } from "../../../src/core/views.js";
import { messageTexts, presentAnswered, presentContent, presentHelp, presentHistory, presentReply, presentStatus, presentSurvey, type Presentation } from "../../../src/presenter/index.js";

const fr: Presentation = { locale: "fr", timeZone: "Europe/Paris", commandPrefix: "/cagnotte ", milestoneCents: 1000 };
const en: Presentation = { ...fr, locale: "en", commandPrefix: "cagnotte " };
// French figures use narrow no-break spaces ("1,00 €", "50 %"): compare with plain spaces.
const text = (m: Parameters<typeof messageTexts>[0]) => messageTexts(m).join("\n").replace(/[\u202f\u00a0]/g, " ");

const prompt: SurveyPrompt = {
  surveyId: "s1",
  surveyUrl: "http://localhost/s/t",
  ticketRef: "#4521",
  ticketTitle: "Imprimante",
  technicianName: "Camille",
  clientName: "Client SA",
  ratingScale: 3,
  amountCents: 100,
  caps: { perRequester: 3, perClient: 10 },
  expiresAt: new Date("2026-12-17T10:00:00Z"),
  reminder: false,
  rulesUrl: "http://localhost/reglement",
};

describe("presenter", () => {
  it("words the survey with its conditions, rating labels that agree, and the answer action", () => {
    const m = presentSurvey(prompt, fr);
    const all = text(m);
    expect(all).toContain("#4521 – Imprimante");
    expect(all).toContain("Camille");
    expect(all).toContain("1,00 €");
    expect(all).toContain("3 commentaires par personne et 10 par société");
    for (const label of ["Efficace", "Correcte", "Mauvaise"]) expect(all).toContain(label);
    const rating = m.blocks.find((b) => b.type === "input" && b.input.kind === "rating");
    expect(rating).toMatchObject({ input: { options: [{ value: 3, label: "Efficace" }, { value: 2 }, { value: 1 }] } });
    expect(m.blocks.at(-1)).toEqual({ type: "actions", actions: [{ id: "survey.answer", label: "Envoyer", value: "s1", style: "primary" }] });
    expect(text(presentSurvey(prompt, en))).toContain("€1.00");
  });

  it("shows a 5-point rating with its figure", () => {
    const m = presentSurvey({ ...prompt, ratingScale: 5 }, en);
    expect(text(m)).toContain("Good (4/5)");
  });

  it("answered: the comment, the pot, a withdraw button that asks first; withdrawn: no comment left", () => {
    const view: AnsweredView = { surveyId: "s1", answerId: "a1", ticketRef: "#4521", ticketTitle: null, rating: 3, ratingScale: 3, comment: "Top", shareConsent: true, addedCents: 100, withdrawn: null };
    const m = presentAnswered(view, en);
    expect(text(m)).toContain("Top");
    expect(text(m)).toContain("€1.00");
    expect(m.blocks.find((b) => b.type === "actions")).toMatchObject({ actions: [{ id: "comment.withdraw", value: "a1", confirm: { confirm: "Withdraw" } }] });
    const gone = presentAnswered({ ...view, comment: null, withdrawn: { reversedCents: 100 } }, en);
    expect(text(gone)).not.toContain("Top");
    expect(text(gone)).toContain("taken out of the pot");
    expect(gone.blocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("thank-you and progress carry the amounts and counts", () => {
    const note: ThankYouNote = { answerId: "a1", rating: 3, ratingScale: 3, comment: null, commentRemoved: null, requesterName: "Marie", clientName: "Client SA", ticketRef: "#1", ticketTitle: null, addedCents: 100, potCents: 700 };
    expect(text(presentContent({ kind: "thank-you", note }, fr))).toContain("+1,00 € pour la cagnotte, qui atteint 7,00 €");
    const progress: PotProgress = { campaignId: "c", campaignLabel: "2026-Q4", charityName: "Rêves de Gosse", amountCents: 700, countedComments: 7, daysLeft: 28, milestoneCents: null, sharedComment: null, sharedAnswerId: null, commentRemoved: null };
    const p = text(presentContent({ kind: "progress", progress }, fr));
    expect(p).toContain("7,00 €");
    expect(p).toContain("28");
    expect(p).toContain("▰▰▰▰▰▰▰▱▱▱");
  });

  it("status: facts for everyone, the charity hint says `charity add`, management figures for management only", () => {
    const report: StatusReport = {
      campaignId: "c", campaignLabel: "2026-Q4", charityName: null, needsCharity: true, open: true, amountCents: 300, countedComments: 3,
      answers: 5, surveys: 10, responseRate: 0.5, positiveShare: 0.8, daysLeft: 12, management: null,
    };
    const everyone = text(presentStatus(report, fr));
    expect(everyone).toContain("3,00 €");
    expect(everyone).toContain("50 %");
    expect(everyone).toContain("charity add");
    expect(everyone).not.toContain("Vue direction");
    const boss = text(presentStatus({ ...report, management: { topTechnicians: [{ name: "Camille", praiseCount: 4 }], pendingModeration: 2, requestersAtCap: 1, clientsAtCap: 0 } }, fr));
    expect(boss).toContain("Camille (4)");
    expect(boss).toContain("1 demandeur, 0 client");
  });

  it("history says an open campaign is in progress and a closed one's payout", () => {
    const m = presentHistory({
      campaigns: [
        { campaignLabel: "2026-Q4", charityName: "A", amountCents: 300, countedComments: 3, answers: 4, status: "open", payout: null },
        { campaignLabel: "2026-Q3", charityName: "B", amountCents: 1200, countedComments: 12, answers: 15, status: "closed", payout: { amountCents: 1200, paidOn: new Date("2026-10-05T10:00:00Z"), reference: "VIR-1", reason: null } },
        { campaignLabel: "2026-Q2", charityName: "C", amountCents: 1250, countedComments: 13, answers: 14, status: "closed", payout: { amountCents: 1300, paidOn: new Date("2026-07-05T10:00:00Z"), reference: "VIR-0", reason: "rounded up" } },
      ],
      totalGivenCents: 1200,
    }, en);
    const all = text(m);
    expect(all).toContain("2026-Q4 · A · €3.00 (3 counted comments) · in progress");
    expect(all).toContain("paid €12.00 on 5 Oct 2026 (ref. VIR-1)");
    expect(all).toContain("pot €12.50, paid €13.00 on 5 Jul 2026 (ref. VIR-0): rounded up");
    expect(all).not.toContain("…");
  });

  it("help: everyone's commands apart from management's, with the platform's prefix and examples", () => {
    const m = presentHelp(true, en, { management: ["teamsChannel"] });
    const lists = m.blocks.filter((b) => b.type === "list");
    expect(lists.map((l) => l.type === "list" && l.heading)).toEqual(["For everyone", "For management"]);
    expect(text(m)).toContain("cagnotte status: where this quarter's pot stands");
    expect(text(m)).toContain("(example: cagnotte payout 2026-Q3 123.00");
    expect(text(m)).toContain("cagnotte channel");
    expect(presentHelp(false, en).blocks.filter((b) => b.type === "list")).toHaveLength(1);
  });

  it("refusals and confirmations come from the catalogue", () => {
    expect(presentReply({ kind: "refused", refusal: { code: "not-author" } }, fr).title).toBe("Seul l'auteur du commentaire peut le retirer.");
    expect(presentReply({ kind: "done", done: { kind: "payout-recorded", amountCents: 12300, campaignLabel: "2026-Q3" } }, en).title).toBe("Payout of €123.00 recorded for 2026-Q3.");
  });
});
