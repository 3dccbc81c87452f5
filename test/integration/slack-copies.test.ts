// On Slack (real Bolt receiver, fake Web API): a comment that is withdrawn or retracted no longer
// appears in any message the bot sent — the technician's thank-you DM and the team channel's post
// are both edited (chat.update), checked on every copy; a clean-looking hateful comment reported
// by the technician ("report" button) disappears from the channel, waits in `moderation`, and
// management is told; approval restores it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack} from "../support/fake-slack/fake-slack-server.js";
import { type FakeMessage } from "../support/fake-slack/fake-slack-server.js";
import type { SlackDriver } from "../support/fake-slack/slack-driver.js";
import { allText, findButton } from "../support/fake-slack/slack-driver.js";
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
const technician = { id: "UTECH", email: "camille@esn.example", name: "Camille Tech", locale: "fr-FR" };
const boss = { id: "UBOSS", email: "boss@esn.example", name: "Boss", locale: "en-GB" };

beforeAll(async () => {
  ({ fake, bot, slack, stop } = await startSlackBot([requester, technician, boss], { SLACK_TEAM_CHANNEL: TEAM_CHANNEL }, { secret: SIGNING_SECRET }));
});
afterAll(async () => stop?.());

const lastIn = (channel: string): FakeMessage => {
  const m = fake.messagesIn(channel).at(-1);
  if (!m) throw new Error(`no message in ${channel}`);
  return m;
};

/** Waits for the outbox to deliver everything (the fake's one post per second per channel included). */
async function drained(): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await bot.worker.drain();
    if ((await bot.ctx.store.outbox.pendingCount()) === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the outbox did not drain");
}

/** A ticket closed, its survey answered with a shared comment, everything delivered: the copies sent. */
async function sharedComment(comment: string): Promise<{ answerId: string; thankYou: FakeMessage; post: FakeMessage }> {
  const res = await closeTicketViaWebhook(bot.url, {
    ticketId: `T-${++ticketSeq}`,
    title: "Imprimante",
    requester,
    technician,
    client: { id: "client-1", name: "Client SA" },
  });
  expect(res.status).toBe(202);
  await drained();
  const card = lastIn(fake.dmChannelOf(requester.id));
  const views = fake.views.length;
  await slack.click(requester.id, card, "cagnotte_rate_3");
  const opened = fake.views[views];
  if (!opened) throw new Error("no modal");
  await slack.submit(requester.id, opened, { comment, share: ["share"] });
  await drained();
  const thankYou = lastIn(fake.dmChannelOf(technician.id));
  const post = lastIn(TEAM_CHANNEL);
  expect(allText(thankYou)).toContain(comment);
  expect(allText(post)).toContain(comment);
  const button = findButton(thankYou.blocks, "cagnotte_report");
  return { answerId: String(button?.element.value), thankYou, post };
}

/** Every message the bot sent or edited, as it reads now. */
const everything = () => fake.messages.map(allText).join("\n");
const pot = async () => ((await (await fetch(`${bot.url}/api/pot`)).json()) as { amountCents: number }).amountCents;

describe("Slack: every copy of a comment follows its fate", () => {
  it("withdrawn by its author: the thank-you DM and the channel post no longer contain it", async () => {
    const { thankYou, post } = await sharedComment("Merci Camille, au top");
    const answered = lastIn(fake.dmChannelOf(requester.id));
    await slack.click(requester.id, answered, "cagnotte_withdraw");
    await drained();
    for (const copy of [thankYou, post]) {
      const now = fake.messages.find((m) => m.channel === copy.channel && m.ts === copy.ts)!;
      expect(now.updates).toBeGreaterThan(0);
      expect(allText(now)).not.toContain("au top");
      expect(allText(now)).toContain(fr.praise.commentRemoved.withdrawn);
    }
    expect(everything()).not.toContain("au top");
  });

  it("retracted by management: every copy replaced, the pot goes down, the reply says so", async () => {
    const { answerId } = await sharedComment("Service rapide, bravo");
    const before = await pot();
    const refused = await slack.slash(boss.id, `retract ${answerId} x`);
    expect(refused.json?.text).toBe(en.refusals["reason-required"](""));
    const reply = await slack.slash(boss.id, `retract ${answerId} hateful remark`);
    expect(reply.body).toContain(en.management.done["comment-retracted"]({ kind: "comment-retracted", reversedCents: 100, keptCents: 0 }, (c) => `€${(c / 100).toFixed(2)}`).split(".")[0]);
    expect(await pot()).toBe(before - 100);
    await drained();
    expect(everything()).not.toContain("Service rapide");
    const stranger = await slack.slash(requester.id, `retract ${answerId} because`);
    expect(stranger.json?.text).toBe(fr.refusals["not-management"](""));
  });

  it("reported by the technician: hidden from the channel, waiting in moderation, management told; approval restores it", async () => {
    const hateful = "Super boulot, pas comme ces gens-là qui ne savent rien faire";
    const { answerId, thankYou, post } = await sharedComment(hateful);
    const before = await pot();
    // The fake edits messages in place: keep the card as the technician saw it, button included.
    const asSeen = structuredClone(thankYou);
    await slack.click(technician.id, thankYou, "cagnotte_report");
    expect(fake.ephemerals.at(-1)).toMatchObject({ user: technician.id, text: fr.management.done["comment-reported"]({ kind: "comment-reported" }, String) });
    expect(await pot()).toBe(before - 100);
    await drained();
    expect(everything()).not.toContain(hateful);
    expect(allText(fake.messages.find((m) => m.ts === post.ts)!)).toContain(fr.praise.commentRemoved.hidden);
    const notice = lastIn(fake.dmChannelOf(boss.id));
    expect(allText(notice)).toContain(en.lifecycle.noticeTitle);
    expect(allText(notice)).toContain("Camille Tech");
    const queue = await slack.slash(boss.id, "moderation");
    expect(queue.body).toContain(en.management.verdicts.reported);
    // A second report changes nothing and gets the same answer.
    await slack.click(technician.id, asSeen, "cagnotte_report");
    expect(fake.ephemerals.at(-1)?.text).toBe(fr.management.done["comment-reported"]({ kind: "comment-reported" }, String));
    const [item] = await bot.ctx.store.moderation.pending(10);
    expect(item).toMatchObject({ answerId, verdict: "reported" });
    expect(await bot.ctx.store.moderation.countPending()).toBe(1);
    await slack.slash(boss.id, `moderation approve ${item!.id}`);
    expect(await pot()).toBe(before);
    await drained();
    expect(allText(fake.messages.find((m) => m.ts === post.ts)!)).toContain(hateful);
    expect(allText(fake.messages.find((m) => m.ts === thankYou.ts)!)).toContain(hateful);
  });
});
