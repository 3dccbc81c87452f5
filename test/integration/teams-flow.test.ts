// Teams end to end: the real bot and botbuilder's CloudAdapter on real HTTP, driven with Bot
// Framework activities as Teams sends them; an independent fake Bot Connector receives the
// replies. install → ticket → survey card → invoke → answered card → technician card →
// channel update → `cagnotte status`, with caps, escaping, refusals and platform faults.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardProblems } from "../support/adaptive-card-parser.js";
import { FakeConnector, type TeamsMember } from "../support/fake-connector/fake-connector.js";
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
const paul = connector.addMember({ id: "29:paul", aadObjectId: "aad-paul", name: "Paul Client", email: "paul@client.example" });
const stranger = connector.addMember({ id: "29:other", aadObjectId: "aad-other", name: "Other", email: "other@client.example" });
const channel = { teamId: "19:team@thread.tacv2", channelId: "19:general@thread.tacv2" };

const where = (extra: Partial<Where> = {}): Where => ({ serviceUrl: connector.url, ...extra });

async function send(activity: unknown): Promise<Response> {
  return fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
}

async function closeTicket(who: TeamsMember): Promise<string> {
  ticketSeq += 1;
  const res = await closeTicketViaWebhook(bot.url, {
    ticketId: `T-${ticketSeq}`,
    title: "VPN *cassé* [clic](https://evil.example)",
    closedAt: clock.now().toISOString(),
    requester: who,
    technician,
    client: { id: "client-1", name: "Client SA" },
  });
  expect(res.status).toBe(202);
  return res.surveyId ?? "";
}

function lastCard(conversationId: string, method?: "send" | "update"): Record<string, unknown> {
  const cards = connector.cardsIn(conversationId, method);
  const card = cards[cards.length - 1];
  if (!card) throw new Error(`no card in ${conversationId}`);
  return card;
}

const textOf = (card: unknown) => JSON.stringify(card);
const fr = textsFor("fr");
const en = textsFor("en");

async function potCents(): Promise<number> {
  return ((await (await fetch(`${bot.url}/api/pot`)).json()) as { amountCents: number }).amountCents;
}

async function answer(member: TeamsMember, surveyCard: unknown, inputs: Record<string, string>, locale?: string) {
  const res = await send(invokeActivity(member, findAction(surveyCard, "survey.answer"), inputs, where(locale ? { locale } : {})));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
  expect(body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
  // The card that replaces the clicked one must parse too.
  expect(cardProblems(body.value)).toEqual([]);
  return body.value;
}

beforeAll(async () => {
  await connector.start();
  bot = await startTestBot({ TEAMS_LOCAL: "true", CAGNOTTE_MILESTONE_CENTS: "200" }, { clock });
  for (const member of [requester, technician, boss, paul, stranger]) {
    const res = await send(installActivity(member, where()));
    expect(res.status).toBe(200);
  }
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
});

describe("Teams, driven as Teams drives it", () => {
  it("welcomes each person on install and saves how to reach them", async () => {
    const welcome = lastCard(personalConversationId(requester));
    expect(shown(welcome)).toContain(fr.chat.welcome);
    // Local trial: the welcome says how to get a survey at once.
    expect(shown(welcome)).toContain(fr.chat.welcomeDemo);
    const person = await bot.ctx.store.people.findByEmail(requester.email);
    expect(person?.teamsUserId).toBe("aad-req");
    expect((await bot.ctx.store.people.teamsConversation(person?.id ?? ""))?.reference).toContain(personalConversationId(requester));
  });

  it("lets management choose the progress channel, and refuses it to others", async () => {
    await send(messageActivity(stranger, "cagnotte channel", where({ channel })));
    expect(shown(lastCard(channel.channelId + ";messageid=1"))).toContain(fr.refusals["not-management"](""));
    await send(messageActivity(boss, "cagnotte channel", where()));
    expect(shown(lastCard(personalConversationId(boss)))).toContain(fr.refusals["channel-only"](""));
    await send(messageActivity(boss, "cagnotte channel", where({ channel })));
    expect(shown(lastCard(channel.channelId + ";messageid=1"))).toContain(fr.management.done["channel-set"]({ kind: "channel-set" }, String));
  });

  it("runs the whole flow: survey card, answer in place, praise, channel progress, status", async () => {
    const surveyId = await closeTicket(requester);
    await bot.worker.drain();
    const survey = lastCard(personalConversationId(requester), "send");
    expect(findAction(survey, "survey.answer").data).toEqual({ surveyId });
    expect(shown(survey)).toContain("aucune contrepartie");
    // The ticket title is escaped: no Markdown link, no bold.
    expect(textOf(survey)).not.toContain("[clic](https://evil.example)");
    expect(textOf(survey)).toContain("\\\\[clic\\\\]");
    expect((await bot.ctx.store.surveys.findContext(surveyId))?.survey.status).toBe("delivered");
    expect(JSON.parse((await bot.ctx.store.surveys.messageRef(surveyId))?.messageRef ?? "{}")).toMatchObject({ conversationId: personalConversationId(requester) });

    const comment = "Super **rapide** [lien](https://evil.example) ${secret} {{DATE(2026-01-01T00:00:00Z)}}";
    const answered = await answer(requester, survey, { rating: "3", comment, share: "true" });
    expect(shown(answered)).toContain(fr.answer.thanks);
    expect(textOf(answered)).toContain("1,00");
    findAction(answered, "comment.withdraw");
    expect(textOf(answered)).not.toContain("**rapide**");
    expect(textOf(answered)).toContain("${secret}");

    await bot.worker.drain();
    const praise = lastCard(personalConversationId(technician));
    expect(shown(praise)).toContain(fr.praise.thankYouTitle);
    expect(textOf(praise)).toContain("\\\\*\\\\*rapide\\\\*\\\\*");
    const posts = connector.cardsIn(channel.channelId, "send").map(shown).join("\n");
    expect(posts).toContain(fr.status.countedComments);
    expect(posts).toMatch(/1,00\s€/);
    // Ticked "may be shared": the comment is quoted in the channel.
    expect(posts).toContain(fr.status.sharedComment);
    expect(posts).toContain("Super **rapide**");

    await send(messageActivity(requester, "cagnotte status", where()));
    const status = lastCard(personalConversationId(requester), "send");
    expect(shown(status)).toContain(fr.status.countedComments);
    expect(textOf(status)).toMatch(/1,00\s€/);
  });

  it("never makes a second answer from a stale card, and only the requester can answer", async () => {
    const surveyId = await closeTicket(requester);
    await bot.worker.drain();
    const survey = lastCard(personalConversationId(requester), "send");
    const foreign = await answer(stranger, survey, { rating: "3", comment: "pas moi" });
    expect(shown(foreign)).toContain(fr.refusals["not-requester"](""));
    await answer(requester, survey, { rating: "3", comment: "Deuxième ticket, merci" });
    const again = await answer(requester, survey, { rating: "1", comment: "autre avis" });
    expect(shown(again)).toContain(fr.refusals["already-answered"](""));
    const context = await bot.ctx.store.surveys.findContext(surveyId);
    expect(context?.survey.status).toBe("answered");
    // The second euro crosses the 2 € milestone: the card is updated and a new post announces it.
    await bot.worker.drain();
    expect(connector.cardsIn(channel.channelId, "update").length).toBeGreaterThanOrEqual(1);
    expect(connector.cardsIn(channel.channelId, "send").map(shown).join("\n")).toContain("vient de passer");
    // Not ticked "may be shared": the comment never reaches the channel.
    expect(connector.cardsIn(channel.channelId).map(textOf).join("\n")).not.toContain("Deuxième ticket");
  });

  it("sends a poor rating to management, not to the technician", async () => {
    await closeTicket(requester);
    await bot.worker.drain();
    const techCards = connector.cardsIn(personalConversationId(technician)).length;
    await answer(requester, lastCard(personalConversationId(requester), "send"), { rating: "1", comment: "Trop long" });
    await bot.worker.drain();
    expect(connector.cardsIn(personalConversationId(technician))).toHaveLength(techCards);
    expect(shown(lastCard(personalConversationId(boss)))).toContain(fr.praise.followUpIntro);
  });

  it("counts no more than 3 comments per requester: the fourth is recorded, not counted", async () => {
    const before = await potCents();
    await closeTicket(requester);
    await bot.worker.drain();
    const answered = await answer(requester, lastCard(personalConversationId(requester), "send"), { rating: "3", comment: "Quatrième merci" });
    expect(shown(answered)).toContain(fr.answer.notCounted);
    expect(shown(answered)).not.toContain("ajoute");
    expect(await potCents()).toBe(before);
    await bot.worker.drain();
    expect(textOf(lastCard(personalConversationId(technician)))).toContain("Quatrième merci");
  });

  it("runs the typed commands: management override counts a capped answer; withdraw erases the latest comment", async () => {
    await closeTicket(requester);
    await bot.worker.drain();
    const answered = await answer(requester, lastCard(personalConversationId(requester), "send"), { rating: "3", comment: "Au-delà du plafond" });
    const answerId = String(findAction(answered, "comment.withdraw").data?.answerId);
    const before = await potCents();
    await send(messageActivity(requester, `cagnotte override ${answerId} client ravi`, where()));
    expect(shown(lastCard(personalConversationId(requester), "send"))).toContain(fr.refusals["not-management"](""));
    expect(await potCents()).toBe(before);
    await send(messageActivity(boss, `cagnotte override ${answerId} client ravi`, where()));
    expect(shown(lastCard(personalConversationId(boss), "send"))).toContain(fr.management.done["override-counted"]({ kind: "override-counted" }, String));
    expect(await potCents()).toBe(before + 100);
    // French command words work as well as English ones.
    await send(messageActivity(requester, "retirer", where()));
    expect(shown(lastCard(personalConversationId(requester), "send"))).toContain("Votre commentaire a été effacé");
    await bot.worker.drain();
  });

  it("withdraws a comment from the answered card and the pot goes down", async () => {
    await closeTicket(paul);
    await bot.worker.drain();
    const answered = await answer(paul, lastCard(personalConversationId(paul), "send"), { rating: "3", comment: "Merci pour la réactivité", share: "true" });
    await bot.worker.drain();
    const before = await potCents();
    const updates = connector.cardsIn(channel.channelId, "update").length;
    const res = await send(invokeActivity(paul, findAction(answered, "comment.withdraw"), {}, where()));
    const body = (await res.json()) as { value: unknown };
    expect(shown(body.value)).toContain(fr.answer.withdrawnTitle);
    expect(shown(body.value)).toContain(fr.answer.withdrawn(true));
    expect(await potCents()).toBe(before - 100);
    await bot.worker.drain();
    // Two edits in the channel: the progress card (the pot went down) and the post that quoted the comment.
    expect(connector.cardsIn(channel.channelId, "update").length).toBe(updates + 2);
    // The shared comment is gone from the channel with its withdrawal.
    expect(connector.cardsIn(channel.channelId, "update").slice(-2).map(textOf).join("\n")).not.toContain("réactivité");
    expect(connector.cardsIn(channel.channelId, "update").slice(-2).map(shown).join("\n")).toContain(fr.praise.commentRemoved.withdrawn);
    const again = await send(invokeActivity(paul, findAction(answered, "comment.withdraw"), {}, where()));
    expect(shown(((await again.json()) as { value: unknown }).value)).toContain(fr.refusals["nothing-to-withdraw"](""));
  });

  it("waits on a 429 (Retry-After) and delivers later", async () => {
    connector.failNext({ status: 429, retryAfter: "30", conversationId: personalConversationId(requester) });
    const surveyId = await closeTicket(requester);
    await bot.worker.drain();
    expect((await bot.ctx.store.surveys.findContext(surveyId))?.survey.status).toBe("pending");
    clock.advance(31_000);
    await bot.worker.drain();
    expect((await bot.ctx.store.surveys.findContext(surveyId))?.survey.status).toBe("delivered");
  });

  it("marks a person who blocked the bot (403 MessageWritesBlocked) unreachable", async () => {
    connector.failNext({ status: 403, code: "MessageWritesBlocked", conversationId: personalConversationId(stranger) });
    const surveyId = await closeTicket(stranger);
    await bot.worker.drain();
    expect((await bot.ctx.store.surveys.findContext(surveyId))?.survey.status).toBe("undeliverable");
    const person = await bot.ctx.store.people.findByEmail(stranger.email);
    expect((await bot.ctx.store.people.teamsConversation(person?.id ?? ""))?.unreachable).toBe(true);
  });

  it("marks a survey undeliverable in Teams when the requester never installed the app", async () => {
    const nobody = { id: "29:nobody", aadObjectId: "aad-nobody", name: "Nobody", email: "nobody@client.example" };
    const surveyId = await closeTicket(nobody);
    await bot.worker.drain();
    expect((await bot.ctx.store.surveys.findContext(surveyId))?.survey.status).toBe("undeliverable");
  });

  it("answers help and refuses management commands to others, in the person's one language", async () => {
    // This client says en-US, but the bot knows Marie in French: one person, one language.
    await send(messageActivity(requester, "aide", where({ locale: "en-US" })));
    const help = shown(lastCard(personalConversationId(requester), "send"));
    expect(help).toContain(fr.help.everyone);
    expect(help).toContain(fr.help.line("cagnotte ", fr.help.teamsDemo));
    expect(help).not.toContain(fr.help.management);
    await send(messageActivity(requester, "cagnotte history", where({ locale: "en-US" })));
    expect(shown(lastCard(personalConversationId(requester), "send"))).toContain(fr.refusals["not-management"](""));
    await send(messageActivity(boss, "cagnotte historique", where()));
    expect(shown(lastCard(personalConversationId(boss), "send"))).toContain(fr.status.historyTitle);
    await send(messageActivity(boss, "help", where()));
    expect(shown(lastCard(personalConversationId(boss), "send"))).toContain(fr.help.line("cagnotte ", fr.help.teamsChannel));
  });

  it("surveys people in their own language (en-US install → English card)", async () => {
    const emma = connector.addMember({ id: "29:emma", aadObjectId: "aad-emma", name: "Emma", email: "emma@client.example" });
    await send(installActivity(emma, where({ locale: "en-US" })));
    await closeTicket(emma);
    await bot.worker.drain();
    const survey = lastCard(personalConversationId(emma), "send");
    expect(shown(survey)).toContain(en.survey.submit);
    expect(shown(survey)).toContain(en.survey.ratingLegend);
    const answered = await answer(emma, survey, { rating: "2" }, "en-US");
    expect(shown(answered)).toContain(en.answer.thanks);
  });

  it("added to a team, opens a 1:1 chat with each member so that surveys reach them", async () => {
    const zoe = connector.addMember({ id: "29:zoe", aadObjectId: "aad-zoe", name: "Zoé", email: "zoe@client.example" });
    const res = await send({ ...installActivity(boss, where({ channel })), membersAdded: [{ id: "28:cagnotte-bot" }] });
    expect(res.status).toBe(200);
    expect(connector.createdConversations.map((c) => c.memberId)).toContain(zoe.id);
    const surveyId = await closeTicket(zoe);
    await bot.worker.drain();
    expect((await bot.ctx.store.surveys.findContext(surveyId))?.survey.status).toBe("delivered");
    expect(findAction(lastCard(`a:1on1-${zoe.id}`, "send"), "survey.answer").data).toEqual({ surveyId });
  });

  it("sent only cards that the adaptivecards library parses without errors", () => {
    const cards = connector.activities.flatMap((a) => ((a.activity.attachments as { content: unknown }[] | undefined) ?? []).map((x) => x.content));
    expect(cards.length).toBeGreaterThan(20);
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
  });
});
