// One language per person on Slack: a French and an English requester each walk through the
// survey, the comment modal, the answered card (the thank-you), status, help and withdraw, and
// every text the bot shows them is in their own language. The bot's default is English, so the
// French requester's French comes from her, not from the default.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../../src/core/model.js";
import { textsFor, type Texts } from "../../src/i18n/index.js";
import type { FakeSlack} from "../support/fake-slack/fake-slack-server.js";
import { type FakeMessage } from "../support/fake-slack/fake-slack-server.js";
import type { SlackDriver } from "../support/fake-slack/slack-driver.js";
import type { startTestBot } from "../support/running-bot.js";
import { startSlackBot } from "../support/fake-slack/slack-bot.js";
import { closeTicketViaWebhook } from "../support/webhook.js";

const SECRET = "language-signing-secret";
let fake: FakeSlack;
let bot: Awaited<ReturnType<typeof startTestBot>>;
let slack: SlackDriver;
let stop: () => Promise<void>;
const technician = { id: "UTECH", email: "camille@esn.example", name: "Camille Tech", locale: "fr-FR" };

const people = [
  { locale: "fr" as Locale, user: { id: "UMARIE", email: "marie@client.example", name: "Marie Client", locale: "fr-FR" }, words: { status: "statut", help: "aide", withdraw: "retirer" } },
  { locale: "en" as Locale, user: { id: "UPAUL", email: "paul@client.example", name: "Paul Client", locale: "en-US" }, words: { status: "status", help: "help", withdraw: "withdraw" } },
];

beforeAll(async () => {
  ({ fake, bot, slack, stop } = await startSlackBot([technician, ...people.map((p) => p.user)], { CAGNOTTE_DEFAULT_LOCALE: "en" }, { token: "xoxb-lang", secret: SECRET }));
});
afterAll(async () => stop?.());

/** Every string a reader sees in a Slack payload (text objects, fallback text, modal errors), unescaped. */
function shownTexts(payload: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string | null): void => {
    if (typeof v === "string") {
      if (key === "text" || key === "errors") out.push(v.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, key === "errors" ? "errors" : k);
  };
  walk(payload, null);
  return out;
}

/** The catalogue's plain strings (arrays and nested objects included), functions left out. */
function leaves(texts: Texts): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(texts);
  return out;
}

/** Strings only the other language has, long enough not to turn up by chance inside a word. */
function distinctiveOf(locale: Locale): string[] {
  const mine = leaves(textsFor(locale === "fr" ? "en" : "fr"));
  return [...leaves(textsFor(locale))].filter((s) => !mine.has(s) && s.length >= 4);
}

describe.each(people)("a requester whose language is $locale", ({ locale, user, words }) => {
  const t = textsFor(locale);
  const screens: { name: string; texts: string[] }[] = [];
  const see = (name: string, payload: unknown) => screens.push({ name, texts: shownTexts(payload) });
  const seen = (name: string) => screens.find((s) => s.name === name)?.texts.join("\n") ?? "";

  it("walks survey, answer, thank-you, status, help and withdraw, every text in that language", async () => {
    const res = await closeTicketViaWebhook(bot.url, { ticketId: `L-${locale}`, title: "VPN", requester: user, technician, client: { id: "client-l", name: "Client SA" } });
    expect(res.status).toBe(202);
    await bot.worker.drain();
    const dm = fake.dmChannelOf(user.id);
    const card = fake.messagesIn(dm).at(-1) as FakeMessage;
    see("survey", card);

    const views = fake.views.length;
    await slack.click(user.id, card, "cagnotte_rate_3");
    const modal = fake.views[views];
    if (!modal) throw new Error("no modal");
    see("modal", modal.view);
    const tooLong = await slack.submit(user.id, modal, { comment: "x".repeat(1001), share: [] });
    see("modal error", tooLong.json);
    await slack.submit(user.id, modal, { comment: "Top !!", share: ["share"] });
    const answered = fake.messagesIn(dm).at(-1) as FakeMessage;
    see("answered", answered);

    see("status", (await slack.slash(user.id, words.status)).json);
    see("help", (await slack.slash(user.id, words.help)).json);

    await slack.click(user.id, answered, "cagnotte_withdraw");
    see("withdrawn", fake.messagesIn(dm).at(-1));
    see("withdraw again", (await slack.slash(user.id, words.withdraw)).json);

    // Each screen says what it should, worded by this person's catalogue.
    expect(seen("survey")).toContain(t.survey.header(`#L-${locale}`));
    for (const label of t.survey.ratingLabels3) expect(seen("survey")).toContain(label);
    expect(seen("modal")).toContain(t.survey.commentLabel);
    expect(seen("modal")).toContain(t.survey.shareLabel);
    expect(seen("modal")).toContain(t.survey.submit);
    expect(seen("modal error")).toContain(t.refusals["comment-too-long"](""));
    expect(seen("answered")).toContain(t.answer.thanks);
    expect(seen("answered")).toContain(t.answer.withdraw);
    expect(seen("answered")).toContain(t.survey.ratingLabels3[2]);
    expect(seen("status")).toContain(t.status.amount);
    expect(seen("status")).toContain(t.status.countedComments);
    expect(seen("help")).toContain(t.help.title);
    expect(seen("help")).toContain(t.help.everyone);
    expect(seen("withdrawn")).toContain(t.answer.withdrawnTitle);
    expect(seen("withdraw again")).toContain(t.refusals["nothing-to-withdraw"](""));

    // And nothing of the other language, on any screen.
    const foreign = distinctiveOf(locale === "fr" ? "en" : "fr");
    expect(foreign.length).toBeGreaterThan(50);
    for (const screen of screens) {
      const all = screen.texts.join("\n");
      expect(all.length, screen.name).toBeGreaterThan(0);
      expect(foreign.filter((s) => all.includes(s)), screen.name).toEqual([]);
    }
  });
});
