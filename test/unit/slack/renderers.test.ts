// Block Kit renderers, tested on the JSON they produce: every CommandReply kind, the survey in both
// languages and scales, and escaping of every user-supplied text.
import { describe, expect, it } from "vitest";
import { renderReply } from "../../../src/adapters/slack/blocks/reply-blocks.js";
import { renderAnswered, renderSurvey } from "../../../src/adapters/slack/blocks/survey-blocks.js";
import { progressBar, renderFollowUp, renderProgress, renderProgressNews, renderTeamPost, renderThankYou } from "../../../src/adapters/slack/blocks/note-blocks.js";
import { readCommentSubmission, renderCommentModal } from "../../../src/adapters/slack/blocks/comment-modal.js";
import { escapeMrkdwn, quoteMrkdwn } from "../../../src/adapters/slack/escape.js";
import { decodeMetadata, decodeRating } from "../../../src/adapters/slack/ids.js";
import type { CommandReply } from "../../../src/app/commands/replies.js";
import type { StatusReport, SurveyPrompt } from "../../../src/core/views.js";

const json = (v: unknown) => JSON.stringify(v);
const evil = "<!channel> <@U123> <https://x.example|click> & co";
const escaped = "&lt;!channel&gt; &lt;@U123&gt; &lt;https://x.example|click&gt; &amp; co";

function buttons(blocks: unknown[]): { action_id: string; value?: string; text: { text: string } }[] {
  return (blocks as { type: string; elements?: { type: string; action_id: string; value?: string; text: { text: string } }[] }[])
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b.elements ?? []).filter((e) => e.type === "button"));
}

const prompt: SurveyPrompt = {
  surveyId: "s-1",
  surveyUrl: "http://localhost/s/x",
  locale: "fr",
  ticketRef: "#42",
  ticketTitle: `Imprimante ${evil}`,
  technicianName: "Camille <@U1>",
  clientName: "Client & Co",
  ratingScale: 3,
  amountCents: 200,
  expiresAt: new Date("2026-12-01T00:00:00Z"),
  reminder: false,
};

describe("escaping", () => {
  it("escapes &, < and > so nobody is pinged", () => {
    expect(escapeMrkdwn(evil)).toBe(escaped);
    expect(quoteMrkdwn("a <!here>\nb")).toBe(">a &lt;!here&gt;\n>b");
  });
});

describe("survey message", () => {
  it("carries the ticket, the technician, three rating buttons and the optional line, in French", () => {
    const m = renderSurvey(prompt);
    const b = buttons(m.blocks);
    expect(b.map((x) => x.text.text)).toEqual(["Efficace", "Correct", "Mauvaise"]);
    expect(b.map((x) => decodeRating(x.value))).toEqual([3, 2, 1].map((r) => ({ surveyId: "s-1", rating: r })));
    const text = json(m.blocks);
    expect(text).toContain(escaped);
    expect(text).toContain("Camille &lt;@U1&gt;");
    expect(text).toContain("Client &amp; Co");
    expect(text).toContain("aucune contrepartie");
    // The configured amount per comment (CAGNOTTE_AMOUNT_CENTS=200 here), not a fixed 1 €.
    expect(text).toMatch(/ajoute 2,00\s€ à la cagnotte/);
    expect(text).not.toContain("<!channel>");
  });

  it("speaks English and offers 1–5 when configured", () => {
    const m = renderSurvey({ ...prompt, ratingScale: 5 }, "en");
    expect(buttons(m.blocks).map((x) => x.text.text)).toEqual(["5/5", "4/5", "3/5", "2/5", "1/5"]);
    expect(json(m.blocks)).toContain("brings you nothing in return");
    expect(renderSurvey({ ...prompt }, "en").blocks.length).toBeGreaterThan(0);
    expect(buttons(renderSurvey(prompt, "en").blocks).map((x) => x.text.text)).toEqual(["Great", "OK", "Poor"]);
  });

  it("shows the answered state with a withdraw button, then the withdrawn state without it", () => {
    const card = { locale: "fr" as const, ticketRef: "#42", ticketTitle: "VPN", rating: 3, ratingScale: 3, answerId: "a-1", comment: evil, shareConsent: true, withdrawn: null };
    const answered = renderAnswered(card);
    expect(buttons(answered.blocks)).toEqual([expect.objectContaining({ action_id: "cagnotte_withdraw", value: "a-1" })]);
    expect(json(answered.blocks)).toContain(escaped);
    const withdrawn = renderAnswered({ ...card, comment: null, withdrawn: { reversedCents: 100 } });
    expect(buttons(withdrawn.blocks)).toEqual([]);
    expect(json(withdrawn.blocks)).toContain("déduit de la cagnotte");
  });
});

describe("comment modal", () => {
  it("keeps the survey and the DM's place in private_metadata and limits the comment to 1,000 characters", () => {
    const view = renderCommentModal({ surveyId: "s-1", rating: 2, channel: "D1", ts: "1.2" }, { locale: "en", ratingScale: 3, ticketRef: "#42" });
    expect(decodeMetadata(view.private_metadata)).toEqual({ surveyId: "s-1", rating: 2, channel: "D1", ts: "1.2" });
    expect(json(view.blocks)).toContain('"max_length":1000');
    expect(json(view.blocks)).toContain('"multiline":true');
    expect(json(view.blocks)).toContain("may be shared with the team");
  });

  it("reads the comment and the consent from the submitted state", () => {
    expect(readCommentSubmission({ values: { comment: { comment_input: { value: "Merci" } }, share: { share_input: { selected_options: [{ value: "share" }] } } } })).toEqual({ comment: "Merci", shareConsent: true });
    expect(readCommentSubmission({ values: {} })).toEqual({ comment: null, shareConsent: false });
  });
});

describe("notes and team posts", () => {
  const note = { answerId: "a", locale: "fr" as const, rating: 3, ratingScale: 3, comment: evil, requesterName: "Marie <@U9>", clientName: "ACME", ticketRef: "#42", ticketTitle: "VPN", addedCents: 100, potCents: 1200 };

  it("praises with rating, escaped comment, client, ticket and what it added", () => {
    const m = renderThankYou(note);
    const text = json(m.blocks);
    expect(text).toContain(escaped);
    expect(text).toContain("Marie &lt;@U9&gt;");
    expect(text).toMatch(/\+1,00\s€/);
    expect(text).toMatch(/12,00\s€/);
    expect(m.text).toContain("Marie <@U9>"); // plain text: the platform escapes it when posting
  });

  it("shows a follow-up to management with the technician's name", () => {
    const text = json(renderFollowUp({ ...note, rating: 1, technicianName: "Camille" }).blocks);
    expect(text).toContain("Camille");
    expect(text).toContain("Mauvaise");
  });

  it("draws progress towards the next milestone and posts news only for milestones and shared comments", () => {
    expect(progressBar(300, 1000, "fr")).toMatch(/^▰▰▰▱▱▱▱▱▱▱ {2}3,00\s€ \/ 10,00\s€$/);
    expect(progressBar(1000, 1000, "en")).toMatch(/^▱{10} {2}€10\.00 \/ €20\.00$/);
    const p = { campaignId: "c", campaignLabel: "T4 2026", charityName: "Rêves <b>", amountCents: 1000, countedComments: 10, daysLeft: 3, milestoneCents: null, sharedComment: null };
    expect(json(renderProgress(p, "fr", 1000).blocks)).toContain("Rêves &lt;b&gt;");
    expect(renderProgressNews(p, "fr")).toBeNull();
    const news = renderProgressNews({ ...p, milestoneCents: 1000, sharedComment: evil }, "en");
    expect(json(news?.blocks)).toContain(escaped);
    expect(json(news?.blocks)).toContain("just passed");
  });

  it("escapes team posts", () => {
    const m = renderTeamPost({ kind: "announcement", title: { fr: "Titre", en: "Title" }, lines: { fr: [evil], en: [evil] } }, "fr");
    expect(json(m.blocks)).toContain(escaped);
  });
});

describe("/cagnotte replies", () => {
  const report: StatusReport = {
    campaignId: "c",
    campaignLabel: "T4 2026",
    charityName: "Rêves",
    needsCharity: false,
    open: true,
    amountCents: 1200,
    countedComments: 12,
    answers: 20,
    surveys: 40,
    responseRate: 0.5,
    positiveShare: 0.9,
    daysLeft: 30,
    management: null,
  };
  const replies: CommandReply[] = [
    { kind: "status", report },
    { kind: "status", report: { ...report, management: { topTechnicians: [{ name: "Camille <@U1>", praiseCount: 4 }], pendingModeration: 2, requestersAtCap: 1, clientsAtCap: 0 } } },
    { kind: "history", history: { campaigns: [{ campaignLabel: "T3 2026", charityName: "Rêves", amountCents: 5000, countedComments: 50, status: "closed", payout: { amountCents: 5000, paidOn: new Date("2026-10-10"), reference: "VIR <42>" } }], totalGivenCents: 5000 } },
    { kind: "help", management: true },
    { kind: "charities", charities: [{ id: "ch", name: "Rêves <x>", description: null, url: "https://reves.example", queuePosition: 1 }] },
    { kind: "moderation-queue", items: [{ id: "m-1", answerId: "a", verdict: "review", comment: evil, terms: ["x"], ticketRef: "#1", requesterName: "Marie", clientName: "ACME", createdAt: new Date() }] },
    { kind: "audit", entries: [{ at: new Date("2026-11-01T10:00:00Z"), actor: "boss@esn.example", action: "override", subject: "a-1", reason: evil }] },
    { kind: "file", filename: "cagnotte.csv", contentType: "text/csv", content: "a,b", title: { fr: "Export CSV", en: "CSV export" } },
    { kind: "done", text: { fr: `Fait ${evil}`, en: "Done" } },
    { kind: "refused", code: "not-management", text: { fr: "Réservé", en: "Management only" } },
  ];

  it.each(replies.map((r, i) => [r.kind, i] as const))("renders %s without any unescaped mention", (_kind, i) => {
    const m = renderReply(replies[i]!, "fr");
    expect(m.blocks.length).toBeGreaterThan(0);
    expect(json(m.blocks)).not.toMatch(/<!channel>|<@U\d|<https/);
  });

  it("shows the management view only when the report carries it", () => {
    expect(json(renderReply(replies[0]!, "en").blocks)).not.toContain("Management view");
    const management = json(renderReply(replies[1]!, "en").blocks);
    expect(management).toContain("Management view");
    expect(management).toContain("Awaiting moderation: 2");
    expect(json(renderReply(replies[0]!, "fr").blocks)).toMatch(/12,00\s€/);
  });

  it("puts approve and reject buttons on each moderation item", () => {
    const b = buttons(renderReply(replies[5]!, "fr").blocks);
    expect(b.map((x) => [x.action_id, x.value])).toEqual([
      ["cagnotte_moderation_approve", "m-1"],
      ["cagnotte_moderation_reject", "m-1"],
    ]);
  });

  it("lists payouts in history and management commands in help", () => {
    expect(json(renderReply(replies[2]!, "fr").blocks)).toContain("VIR &lt;42&gt;");
    expect(json(renderReply(replies[3]!, "en").blocks)).toContain("/cagnotte export");
    expect(json(renderReply({ kind: "help", management: false }, "en").blocks)).not.toContain("payout");
  });
});

describe("French plurals", () => {
  it("puts 0 and 1 in the singular, as French does", () => {
    const report: StatusReport = { campaignId: "c", campaignLabel: "T4", charityName: null, needsCharity: true, open: true, amountCents: 0, countedComments: 0, answers: 0, surveys: 1, responseRate: 0, positiveShare: null, daysLeft: 1, management: null };
    const text = json(renderReply({ kind: "status", report }, "fr").blocks);
    expect(text).toContain("0 commentaire compté");
    expect(text).toContain("1 jour restant");
    expect(json(renderReply({ kind: "status", report: { ...report, countedComments: 2 } }, "fr").blocks)).toContain("2 commentaires comptés");
  });
});
