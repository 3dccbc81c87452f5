// One language per person on Teams (issue 8, item 7): a French and an English requester go through
// the welcome, the survey, their answer (the answered card is their thank-you), `status`, `help`
// and withdrawing their comment, and every text each of them sees is in their own language — even
// when an activity from their client carries the other language's locale. The technician gets the
// praise in theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../../src/core/model.js";
import { textsFor } from "../../src/i18n/index.js";
import { cardProblems } from "../support/adaptive-card-parser.js";
import { FakeConnector, type TeamsMember } from "../support/fake-connector/fake-connector.js";
import { findAction, installActivity, invokeActivity, messageActivity, personalConversationId, shown, type Where } from "../support/fake-connector/teams-activities.js";
import { FixedClock } from "../support/fixtures.js";
import { startTestBot } from "../support/running-bot.js";
import { closeTicketViaWebhook } from "../support/webhook.js";

const connector = new FakeConnector();
const clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));
let bot: Awaited<ReturnType<typeof startTestBot>>;

const amelie = connector.addMember({ id: "29:amelie", aadObjectId: "aad-amelie", name: "Amélie", email: "amelie@client.example" });
const john = connector.addMember({ id: "29:john", aadObjectId: "aad-john", name: "John", email: "john@client.example" });
const technician = connector.addMember({ id: "29:tech", aadObjectId: "aad-tech", name: "Camille", email: "camille@esn.example" });
const people = [
  { who: amelie, locale: "fr" as Locale, tag: "fr-FR", otherTag: "en-US" },
  { who: john, locale: "en" as Locale, tag: "en-US", otherTag: "fr-FR" },
];

const where = (locale: string): Where => ({ serviceUrl: connector.url, locale });
const send = (activity: unknown) => fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });

/** The sentences (and sentence fragments) of the catalogue in one language, at least 10 characters with a space. */
function marks(locale: Locale): string[] {
  const HOLE = "\u0001";
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    let text: unknown = node;
    if (typeof node === "function") {
      try {
        text = (node as (...a: unknown[]) => unknown)(HOLE, HOLE, HOLE, HOLE, HOLE);
      } catch {
        return;
      }
    }
    if (typeof text === "string") {
      for (const part of text.split(HOLE).map((p) => p.trim())) if (part.length >= 10 && part.includes(" ") && !part.includes("undefined")) out.add(part);
    } else if (text && typeof text === "object") Object.values(text).forEach(walk);
  };
  walk(textsFor(locale));
  return [...out];
}

/** What only one language says: the other language's catalogue holds no such fragment. */
function onlyIn(locale: Locale): string[] {
  const other = marks(locale === "fr" ? "en" : "fr").join("\n");
  return marks(locale).filter((m) => !other.includes(m));
}
const ONLY = { fr: onlyIn("fr"), en: onlyIn("en") };

/** The other language's sentences a card shows (none expected), and whether it shows any of its own. */
function languageOf(card: unknown, locale: Locale): { foreign: string[]; own: boolean } {
  const text = shown(card);
  const other = locale === "fr" ? "en" : "fr";
  return { foreign: ONLY[other].filter((m) => text.includes(m)), own: ONLY[locale].some((m) => text.includes(m)) };
}

async function invoke(member: TeamsMember, card: unknown, verb: string, inputs: Record<string, string>, tag: string): Promise<unknown> {
  const res = await send(invokeActivity(member, findAction(card, verb), inputs, where(tag)));
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: unknown }).value;
}

beforeAll(async () => {
  await connector.start();
  bot = await startTestBot({ TEAMS_LOCAL: "true", CAGNOTTE_DEFAULT_LOCALE: "fr" }, { clock });
  for (const p of people) expect((await send(installActivity(p.who, where(p.tag)))).status).toBe(200);
  expect((await send(installActivity(technician, where("en-GB")))).status).toBe(200);
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
});

describe("Teams speaks each person's language", () => {
  it.each(people.map((p) => [p.locale, p] as const))("walks the %s requester through welcome, survey, answer, status, help and withdraw in one language", async (_l, p) => {
    const t = textsFor(p.locale);
    const conversation = personalConversationId(p.who);
    const seen: unknown[] = [];

    const res = await closeTicketViaWebhook(bot.url, {
      ticketId: `L-${p.locale}`,
      title: "VPN",
      closedAt: clock.now().toISOString(),
      requester: p.who,
      technician,
      client: { id: "client-l", name: "Client SA" },
    });
    expect(res.status).toBe(202);
    await bot.worker.drain();
    const survey = connector.cardsIn(conversation, "send").at(-1);
    expect(shown(survey)).toContain(t.survey.submit);

    // From here on the client reports the other language: the person's known one still wins.
    const answered = await invoke(p.who, survey, "survey.answer", { rating: "3", comment: "Rapide et clair", share: "false" }, p.otherTag);
    expect(shown(answered)).toContain(t.answer.thanks);
    expect(await send(messageActivity(p.who, "status", where(p.otherTag)))).toHaveProperty("status", 200);
    expect(shown(connector.cardsIn(conversation, "send").at(-1))).toContain(t.status.countedComments);
    await send(messageActivity(p.who, "help", where(p.otherTag)));
    expect(shown(connector.cardsIn(conversation, "send").at(-1))).toContain(t.help.everyone);
    const withdrawn = await invoke(p.who, answered, "comment.withdraw", {}, p.otherTag);
    expect(shown(withdrawn)).toContain(t.answer.withdrawnTitle);
    await send(messageActivity(p.who, "withdraw", where(p.otherTag)));
    expect(shown(connector.cardsIn(conversation, "send").at(-1))).toContain(t.refusals["nothing-to-withdraw"](""));

    // Welcome, survey, status, help, the refusal; and the cards the clicks put in place.
    seen.push(...connector.cardsIn(conversation), answered, withdrawn);
    expect(seen.length).toBeGreaterThanOrEqual(7);
    expect(shown(seen[0])).toContain(t.chat.welcome);
    for (const card of seen) {
      expect(cardProblems(card)).toEqual([]);
      const language = languageOf(card, p.locale);
      expect(language.foreign, shown(card)).toEqual([]);
      expect(language.own, shown(card)).toBe(true);
    }
  });

  it("sends the technician's praise in the technician's language, whatever the requester's", async () => {
    await bot.worker.drain();
    // After the welcome: the praise for Amélie's and John's answers.
    const [welcome, ...praise] = connector.cardsIn(personalConversationId(technician), "send");
    expect(shown(welcome)).toContain(textsFor("en").chat.welcome);
    expect(praise).toHaveLength(2);
    for (const card of praise) {
      expect(shown(card)).toContain(textsFor("en").praise.thankYouTitle);
      expect(languageOf(card, "en").foreign).toEqual([]);
    }
  });

  it("the language check catches a card in the other language (it can fail)", () => {
    const english = connector.cardsIn(personalConversationId(john)).at(0);
    expect(languageOf(english, "fr").foreign.length).toBeGreaterThan(0);
    expect(languageOf(english, "fr").own).toBe(false);
  });
});
