// Management through Teams with the real command table (issue 5's use cases): a borderline
// comment waits in moderation, management approves it with the card's button and the pot grows;
// the CSV export comes back as a download link; a payout is recorded once the campaign is closed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardProblems } from "../support/adaptive-card-parser.js";
import { FakeConnector } from "../support/fake-connector/fake-connector.js";
import { findAction, installActivity, invokeActivity, messageActivity, personalConversationId, type Where } from "../support/fake-connector/teams-activities.js";
import { startTestBot } from "../support/running-bot.js";
import { closeTicketViaWebhook } from "../support/webhook.js";

const connector = new FakeConnector();
let bot: Awaited<ReturnType<typeof startTestBot>>;
let queueCard: Record<string, unknown>;
const requester = connector.addMember({ id: "29:req", aadObjectId: "aad-req", name: "Marie", email: "marie@client.example" });
const technician = connector.addMember({ id: "29:tech", aadObjectId: "aad-tech", name: "Camille", email: "camille@esn.example" });
const boss = connector.addMember({ id: "29:boss", aadObjectId: "aad-boss", name: "La Direction", email: "boss@esn.example" });
const where = (): Where => ({ serviceUrl: connector.url });

const send = (activity: unknown) =>
  fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });

function lastCard(conversationId: string): Record<string, unknown> {
  const card = connector.cardsIn(conversationId).at(-1);
  if (!card) throw new Error(`no card in ${conversationId}`);
  expect(cardProblems(card)).toEqual([]);
  return card;
}

async function ask(text: string): Promise<string> {
  expect((await send(messageActivity(boss, text, where()))).status).toBe(200);
  return JSON.stringify(lastCard(personalConversationId(boss)));
}

const potCents = async () => ((await (await fetch(`${bot.url}/api/pot`)).json()) as { amountCents: number }).amountCents;

beforeAll(async () => {
  await connector.start();
  bot = await startTestBot({ TEAMS_LOCAL: "true" });
  for (const m of [requester, technician, boss]) expect((await send(installActivity(m, where()))).status).toBe(200);
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
});

describe("Teams management with the real commands", () => {
  it("queues a borderline comment, and counts it when management approves it with the button", async () => {
    const res = await closeTicketViaWebhook(bot.url, { ticketId: "M-1", title: "VPN", requester, technician, client: { id: "client-m", name: "Client M" } });
    expect(res.status).toBe(202);
    await bot.worker.drain();
    const survey = lastCard(personalConversationId(requester));
    const answered = await send(invokeActivity(requester, findAction(survey, "survey.answer"), { rating: "3", comment: "Putain, enfin ça marche !" }, where()));
    expect(answered.status).toBe(200);
    expect(await potCents()).toBe(0);

    const queueText = await ask("cagnotte moderation");
    expect(queueText).toContain("Putain, enfin ça marche");
    queueCard = lastCard(personalConversationId(boss));
    const approve = await send(invokeActivity(boss, findAction(queueCard, "moderation.approve"), {}, where()));
    expect(approve.status).toBe(200);
    expect(await potCents()).toBe(100);
    expect(await ask("cagnotte audit")).toContain("moderation");
  });

  it("refuses the approve button to someone outside management", async () => {
    const before = await potCents();
    const res = await send(invokeActivity(requester, findAction(queueCard, "moderation.approve"), {}, where()));
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toMatch(/direction|management/);
    expect(await potCents()).toBe(before);
  });

  it("answers the export with a download link (not the CSV in a card), comments included for management", async () => {
    const text = await ask("cagnotte export");
    expect(text).toContain("cagnotte-answers-all.csv");
    expect(text).not.toContain("Putain, enfin ça marche");
    const link = /\]\((http:\/\/localhost:\d+\/exports\/[\w.-]+)\)/.exec(text)?.[1];
    if (!link) throw new Error("no download link in the card");
    // PUBLIC_URL names localhost; the bot listens on 127.0.0.1.
    const res = await fetch(`${bot.url}${new URL(link).pathname}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Putain, enfin ça marche");
  });

  it("refuses a payout while the campaign is open and records it once closed", async () => {
    const latest = (await bot.ctx.store.campaigns.latest())!;
    const label = `${latest.year}-Q${latest.quarter}`;
    const early = await ask(`cagnotte payout ${label} 1.00 VIR-1`);
    expect(early).toContain("fermez-la d'abord");
    await ask(`cagnotte campaign close "fin anticipée"`);
    await ask(`cagnotte payout ${label} 1.00 VIR-1`);
    expect(await ask("cagnotte history")).toContain("VIR-1");
  });
});
