// The whole Slack path on the real Bolt receiver and a fake Slack Web API: ticket → survey DM →
// rating → modal → submit → answered card; technician DM; team channel progress; /cagnotte status.
// Everything the test does, it does from what the bot actually sent to "Slack".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import type { FakeSlack} from "../support/fake-slack/fake-slack-server.js";
import { type FakeMessage } from "../support/fake-slack/fake-slack-server.js";
import { allText, findButton, signSlack, SlackDriver } from "../support/fake-slack/slack-driver.js";
import type { startTestBot } from "../support/running-bot.js";
import { startSlackBot } from "../support/fake-slack/slack-bot.js";
import { closeTicketViaWebhook } from "../support/webhook.js";
import { textsFor } from "../../src/i18n/index.js";

const fr = textsFor("fr");
const en = textsFor("en");

const SIGNING_SECRET = "test-signing-secret";
const TEAM_CHANNEL = "CTEAM";
let fake: FakeSlack;
let bot: Awaited<ReturnType<typeof startTestBot>>;
let slack: SlackDriver;
let stop: () => Promise<void>;
let ticketSeq = 0;

const requester = { id: "UREQ1", email: "marie@client.example", name: "Marie Client", locale: "fr-FR" };
const requester2 = { id: "UREQ2", email: "paul@client.example", name: "Paul Client", locale: "en-US" };
const technician = { id: "UTECH", email: "camille@esn.example", name: "Camille Tech", locale: "fr-FR" };
const boss = { id: "UBOSS", email: "boss@esn.example", name: "Boss", locale: "en-GB" };
const stranger = { id: "USTRANGER", email: "eve@elsewhere.example", name: "Eve", locale: "fr-FR" };

beforeAll(async () => {
  ({ fake, bot, slack, stop } = await startSlackBot(
    [requester, requester2, technician, boss, stranger],
    { SLACK_TEAM_CHANNEL: TEAM_CHANNEL, CAGNOTTE_CAP_PER_CLIENT: "1" },
    { secret: SIGNING_SECRET },
  ));
});
afterAll(async () => stop?.());

async function closeTicket(who: { email: string; name: string }, title = "Imprimante en panne"): Promise<string> {
  const res = await closeTicketViaWebhook(bot.url, {
    ticketId: `T-${++ticketSeq}`,
    title,
    requester: who,
    technician,
    client: { id: "client-1", name: "Client SA" },
  });
  expect(res.status).toBe(202);
  return res.surveyId ?? "";
}

const db = () => (bot.ctx.store as unknown as { db: Db }).db;
const lastIn = (channel: string): FakeMessage => {
  const list = fake.messagesIn(channel);
  const m = list[list.length - 1];
  if (!m) throw new Error(`no message in ${channel}`);
  return m;
};

/** Answers the survey card in `channel` as `userId`: click `rating`, then submit the modal. */
async function answer(userId: string, card: FakeMessage, rating: number, comment: string | null, share: boolean) {
  const viewsBefore = fake.views.length;
  const click = await slack.click(userId, card, `cagnotte_rate_${rating}`);
  expect(click.status).toBe(200);
  const opened = fake.views[viewsBefore];
  if (!opened) throw new Error("no modal was opened");
  return slack.submit(userId, opened, { comment: comment ?? "", share: share ? ["share"] : [] });
}

describe("Slack: the whole path", () => {
  let card: FakeMessage;
  let originalCard: FakeMessage;

  it("delivers the survey in the requester's DM, found by e-mail, in their Slack language", async () => {
    const surveyId = await closeTicket(requester);
    await bot.worker.drain();
    expect(fake.callsTo("users.lookupByEmail").map((c) => c.args.email)).toContain(requester.email);
    card = lastIn(fake.dmChannelOf(requester.id));
    originalCard = structuredClone(card);
    const text = allText(card);
    expect(text).toContain("Imprimante en panne");
    expect(text).toContain("Camille Tech");
    expect(text).toContain(`#T-${ticketSeq}`);
    expect(text).toContain("facultatif");
    expect(text).toContain("aucune contrepartie");
    for (const label of fr.survey.ratingLabels3) expect(text).toContain(label);
    const person = await bot.ctx.store.people.findByEmail(requester.email);
    expect(person).toMatchObject({ slackUserId: requester.id, locale: "fr" });
    expect(await bot.ctx.store.surveys.messageRef(surveyId)).toEqual({ platform: "slack", messageRef: JSON.stringify({ channel: card.channel, ts: card.ts, locale: "fr" }) });
  });

  it("refuses a click from anyone but the requester, with an ephemeral message and nothing recorded", async () => {
    const views = fake.views.length;
    const res = await slack.click(stranger.id, card, "cagnotte_rate_3");
    expect(res.status).toBe(200);
    expect(fake.views.length).toBe(views);
    expect(fake.ephemerals.at(-1)).toMatchObject({ user: stranger.id });
    expect(fake.ephemerals.at(-1)?.text).toBe(fr.refusals["not-requester"](""));
    expect(await db().answer.count()).toBe(0);
  });

  it("shows a too-long comment as an error in the modal, recording nothing", async () => {
    const res = await answer(requester.id, card, 3, "x".repeat(1001), false);
    expect(res.json).toMatchObject({ response_action: "errors", errors: { comment: fr.refusals["comment-too-long"]("") } });
    expect(await db().answer.count()).toBe(0);
  });

  it("records rating and comment from the modal, then shows the answered card with a withdraw button", async () => {
    const res = await answer(requester.id, card, 3, "Super travail <!channel> merci <@U999> & bravo", true);
    expect(res.status).toBe(200);
    expect(res.json).toBeNull();
    const updated = lastIn(fake.dmChannelOf(requester.id));
    expect(updated.updates).toBe(1);
    const text = allText(updated);
    expect(text).toContain(fr.answer.thanks);
    expect(text).toContain(fr.survey.ratingLabels3[2]);
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).not.toContain("<!channel>");
    expect(findButton(updated.blocks, "cagnotte_withdraw")).not.toBeNull();
    expect(findButton(updated.blocks, "cagnotte_rate_3")).toBeNull();
  });

  it("praises the technician in a DM with the rating, the comment (escaped), the client, the ticket and the pot", async () => {
    await bot.worker.drain();
    const praise = lastIn(fake.dmChannelOf(technician.id));
    const text = allText(praise);
    expect(text).toContain(fr.praise.thankYouTitle);
    expect(text).toContain("Marie Client");
    expect(text).toContain("Client SA");
    expect(text).toContain(`#T-1`);
    expect(text).toContain(fr.survey.ratingLabels3[2]);
    expect(text).toContain("Super travail &lt;!channel&gt; merci &lt;@U999&gt; &amp; bravo");
    expect(text).toMatch(/\+1,00\s€/);
  });

  it("keeps one progress message in the team channel and quotes the shared comment, escaped", async () => {
    const posts = fake.messagesIn(TEAM_CHANNEL);
    expect(posts.length).toBe(2);
    const [progress, shared] = posts as [FakeMessage, FakeMessage];
    expect(allText(progress)).toMatch(/1,00\s€/);
    expect(allText(progress)).toContain("1 commentaire compté");
    expect(allText(shared)).toContain("Super travail &lt;!channel&gt;");
    for (const m of fake.messages) expect(allText(m)).not.toMatch(/<!channel>|<@U999>/);
  });

  it("answers /cagnotte status with the new amount, figures only for a requester", async () => {
    const res = await slack.slash(requester.id, "status");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_type: "ephemeral" });
    const text = res.body;
    expect(text).toMatch(/1,00\s€/);
    expect(text).not.toContain(fr.status.managementTitle);
  });

  it("tells a click on the old card that it was already answered, and makes no second answer", async () => {
    const views = fake.views.length;
    await slack.click(requester.id, originalCard, "cagnotte_rate_1");
    expect(fake.views.length).toBe(views);
    expect(fake.ephemerals.at(-1)?.text).toBe(fr.refusals["already-answered"](""));
    expect(await db().answer.count()).toBe(1);
  });

  it("adds nothing for a second requester of the same client past the client cap, and updates the same progress message", async () => {
    await closeTicket(requester2, "VPN");
    await bot.worker.drain();
    const card2 = lastIn(fake.dmChannelOf(requester2.id));
    expect(allText(card2)).toContain(en.survey.ratingLabels3[2]);
    const res = await answer(requester2.id, card2, 3, "Very quick, thanks", false);
    expect(res.status).toBe(200);
    await bot.worker.drain();
    const praise = lastIn(fake.dmChannelOf(technician.id));
    expect(allText(praise)).toContain(fr.praise.notCounted);
    expect(fake.messagesIn(TEAM_CHANNEL)).toHaveLength(2);
    expect(fake.messagesIn(TEAM_CHANNEL)[0]?.updates).toBeGreaterThanOrEqual(1);
    const status = await slack.slash(boss.id, "status");
    expect(status.body).toMatch(/1\.00|€1\.00/);
    expect(status.body).toContain(en.status.managementTitle);
  });

  it("lets the requester withdraw the comment from the card: the pot goes down", async () => {
    const answered = lastIn(fake.dmChannelOf(requester.id));
    await slack.click(requester.id, answered, "cagnotte_withdraw");
    const after = lastIn(fake.dmChannelOf(requester.id));
    expect(allText(after)).toContain(fr.answer.withdrawnTitle);
    expect(allText(after)).not.toContain("Super travail");
    const status = await slack.slash(requester.id, "status");
    expect(status.body).toMatch(/0,00\s€/);
  });
});

describe("Slack: commands, safety and delivery failures", () => {
  it("refuses management subcommands to others, serves them to CAGNOTTE_ADMINS", async () => {
    const refused = await slack.slash(requester.id, "history");
    expect(refused.json?.text).toBe(fr.refusals["not-management"](""));
    const history = await slack.slash(boss.id, "history");
    expect(history.body).toContain(en.status.historyTitle);
    const help = await slack.slash(boss.id, "help");
    expect(help.body).toContain("/cagnotte payout");
    expect(help.body).not.toContain("slack-install");
  });

  it("rejects unsigned or badly signed requests", async () => {
    const body = new URLSearchParams({ command: "/cagnotte", text: "status", user_id: requester.id }).toString();
    const unsigned = await fetch(`${bot.url}/slack/events`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    expect(unsigned.status).toBe(401);
    const wrong = await new SlackDriver(bot.url, "not-the-secret", fake).slash(requester.id, "status");
    expect(wrong.status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const old = await fetch(`${bot.url}/slack/events`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...signSlack(SIGNING_SECRET, body, stale) }, body });
    expect(old.status).toBe(401);
  });

  it("handles a click retried by Slack once", async () => {
    await closeTicket(requester2, "Écran noir");
    await bot.worker.drain();
    const card = lastIn(fake.dmChannelOf(requester2.id));
    const views = fake.views.length;
    await slack.click(requester2.id, card, "cagnotte_rate_2", {}, "1700000000.000001");
    await slack.click(requester2.id, card, "cagnotte_rate_2", { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" }, "1700000000.000001");
    expect(fake.views.length).toBe(views + 1);
  });

  it("takes a rating without comment; a poor one goes to management to follow up, not to the technician", async () => {
    await closeTicket(requester2, "Imprimante bloquée");
    await bot.worker.drain();
    const card = lastIn(fake.dmChannelOf(requester2.id));
    const techDms = fake.messagesIn(fake.dmChannelOf(technician.id)).length;
    const res = await answer(requester2.id, card, 1, null, false);
    expect(res.status).toBe(200);
    const answered = lastIn(fake.dmChannelOf(requester2.id));
    expect(allText(answered)).toContain(en.survey.ratingLabels3[0]);
    expect(findButton(answered.blocks, "cagnotte_withdraw")).toBeNull();
    await bot.worker.drain();
    expect(fake.messagesIn(fake.dmChannelOf(technician.id))).toHaveLength(techDms);
    const followUp = lastIn(fake.dmChannelOf(boss.id));
    expect(allText(followUp)).toContain("Camille Tech");
    expect(allText(followUp)).toContain("Paul Client");
  });

  it("tells a click on an expired survey so, and replaces the buttons", async () => {
    const surveyId = await closeTicket(requester2, "Clavier");
    await bot.worker.drain();
    const card = lastIn(fake.dmChannelOf(requester2.id));
    await db().survey.update({ where: { id: surveyId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const views = fake.views.length;
    await slack.click(requester2.id, card, "cagnotte_rate_3");
    expect(fake.views.length).toBe(views);
    expect(fake.ephemerals.at(-1)?.text).toBe(en.refusals["survey-expired"](""));
    expect(findButton(lastIn(fake.dmChannelOf(requester2.id)).blocks, "cagnotte_rate_3")).toBeNull();
  });

  it("withdraws the latest comment with /cagnotte withdraw", async () => {
    await closeTicket(requester, "Souris");
    await bot.worker.drain();
    const card = lastIn(fake.dmChannelOf(requester.id));
    await answer(requester.id, card, 2, "Correct, sans plus", false);
    const res = await slack.slash(requester.id, "withdraw");
    const erased = [0, 100].map((reversedCents) => fr.management.done["comment-withdrawn"]({ kind: "comment-withdrawn", reversedCents }, String));
    expect(erased).toContain(res.json?.text);
    const again = await slack.slash(requester.id, "withdraw");
    expect(again.json?.text).toBe(fr.refusals["nothing-to-withdraw"](""));
  });

  it("marks the survey undeliverable when Slack does not know the requester, without retrying", async () => {
    const surveyId = await closeTicket({ email: "nobody@client.example", name: "Nobody" });
    await bot.worker.drain();
    expect((await bot.ctx.store.surveys.findContext(surveyId))?.survey.status).toBe("undeliverable");
    expect(await bot.ctx.store.outbox.pendingCount()).toBe(0);
  });

  it("hands a 429 back to the outbox for exactly Slack's Retry-After, not counted as a failed attempt", async () => {
    const surveyId = await closeTicket(requester, "Wi-Fi");
    fake.failNext.set("chat.postMessage", "ratelimited");
    await bot.worker.drain();
    const row = await db().outboxMessage.findFirst({ where: { kind: "survey.deliver", payload: { contains: surveyId } } });
    expect(row).toMatchObject({ status: "pending", attempts: 0 });
    expect(row?.lastError).toContain("ratelimited");
    // Retry-After: 7 (no backoff on top of it).
    expect(row!.availableAt.getTime() - Date.now()).toBeGreaterThan(5_000);
    expect(row!.availableAt.getTime() - Date.now()).toBeLessThanOrEqual(7_000);
  });
});
