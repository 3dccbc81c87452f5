// The contract of the neutral message: Block Kit (Slack), Adaptive Card (Teams) and HTML (web
// page) lay out the same message, so the facts people look for — amount, counts, ticket
// reference, rating label, the comment or its absence, days left — appear in all three.
import { describe, expect, it } from "vitest";
import { renderMessage as renderBlocks } from "../../../src/adapters/slack/render/block-kit.js";
import { renderCard } from "../../../src/adapters/teams/render-card.js";
import { renderMessage as renderHtml } from "../../../src/adapters/http/web-survey/render-html.js";
import type { AnsweredView, ChartImage, ChatContent, CommandReply, PotProgress, SurveyPrompt, ThankYouNote } from "../../../src/core/views.js";
import { REFUSAL_CODES } from "../../../src/core/refusal.js";
import { presentAnswered, presentContent, presentReply, type Message, type Presentation } from "../../../src/presenter/index.js";
import { visibleTexts } from "../../support/html-page.js";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** Every string a rendered JSON holds, joined: what a person can read on that platform. */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Undo each platform's escaping (mrkdwn entities, Markdown backslashes, zero-width breaks) and French spaces. */
const readable = (texts: string[]) =>
  texts
    .join("\n")
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\\(.)/g, "$1")
    .replace(/\u200b/g, "")
    .replace(/[\u202f\u00a0]/g, " ");

const renderers: Record<string, (m: Message) => string> = {
  slack: (m) => {
    const r = renderBlocks(m);
    return readable([r.text, ...stringsOf(r.blocks)]);
  },
  teams: (m) => readable(stringsOf(renderCard(m))),
  web: (m) => readable(visibleTexts(renderHtml(m, { answerPath: "/s/t", withdrawPath: "/s/t/withdraw" }).value)),
};

const fr: Presentation = { locale: "fr", timeZone: "Europe/Paris", commandPrefix: "cagnotte ", milestoneCents: 1000 };
const en: Presentation = { ...fr, locale: "en" };

const prompt: SurveyPrompt = {
  surveyId: "s1", surveyUrl: "http://localhost/s/t", ticketRef: "#4521", ticketTitle: "Imprimante", technicianName: "Camille",
  clientName: "Client SA", ratingScale: 3, amountCents: 100, caps: { perRequester: 3, perClient: 10 },
  expiresAt: new Date("2027-02-18T10:00:00Z"), reminder: false, rulesUrl: "http://localhost/reglement",
};
const answered: AnsweredView = { surveyId: "s1", answerId: "a1", ticketRef: "#4521", ticketTitle: null, rating: 3, ratingScale: 3, comment: "Top service, merci", shareConsent: true, addedCents: 100, withdrawn: null };
const note: ThankYouNote = { answerId: "a1", rating: 3, ratingScale: 3, comment: "Top service, merci", commentRemoved: null, requesterName: "Marie", clientName: "Client SA", ticketRef: "#4521", ticketTitle: null, addedCents: 100, potCents: 700 };
const progress: PotProgress = { campaignId: "c", campaignLabel: "2026-Q4", charityName: "Rêves de Gosse", amountCents: 700, countedComments: 7, daysLeft: 28, milestoneCents: 1000, sharedComment: "Top service, merci", sharedAnswerId: "a1", commentRemoved: null };
const status: CommandReply = {
  kind: "status",
  report: {
    campaignId: "c", campaignLabel: "2026-Q4", charityName: "Rêves de Gosse", needsCharity: false, open: true, amountCents: 700, countedComments: 7,
    answers: 9, surveys: 12, responseRate: 0.75, positiveShare: 0.89, daysLeft: 28,
    management: { topTechnicians: [{ name: "Camille", praiseCount: 5 }], pendingModeration: 1, requestersAtCap: 2, clientsAtCap: 0 },
  },
};

const content = (c: ChatContent, p = fr) => presentContent(c, p);

// Charts: a picture served by the bot, its alt text saying the figures it shows.
const chartUrl = "https://cagnotte.example.com/charts/abc.def.png";
const campaignChart: ChartImage = { url: chartUrl, figure: { kind: "campaign-pot", campaignLabel: "2026-Q4", amountCents: 700, days: 54 } };
const quartersChart: ChartImage = { url: chartUrl, figure: { kind: "quarters-pot", campaigns: 8, firstLabel: "2025-Q1", lastLabel: "2026-Q4", totalCents: 12_345 } };
const statusWithChart: CommandReply = { kind: "status", report: { ...(status as Extract<CommandReply, { kind: "status" }>).report, chart: campaignChart } };
const digest: ChatContent = { kind: "team-post", post: { kind: "weekly-digest", campaignLabel: "2026-Q4", praise: 3, answers: 4, positiveShare: 0.75, potCents: 700, charityName: "Rêves de Gosse", chart: campaignChart } };

/** Each case: the message, and the facts every renderer must show (and those none may show). */
const cases: [string, Message, string[], string[]][] = [
  ["survey", content({ kind: "survey", prompt }), ["#4521", "Camille", "1,00 €", "Efficace", "Correcte", "Mauvaise"], []],
  ["answered", presentAnswered(answered, fr), ["#4521", "Efficace", "Top service, merci", "1,00 €"], []],
  ["answered then withdrawn", presentAnswered({ ...answered, comment: null, withdrawn: { reversedCents: 100 } }, en), ["#4521", "Great", "taken out of the pot"], ["Top service"]],
  ["answered, then retracted by management", presentAnswered({ ...answered, comment: null, commentRemoved: "withdrawn", addedCents: 0 }, fr), ["#4521", "Efficace", "Commentaire retiré."], ["Top service"]],
  ["answered without comment", presentAnswered({ ...answered, comment: null, addedCents: 0 }, en), ["#4521", "Great"], ["Top service"]],
  ["thank-you", content({ kind: "thank-you", note }), ["#4521", "Efficace", "Top service, merci", "+1,00 €", "7,00 €"], []],
  ["thank-you without comment", content({ kind: "thank-you", note: { ...note, comment: null, addedCents: 0 } }, en), ["#4521", "Great", "adds nothing"], ["Top service"]],
  ["thank-you whose comment was withdrawn", content({ kind: "thank-you", note: { ...note, comment: null, commentRemoved: "withdrawn", addedCents: 0 } }), ["#4521", "Efficace", "Commentaire retiré"], ["Top service", "Signaler"]],
  ["follow-up", content({ kind: "follow-up", note: { ...note, rating: 1, technicianName: "Camille" } }), ["#4521", "Mauvaise", "Camille", "Top service, merci"], []],
  ["progress", content({ kind: "progress", progress }), ["7,00 €", "7", "28", "Rêves de Gosse"], ["Top service"]],
  ["milestone", content({ kind: "milestone", progress }, en), ["€10.00", "€7.00", "7 counted comments", "28 days left"], []],
  ["shared comment", content({ kind: "shared-comment", progress }), ["Top service, merci"], []],
  ["shared comment hidden after a report", content({ kind: "shared-comment", progress: { ...progress, sharedComment: null, commentRemoved: "hidden" } }, en), ["Comment hidden pending moderation"], ["Top service", "Report this comment"]],
  ["status (management)", presentReply(status, fr), ["7,00 €", "7", "9 / 12", "75 %", "89 %", "28", "Camille (5)", "1"], []],
  ["history", presentReply({ kind: "history", history: { campaigns: [{ campaignLabel: "2026-Q3", charityName: "Sine Qua Non", amountCents: 1200, countedComments: 12, answers: 15, status: "closed", payout: { amountCents: 1200, paidOn: new Date("2026-10-05T10:00:00Z"), reference: "VIR-1", reason: null } }], totalGivenCents: 1200 } }, en), ["2026-Q3", "€12.00", "12 counted comments", "VIR-1"], []],
  ["status (requester)", presentReply({ ...status, report: { ...status.report, management: null } }, en), ["€7.00", "9 / 12", "75%", "28"], ["Camille (5)"]],
  ["help (management)", presentReply({ kind: "help", management: true }, fr), ["cagnotte status", "cagnotte payout", "Pour la direction"], []],
  ["help (everyone)", presentReply({ kind: "help", management: false }, en), ["cagnotte status", "cagnotte withdraw"], ["cagnotte payout"]],
  [
    "moderation queue",
    presentReply({ kind: "moderation-queue", items: [{ id: "m1", answerId: "a1", verdict: "review", comment: "Un avis un peu vif", terms: ["vif"], ticketRef: "#4521", requesterName: "Marie", clientName: "Client SA", createdAt: new Date("2026-11-20T10:00:00Z") }] }, fr),
    ["#4521", "Marie", "Un avis un peu vif", "vif"],
    [],
  ],
  ["status (management) with its chart", presentReply(statusWithChart, fr), ["7,00 €", "La cagnotte 2026-Q4, jour après jour"], []],
  ["weekly digest with its chart", content(digest, en), ["€7.00", "The 2026-Q4 pot, day by day"], []],
  ["history with its chart", presentReply({ kind: "history", history: { campaigns: [], totalGivenCents: 0, chart: quartersChart } }, en), ["The pot over the last quarters"], []],
  ["download link (Teams export)", presentReply({ kind: "download", url: "https://cagnotte.example.com/exports/t.s", filename: "cagnotte-answers-all.csv", minutes: 10 }, fr), ["cagnotte-answers-all.csv", "10 minutes", "Télécharger le fichier"], []],
  ...REFUSAL_CODES.map((code): [string, Message, string[], string[]] => {
    const message = presentReply({ kind: "refused", refusal: { code, detail: "DETAIL" } }, en);
    return [`refusal ${code}`, message, [], []];
  }),
];

describe("the three renderers show the same facts", () => {
  for (const [name, message, shown, absent] of cases) {
    it.each(Object.keys(renderers))(`${name}: %s`, (renderer) => {
      const text = renderers[renderer]!(message);
      for (const fact of shown) expect(text, `${renderer} shows "${fact}"`).toContain(fact);
      for (const fact of absent) expect(text, `${renderer} does not show "${fact}"`).not.toContain(fact);
      expect(text).toContain(message.title.replace(/[\u202f\u00a0]/g, " "));
    });
  }

  it("offers the report button in chat (Slack, Teams) on a quoted comment, never on the web page", () => {
    for (const message of [content({ kind: "thank-you", note }), content({ kind: "shared-comment", progress })]) {
      expect(renderers.slack!(message)).toContain("Signaler ce commentaire");
      expect(renderers.teams!(message)).toContain("Signaler ce commentaire");
      expect(renderers.web!(message)).not.toContain("Signaler ce commentaire");
    }
    const slack = renderBlocks(content({ kind: "thank-you", note }));
    expect(JSON.stringify(slack.blocks)).toContain('"action_id":"cagnotte_report","text":{"type":"plain_text","text":"Signaler ce commentaire"');
    expect(JSON.stringify(renderCard(content({ kind: "shared-comment", progress })))).toContain('"verb":"comment.report"');
  });

  it("lays the chart out as each platform's picture: its address and its alt text with the figures", () => {
    for (const [message, alt] of [
      [presentReply(statusWithChart, fr), "Graphique : la cagnotte de la campagne 2026-Q4 cumulée jour après jour, 7,00 € après 54 jours."],
      [content(digest, en), "Chart: the pot of campaign 2026-Q4 cumulated day by day, €7.00 after 54 days."],
      [presentReply({ kind: "history", history: { campaigns: [], totalGivenCents: 0, chart: quartersChart } }, en), "Bar chart: the pot of 8 campaigns, from 2025-Q1 to 2026-Q4, €123.45 in all."],
    ] as const) {
      const slack = renderBlocks(message).blocks.filter((b) => b.type === "image");
      expect(slack).toHaveLength(1);
      expect(slack[0]).toMatchObject({ type: "image", image_url: chartUrl });
      expect(readable([(slack[0] as { alt_text: string }).alt_text])).toBe(alt);
      const card = JSON.stringify(renderCard(message)).replace(/[\u202f\u00a0]/g, " ");
      expect(card).toContain(`{"type":"Image","url":"${chartUrl}","altText":${JSON.stringify(alt)}`);
      const page = renderHtml(message, { answerPath: "/s/t", withdrawPath: "/s/t/withdraw" }).value.replace(/[\u202f\u00a0]/g, " ");
      expect(page).toContain(`<img src="${chartUrl}" alt="${alt}">`);
    }
    // Without a chart (someone else's status, an older digest), no picture anywhere.
    expect(JSON.stringify(renderBlocks(presentReply(status, fr)).blocks)).not.toContain('"type":"image"');
    expect(JSON.stringify(renderCard(presentReply(status, fr)))).not.toContain('"Image"');
    expect(renderHtml(presentReply(status, fr), { answerPath: "", withdrawPath: "" }).value).not.toContain("<img");
  });

  it("the check can fail: a renderer that drops the quote is caught", () => {
    const message = presentAnswered(answered, fr);
    const withoutQuote = { ...message, blocks: message.blocks.filter((b) => b.type !== "quote") };
    expect(renderers.web!(withoutQuote)).not.toContain("Top service, merci");
  });
});
