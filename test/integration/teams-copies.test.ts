// On Teams (real bot, fake Bot Connector): a comment that is withdrawn or retracted no longer
// appears in any card the bot sent — each card that quoted it (technician's thank-you, the
// channel's shared-comment post, the requester's card) is updated, checked on every copy, as it
// reads after its last update; a comment reported by the technician (Action.Execute
// "comment.report") disappears from the channel, waits in moderation, and management is told.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeConnector } from "../support/fake-connector/fake-connector.js";
import { findAction, installActivity, invokeActivity, messageActivity, personalConversationId, shown, type Where } from "../support/fake-connector/teams-activities.js";
import { textsFor } from "../../src/i18n/index.js";
import { FixedClock } from "../support/fixtures.js";
import { startTestBot } from "../support/running-bot.js";
import { closeTicketViaWebhook } from "../support/webhook.js";

const connector = new FakeConnector();
const clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));
let bot: Awaited<ReturnType<typeof startTestBot>>;
let ticketSeq = 0;

const requester = connector.addMember({ id: "29:req", aadObjectId: "aad-req", name: "Marie Client", email: "marie@client.example" });
const technician = connector.addMember({ id: "29:tech", aadObjectId: "aad-tech", name: "Camille Tech", email: "camille@esn.example" });
const boss = connector.addMember({ id: "29:boss", aadObjectId: "aad-boss", name: "La Direction", email: "boss@esn.example" });
const channel = { teamId: "19:team@thread.tacv2", channelId: "19:general@thread.tacv2" };
const where = (extra: Partial<Where> = {}): Where => ({ serviceUrl: connector.url, ...extra });
const fr = textsFor("fr");

async function send(activity: unknown): Promise<Response> {
  return fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
}

/** Every card as it reads now: the last version of each activity (its last update, else as sent). */
function currentCards(): { conversationId: string; activityId: string; text: string }[] {
  const latest = new Map<string, { conversationId: string; activityId: string; text: string }>();
  for (const a of connector.activities) {
    const cards = ((a.activity.attachments as { content: unknown }[] | undefined) ?? []).map((x) => shown(x.content)).join("\n");
    latest.set(a.activityId, { conversationId: a.conversationId, activityId: a.activityId, text: cards });
  }
  return [...latest.values()];
}

const lastSent = (conversationId: string) => {
  const card = connector.cardsIn(conversationId, "send").at(-1);
  if (!card) throw new Error(`no card in ${conversationId}`);
  return card;
};

async function potCents(): Promise<number> {
  return ((await (await fetch(`${bot.url}/api/pot`)).json()) as { amountCents: number }).amountCents;
}

/** A shared comment answered and delivered; returns the cards the bot sent for it. */
async function sharedComment(comment: string) {
  ticketSeq += 1;
  const res = await closeTicketViaWebhook(bot.url, {
    ticketId: `T-${ticketSeq}`,
    title: "VPN",
    closedAt: clock.now().toISOString(),
    requester,
    technician,
    client: { id: "client-1", name: "Client SA" },
  });
  expect(res.status).toBe(202);
  await bot.worker.drain();
  const survey = lastSent(personalConversationId(requester));
  const answer = await send(invokeActivity(requester, findAction(survey, "survey.answer"), { rating: "3", comment, share: "true" }, where()));
  const answered = ((await answer.json()) as { value: unknown }).value;
  await bot.worker.drain();
  const thankYou = lastSent(personalConversationId(technician));
  expect(shown(thankYou)).toContain(comment);
  expect(connector.cardsIn(channel.channelId, "send").map(shown).join("\n")).toContain(comment);
  return { answered, thankYou, answerId: String(findAction(thankYou, "comment.report").data?.answerId) };
}

beforeAll(async () => {
  await connector.start();
  bot = await startTestBot({ TEAMS_LOCAL: "true" }, { clock });
  for (const member of [requester, technician, boss]) expect((await send(installActivity(member, where()))).status).toBe(200);
  await send(messageActivity(boss, "cagnotte channel", where({ channel })));
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
});

describe("Teams: every copy of a comment follows its fate", () => {
  it("withdrawn by its author: no card the bot sent still shows it", async () => {
    const { answered } = await sharedComment("Bravo pour la réactivité");
    await send(invokeActivity(requester, findAction(answered, "comment.withdraw"), {}, where()));
    await bot.worker.drain();
    const copies = currentCards().filter((c) => c.text.includes(fr.praise.commentRemoved.withdrawn));
    expect(copies.map((c) => c.conversationId).sort()).toEqual([channel.channelId, personalConversationId(technician)].sort());
    for (const card of currentCards()) expect(card.text).not.toContain("réactivité");
  });

  it("retracted by management: every card replaced, the pot goes down", async () => {
    const { answerId } = await sharedComment("Intervention impeccable");
    const before = await potCents();
    await send(messageActivity(boss, `cagnotte retirer-commentaire ${answerId} propos inacceptable`, where()));
    expect(shown(lastSent(personalConversationId(boss)))).toContain("Commentaire retiré : masqué partout");
    expect(await potCents()).toBe(before - 100);
    await bot.worker.drain();
    for (const card of currentCards()) expect(card.text).not.toContain("impeccable");
  });

  it("reported by the technician: gone from the channel, waiting in moderation, management told", async () => {
    // Clean to the automatic moderation, hateful to whoever reads it in context.
    const hateful = "Super boulot, pas comme ces gens-là qui ne savent rien faire";
    const { thankYou, answerId } = await sharedComment(hateful);
    const before = await potCents();
    const res = await send(invokeActivity(technician, findAction(thankYou, "comment.report"), {}, where()));
    const body = (await res.json()) as { statusCode: number; type: string; value: unknown };
    expect(body).toEqual({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: fr.management.done["comment-reported"]({ kind: "comment-reported" }, String) });
    expect(await potCents()).toBe(before - 100);
    await bot.worker.drain();
    for (const card of currentCards()) expect(card.text).not.toContain(hateful);
    expect(currentCards().some((c) => c.conversationId === channel.channelId && c.text.includes(fr.praise.commentRemoved.hidden))).toBe(true);
    expect(shown(lastSent(personalConversationId(boss)))).toContain(fr.lifecycle.commentReported("#T-3", "Camille Tech"));
    expect(await bot.ctx.store.moderation.pending(10)).toMatchObject([{ answerId, verdict: "reported" }]);
  });
});
