// The Block Kit renderer and the comment modal, tested on the JSON they produce from the
// presenter's real messages: every text of a Message is shown (escaped once), user text can never
// ping anyone, actions carry Slack's ids, Slack's limits hold.
import { describe, expect, it } from "vitest";
import { renderMessage, SLACK_LIMITS } from "../../../src/adapters/slack/render/block-kit.js";
import { readCommentSubmission, renderCommentModal } from "../../../src/adapters/slack/render/modal.js";
import type { KnownBlock } from "../../../src/adapters/slack/render/block-types.js";
import { escapeMrkdwn, quoteMrkdwn } from "../../../src/adapters/slack/escape.js";
import { decodeMetadata, decodeRating } from "../../../src/adapters/slack/ids.js";
import { slackPresentation } from "../../../src/adapters/slack/presentation.js";
import type { AnsweredView, CommandReply, PotProgress, StatusReport, SurveyPrompt, ThankYouNote } from "../../../src/core/views.js";
import { textsFor } from "../../../src/i18n/index.js";
import {
  messageTexts,
  presentAnswered,
  presentContent,
  presentRefusal,
  presentReply,
  presentSurvey,
  type Message,
} from "../../../src/presenter/index.js";

const fr = slackPresentation({ rules: { timeZone: "Europe/Paris", milestoneCents: 1000 } as never }, "fr");
const en = { ...fr, locale: "en" as const };
const json = (v: unknown) => JSON.stringify(v);
const evil = "<!channel> <@U123> <https://x.example|click> & co";
const escaped = "&lt;!channel&gt; &lt;@U123&gt; &lt;https://x.example|click&gt; &amp; co";

type AnyBlock = { type: string; text?: { type: string; text: string }; fields?: { text: string }[]; elements?: Record<string, unknown>[] };

function buttons(blocks: KnownBlock[]): { action_id: string; value?: string; style?: string; text: { text: string }; confirm?: Record<string, { text: string }> }[] {
  return (blocks as unknown as AnyBlock[])
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b.elements ?? []) as never[]);
}

/** Every mrkdwn string placed in the blocks: where Slack would read `<…>` as a mention or a link. */
function mrkdwnTexts(blocks: KnownBlock[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out;
}

/** No `<` or `>` in mrkdwn but the renderer's own date token and web link, and the quote mark that starts a line. */
function expectNoMention(blocks: KnownBlock[]): void {
  const own = (t: string) => t.replace(/<!date\^\d+\^[^|<>]*\|[^<>]*>/g, "").replace(/<https?:\/\/[^|<>]*\|[^<>]*>/g, "").replace(/^>/gm, "");
  for (const t of mrkdwnTexts(blocks)) expect(own(t)).not.toMatch(/[<>]/);
}

/** Each text of the message is on screen: escaped in mrkdwn, as is in plain_text (headers, buttons). */
function expectShown(message: Message, blocks: KnownBlock[], except: string[] = []): void {
  const all = json(blocks);
  const inJson = (s: string) => JSON.stringify(s).slice(1, -1);
  for (const text of messageTexts(message)) {
    if (except.includes(text)) continue;
    expect(all.includes(inJson(escapeMrkdwn(text))) || all.includes(inJson(text)), text).toBe(true);
  }
}

const prompt: SurveyPrompt = {
  surveyId: "s-1",
  surveyUrl: "http://localhost/s/x",
  ticketRef: "#42",
  ticketTitle: `Imprimante ${evil}`,
  technicianName: "Camille <@U1>",
  clientName: "Client & Co",
  ratingScale: 3,
  amountCents: 200,
  caps: { perRequester: 3, perClient: 10 },
  expiresAt: new Date("2026-12-01T00:00:00Z"),
  reminder: false,
  rulesUrl: "https://esn.example/reglement?a=1&b=<2>",
};

describe("escaping", () => {
  it("escapes &, < and > so nobody is pinged", () => {
    expect(escapeMrkdwn(evil)).toBe(escaped);
    expect(quoteMrkdwn("a <!here>\nb")).toBe(">a &lt;!here&gt;\n>b");
  });
});

describe("survey DM", () => {
  const message = presentSurvey(prompt, fr);
  const m = renderMessage(message);
  const s = textsFor("fr").survey;

  it("lays out every text of the survey but the modal's inputs, escaped once", () => {
    expectShown(message, m.blocks, [s.commentLabel, s.shareLabel, s.submit]);
    expect(json(m.blocks)).toContain(escaped);
    expect(json(m.blocks)).not.toContain("&amp;lt;");
    expectNoMention(m.blocks);
    expect(m.text).toBe(escapeMrkdwn(message.summary));
    expect(m.blocks[0]).toEqual({ type: "header", text: expect.objectContaining({ type: "plain_text", text: s.header("#42") }) });
  });

  it("offers the ratings as buttons, best first, carrying the survey and the rating", () => {
    const b = buttons(m.blocks);
    expect(b.map((x) => x.text.text)).toEqual([...s.ratingLabels3].reverse());
    expect(b.map((x) => x.action_id)).toEqual(["cagnotte_rate_3", "cagnotte_rate_2", "cagnotte_rate_1"]);
    expect(b.map((x) => decodeRating(x.value))).toEqual([3, 2, 1].map((r) => ({ surveyId: "s-1", rating: r })));
    expect(b[0]?.style).toBe("primary");
  });

  it("asks for the comment and the consent in the modal only, and has no submit button in the DM", () => {
    const text = json(m.blocks);
    expect(text).not.toContain(s.commentLabel);
    expect(text).not.toContain(s.shareLabel);
    expect(buttons(m.blocks).map((x) => x.text.text)).not.toContain(s.submit);
  });

  it("shows the deadline as a Slack date token, with the presenter's text as fallback", () => {
    const unix = Math.floor(prompt.expiresAt.getTime() / 1000);
    expect(json(m.blocks)).toContain(`<!date^${unix}^{date_short_pretty} {time}|`);
  });

  it("links to the rules, the address escaped so it stays one link", () => {
    expect(json(m.blocks)).toContain(`${s.rulesLine} <https://esn.example/reglement?a=1&amp;b=&lt;2&gt;|${s.rulesLink}>`.replace(/"/g, '\\"'));
  });

  it("says what a comment brings, with the configured amount and the caps", () => {
    expect(json(m.blocks)).toMatch(/ajoute 2,00\s€/);
    expect(json(m.blocks)).toContain("3 commentaires par personne");
  });

  it("speaks English and offers 1–5 when configured", () => {
    const m5 = renderMessage(presentSurvey({ ...prompt, ratingScale: 5 }, en));
    const labels = textsFor("en").survey.ratingLabels5;
    expect(buttons(m5.blocks).map((x) => x.text.text)).toEqual([5, 4, 3, 2, 1].map((r) => `${labels[r - 1]} (${r}/5)`));
    expect(json(m5.blocks)).toContain("brings you nothing in return");
  });
});

describe("answered card", () => {
  const view: AnsweredView = { surveyId: "s-1", answerId: "a-1", ticketRef: "#42", ticketTitle: "VPN", rating: 3, ratingScale: 3, comment: evil, shareConsent: true, addedCents: 100, withdrawn: null };
  const a = textsFor("fr").answer;

  it("quotes the comment, escaped, with a withdraw button that asks first", () => {
    const message = presentAnswered(view, fr);
    const m = renderMessage(message);
    expectShown(message, m.blocks);
    expectNoMention(m.blocks);
    expect(json(m.blocks)).toContain(quoteMrkdwn(evil).replace(/"/g, '\\"'));
    expect(buttons(m.blocks)).toEqual([
      expect.objectContaining({ action_id: "cagnotte_withdraw", value: "a-1", style: "danger", text: expect.objectContaining({ text: a.withdraw }) }),
    ]);
    expect(buttons(m.blocks)[0]?.confirm?.title?.text).toBe(a.withdrawConfirmTitle);
    expect(buttons(m.blocks)[0]?.confirm?.deny?.text).toBe(textsFor("fr").survey.cancel);
  });

  it("shows the withdrawn state without a button", () => {
    const m = renderMessage(presentAnswered({ ...view, comment: null, withdrawn: { reversedCents: 100 } }, fr));
    expect(buttons(m.blocks)).toEqual([]);
    expect(json(m.blocks)).toContain(a.withdrawn(true));
    expect(json(m.blocks)).not.toContain("channel");
  });
});

describe("comment modal", () => {
  const message = presentSurvey(prompt, en);
  const view = renderCommentModal(message, { surveyId: "s-1", rating: 2, channel: "D1", ts: "1.2" });
  const s = textsFor("en").survey;

  it("is built from the survey's inputs, for the rating chosen", () => {
    expect(decodeMetadata(view.private_metadata)).toEqual({ surveyId: "s-1", rating: 2, channel: "D1", ts: "1.2" });
    const text = json(view.blocks);
    expect(text).toContain('"max_length":1000');
    expect(text).toContain('"multiline":true');
    expect(text).toContain(s.shareLabel);
    expect(text).toContain(s.commentLabel);
    expect(text).toContain(s.ratingLabels3[1]);
    expect(text).not.toContain(s.ratingLabels3[2]);
    expect(text).toContain("brings you nothing in return");
    expect(text).toContain(`|${s.rulesLink}>`);
    expect(view.title.text).toBe(s.ratingLegend);
    expect(view.submit?.text).toBe(s.submit);
    expectNoMention(view.blocks as KnownBlock[]);
  });

  it("keeps Slack's 24-character modal texts", () => {
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit!.text.length).toBeLessThanOrEqual(24);
  });

  it("reads the comment and the consent from the submitted state", () => {
    expect(readCommentSubmission({ values: { comment: { comment_input: { value: "Merci" } }, share: { share_input: { selected_options: [{ value: "share" }] } } } })).toEqual({ comment: "Merci", shareConsent: true });
    expect(readCommentSubmission({ values: {} })).toEqual({ comment: null, shareConsent: false });
  });
});

describe("notes and team posts", () => {
  const note: ThankYouNote = { answerId: "a", rating: 3, ratingScale: 3, comment: evil, commentRemoved: null, requesterName: "Marie <@U9>", clientName: "ACME", ticketRef: "#42", ticketTitle: "VPN", addedCents: 100, potCents: 1200 };
  const progress: PotProgress = { campaignId: "c", campaignLabel: "T4 2026", charityName: "Rêves <b>", amountCents: 1000, countedComments: 10, daysLeft: 3, milestoneCents: 1000, sharedComment: evil, sharedAnswerId: "a1", commentRemoved: null };
  const contents = [
    { kind: "thank-you", note },
    { kind: "follow-up", note: { ...note, rating: 1, technicianName: "Camille <!here>" } },
    { kind: "progress", progress },
    { kind: "milestone", progress },
    { kind: "shared-comment", progress },
    { kind: "notice", notice: { kind: "payout-reminder", campaignLabel: "T3", charityName: "Rêves <b>", amountCents: 5000 } },
    { kind: "team-post", post: { kind: "campaign-opened", campaignLabel: "T1 2027", charityName: evil } },
    { kind: "team-post", post: { kind: "weekly-digest", campaignLabel: "T1 2027", praise: 3, answers: 4, positiveShare: 0.5, potCents: 300, charityName: null } },
  ] as const;

  it.each(contents.map((c, i) => [c.kind, i] as const))("lays out %s with every text and no mention", (_kind, i) => {
    for (const p of [fr, en]) {
      const message = presentContent(contents[i]!, p);
      const m = renderMessage(message);
      expectShown(message, m.blocks);
      expectNoMention(m.blocks);
    }
  });

  it("praises with the comment quoted and what it added", () => {
    const text = json(renderMessage(presentContent({ kind: "thank-you", note }, fr)).blocks);
    expect(text).toContain("Marie &lt;@U9&gt;");
    expect(text).toMatch(/1,00\s€/);
    expect(text).toMatch(/12,00\s€/);
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
  const queueItem = { id: "m-1", answerId: "a", verdict: "review", comment: evil, terms: ["x"], ticketRef: "#1", requesterName: "Marie", clientName: "ACME", createdAt: new Date() };
  const replies: CommandReply[] = [
    { kind: "status", report },
    { kind: "status", report: { ...report, management: { topTechnicians: [{ name: "Camille <@U1>", praiseCount: 4 }], pendingModeration: 2, requestersAtCap: 1, clientsAtCap: 0 } } },
    { kind: "history", history: { campaigns: [{ campaignLabel: "T3 2026", charityName: "Rêves", amountCents: 5000, countedComments: 50, answers: 60, status: "closed", payout: { amountCents: 5000, paidOn: new Date("2026-10-10"), reference: "VIR <42>", reason: null } }], totalGivenCents: 5000 } },
    { kind: "help", management: true },
    { kind: "charities", charities: [{ id: "ch", name: "Rêves <x>", description: null, url: "https://reves.example", queuePosition: 1, vetting: null }], current: { campaignLabel: "T4", charityName: evil } },
    { kind: "moderation-queue", items: [queueItem] },
    { kind: "audit", entries: [{ at: new Date("2026-11-01T10:00:00Z"), actor: "Boss", action: "override", subject: "#42", reason: evil }] },
    { kind: "file", filename: "cagnotte.csv", contentType: "text/csv", content: "a,b", title: { of: "export", exportKind: "answers", rows: 2 } },
    { kind: "done", done: { kind: "charity-added", name: evil } },
    { kind: "refused", refusal: { code: "not-management" } },
  ];

  it.each(replies.map((r, i) => [r.kind, i] as const))("lays out %s with every text and no mention", (_kind, i) => {
    const message = presentReply(replies[i]!, fr, { management: ["slackInstall"] });
    const m = renderMessage(message);
    expect(m.blocks.length).toBeGreaterThan(0);
    expectShown(message, m.blocks);
    expectNoMention(m.blocks);
  });

  it("says a confirmation or a refusal in one section, without a header", () => {
    const m = renderMessage(presentReply(replies[9]!, fr));
    expect(m.blocks).toHaveLength(1);
    expect(m.blocks[0]?.type).toBe("section");
    expect(json(m.blocks)).toContain(escapeMrkdwn(textsFor("fr").refusals["not-management"]("")));
  });

  it("puts approve and reject buttons on each moderation item", () => {
    const b = buttons(renderMessage(presentReply(replies[5]!, fr)).blocks);
    expect(b.map((x) => [x.action_id, x.value])).toEqual([
      ["cagnotte_moderation_approve", "m-1"],
      ["cagnotte_moderation_reject", "m-1"],
    ]);
  });

  it("writes commands as the slash command, with slack-install for management when asked", () => {
    const text = json(renderMessage(presentReply(replies[3]!, en, { management: ["slackInstall"] })).blocks);
    expect(text).toContain("/cagnotte export");
    expect(text).toContain("/cagnotte slack-install");
    expect(json(renderMessage(presentReply({ kind: "help", management: false }, en)).blocks)).not.toContain("payout");
  });

  it("writes French plurals as the catalogue does", () => {
    const text = json(renderMessage(presentReply({ kind: "status", report: { ...report, countedComments: 0, daysLeft: 1 } }, fr)).blocks);
    expect(text).toMatch(/0,00|12,00/);
    expect(text).not.toContain("undefined");
  });
});

describe("Slack's limits", () => {
  it("keeps a long moderation queue under 50 blocks without losing a button", () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ id: `m-${i}`, answerId: "a", verdict: "review", comment: `Commentaire ${i}`, terms: [], ticketRef: `#${i}`, requesterName: "M", clientName: "C", createdAt: new Date() }));
    const m = renderMessage(presentReply({ kind: "moderation-queue", items }, fr));
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(buttons(m.blocks)).toHaveLength(40);
    expect(json(m.blocks)).toContain("Commentaire 19");
  });

  it("cuts headers at 150 characters and buttons at 75, and splits long lists into sections Slack accepts", () => {
    const long = "x".repeat(200);
    const m = renderMessage({ title: long, tone: "default", summary: long, blocks: [{ type: "text", text: "t" }, { type: "actions", actions: [{ id: "comment.withdraw", label: long, value: "a" }] }] });
    expect(m.blocks[0]?.type).toBe("section");
    expect(buttons(m.blocks)[0]?.text.text.length).toBeLessThanOrEqual(75);
    const list = renderMessage({ title: "L", tone: "default", summary: "L", blocks: [{ type: "list", items: Array.from({ length: 60 }, () => "y".repeat(100)) }] });
    const sections = (list.blocks as unknown as AnyBlock[]).filter((b) => b.type === "section");
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.text!.text.length).toBeLessThanOrEqual(3000);
    expect(sections.map((s) => s.text!.text.split("\n").length).reduce((a, b) => a + b)).toBe(60);
  });

  it("escapes a refusal that quotes back what was typed", () => {
    const m = renderMessage(presentRefusal({ code: "unknown-command", detail: "<!everyone>" }, fr));
    expectNoMention(m.blocks);
    expect(m.text).toContain("&lt;!everyone&gt;");
  });
});
