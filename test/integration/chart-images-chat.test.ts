// Charts and exports through the chat platforms, with the real bot (HTTP server, outbox, SQLite)
// wired to a fake Slack and a fake Bot Connector at once. Management's status and the weekly digest
// carry a chart: a Slack image block whose picture the fake Slack downloads as Slack does, a Teams
// Adaptive Card Image; both addresses serve a PNG of the campaign's pot. Someone else's status has
// no chart. When Slack cannot download the picture (PUBLIC_URL not reachable), the digest still goes,
// without it. Teams' `export` answers with a link that downloads the CSV.
import { createServer, type Server } from "node:http";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import type { AppContext } from "../../src/app/context.js";
import { postWeeklyDigest } from "../../src/app/lifecycle/post-weekly-digest.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { cardProblems } from "../support/adaptive-card-parser.js";
import { FakeConnector } from "../support/fake-connector/fake-connector.js";
import { installActivity, messageActivity, personalConversationId, type Where } from "../support/fake-connector/teams-activities.js";
import { FakeSlack, type Block } from "../support/fake-slack/fake-slack-server.js";
import { SlackDriver } from "../support/fake-slack/slack-driver.js";
import { startTestBot } from "../support/running-bot.js";
import { ticketEvent } from "../support/fixtures.js";

const TOKEN = "xoxb-charts";
const SECRET = "charts-signing-secret";
const TEAM_CHANNEL = "CTEAM";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const channel = { teamId: "19:team@thread.tacv2", channelId: "19:general@thread.tacv2" };

const slackBoss = { id: "UBOSS", email: "boss@esn.example", name: "Boss", locale: "fr-FR" };
const slackRequester = { id: "UREQ", email: "marie@client.example", name: "Marie", locale: "fr-FR" };

type Bot = Awaited<ReturnType<typeof startTestBot>>;

async function freePort(): Promise<number> {
  const s: Server = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const address = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

/** A counted comment in the current campaign, through the use cases. */
async function countedComment(ctx: AppContext, text: string) {
  const r = await ticketClosed(ctx, ticketEvent({ closedAt: ctx.clock.now() }));
  if (r.status !== "scheduled") throw new Error("not scheduled");
  const context = (await ctx.store.surveys.findContext(r.surveyId))!;
  const a = await answerSurvey(ctx, { surveyId: r.surveyId, answerer: { surveyToken: context.survey.token }, rating: 3, comment: text });
  if (!a.ok || !a.counted) throw new Error("not counted");
}

/**
 * Drains the outbox until `find` sees the message: the team channel is paced at one post a second
 * (as Slack does), so a digest posted right after the progress message waits for its turn.
 */
async function drainUntil<T>(bot: Bot, find: () => T | undefined): Promise<T> {
  return vi.waitFor(
    async () => {
      await bot.worker.drain();
      const found = find();
      if (found === undefined) throw new Error("not delivered yet");
      return found;
    },
    { timeout: 10_000, interval: 250 },
  );
}

/** The digest of this week (its slot today at midnight, Paris time). */
const digestNow = (bot: Bot) => postWeeklyDigest(bot.ctx, bot.ctx.clock.now(), { weekday: DateTime.now().setZone("Europe/Paris").weekday, minutes: 0 });

async function fetchPng(url: string) {
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get("content-type"), body };
}

function expectPng(picture: { status: number; type: string | null; body: Buffer }) {
  expect(picture.status).toBe(200);
  expect(picture.type).toBe("image/png");
  expect(picture.body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  // The IHDR chunk: width and height of a 560 × 220 chart drawn twice as large, with its title and axes.
  expect(picture.body.readUInt32BE(16)).toBeGreaterThan(1_000);
  expect(picture.body.readUInt32BE(20)).toBeGreaterThan(400);
}

function imagesOf(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(imagesOf);
  if (!node || typeof node !== "object") return [];
  const record = node as Record<string, unknown>;
  return [...(record.type === "Image" ? [record] : []), ...Object.values(record).flatMap(imagesOf)];
}

describe("charts in Slack and Teams", () => {
  const fake = new FakeSlack(TOKEN);
  const connector = new FakeConnector();
  const boss = connector.addMember({ id: "29:boss", aadObjectId: "aad-boss", name: "La Direction", email: "boss@esn.example" });
  const tech = connector.addMember({ id: "29:tech", aadObjectId: "aad-tech", name: "Camille", email: "camille@esn.example" });
  let bot: Bot;
  let slack: SlackDriver;
  let publicUrl = "";
  const where = (w: Partial<Where> = {}): Where => ({ serviceUrl: connector.url, ...w });
  const send = (activity: unknown) => fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });

  beforeAll(async () => {
    fake.addUser(slackBoss);
    fake.addUser(slackRequester);
    const apiUrl = await fake.start();
    await connector.start();
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    bot = await startTestBot({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiUrl, SLACK_TEAM_CHANNEL: TEAM_CHANNEL, TEAMS_LOCAL: "true", PORT: String(port), PUBLIC_URL: publicUrl });
    slack = new SlackDriver(bot.url, SECRET, fake);
    for (const m of [boss, tech]) expect((await send(installActivity(m, where()))).status).toBe(200);
    expect((await send(messageActivity(boss, "cagnotte channel", where({ channel })))).status).toBe(200);
    await countedComment(bot.ctx, "Merci, tout remarche");
    await countedComment(bot.ctx, "Intervention rapide et claire");
  });
  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
    await connector.stop();
  });

  it("Slack: management's status carries an image block whose address serves the pot as PNG; a requester's does not", async () => {
    const reply = await slack.slash(slackBoss.id, "status");
    expect(reply.status).toBe(200);
    const images = ((reply.json?.blocks ?? []) as Block[]).filter((b) => b.type === "image");
    expect(images).toHaveLength(1);
    const image = images[0]!;
    expect(image.image_url).toMatch(new RegExp(`^${publicUrl}/charts/[\\w-]+\\.[\\w-]{43}\\.png$`));
    expect(String(image.alt_text)).toMatch(/^Graphique : la cagnotte de la campagne \d{4}-Q[1-4] cumulée jour après jour, 2,00\s€ après \d+ jours?\.$/);
    expectPng(await fetchPng(String(image.image_url)));
    const requester = await slack.slash(slackRequester.id, "status");
    expect(requester.status).toBe(200);
    expect(requester.body).not.toContain('"type":"image"');
    expect(requester.body).not.toContain("/charts/");
  });

  it("Teams: management's status card holds an Image whose address serves the PNG", async () => {
    expect((await send(messageActivity(boss, "cagnotte status", where()))).status).toBe(200);
    const card = connector.cardsIn(personalConversationId(boss)).at(-1)!;
    expect(cardProblems(card)).toEqual([]);
    const [image, ...more] = imagesOf(card);
    expect(more).toEqual([]);
    expect(String(image?.url)).toMatch(new RegExp(`^${publicUrl}/charts/`));
    expect(String(image?.altText)).toContain("2,00");
    expectPng(await fetchPng(String(image?.url)));
  });

  it("the weekly digest shows the chart on Slack (downloaded by Slack) and on Teams", async () => {
    expect(await digestNow(bot)).toEqual({ posted: 1 });
    const post = await drainUntil(bot, () => fake.messagesIn(TEAM_CHANNEL).find((m) => m.text.includes("La semaine de la cagnotte")));
    expect(post?.blocks.filter((b) => b.type === "image")).toHaveLength(1);
    expect(post, "a digest with an image block in the Slack team channel").toBeDefined();
    const url = String(post!.blocks.find((b) => b.type === "image")!.image_url);
    const fetched = fake.imageFetches.filter((f) => f.url === url);
    expect(fetched.length).toBeGreaterThanOrEqual(1);
    expectPng({ status: fetched[0]!.status, type: fetched[0]!.contentType, body: fetched[0]!.body });
    const teamsPost = await drainUntil(bot, () => connector.cardsIn(channel.channelId, "send").find((card) => imagesOf(card).length > 0));
    expect(teamsPost, "a digest card with an Image in the Teams channel").toBeDefined();
    expect(cardProblems(teamsPost)).toEqual([]);
    expectPng(await fetchPng(String(imagesOf(teamsPost)[0]!.url)));
  });

  it("Teams: `export` answers with a link that downloads the CSV, not the CSV in a card", async () => {
    expect((await send(messageActivity(boss, "cagnotte export", where()))).status).toBe(200);
    const card = connector.cardsIn(personalConversationId(boss)).at(-1)!;
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain("cagnotte-answers-all.csv");
    expect(text).not.toContain("Merci, tout remarche");
    const link = new RegExp(`\\]\\((${publicUrl}/exports/[\\w.-]+)\\)`).exec(text)?.[1];
    expect(link).toBeDefined();
    const res = await fetch(link!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="cagnotte-answers-all.csv"');
    const csv = Buffer.from(await res.arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8")).toContain("Merci, tout remarche");
  });
});

describe("Slack cannot download the picture", () => {
  const fake = new FakeSlack(TOKEN);
  let bot: Bot;
  beforeAll(async () => {
    const apiUrl = await fake.start();
    // PUBLIC_URL names a port nobody listens on: Slack's download fails, as from a private address.
    const nowhere = await freePort();
    bot = await startTestBot({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiUrl, SLACK_TEAM_CHANNEL: TEAM_CHANNEL, PUBLIC_URL: `http://127.0.0.1:${nowhere}` });
    await countedComment(bot.ctx, "Merci beaucoup");
  });
  afterAll(async () => {
    await bot?.stop();
    await fake.stop();
  });

  it("posts the digest without its picture rather than not at all", async () => {
    expect(await digestNow(bot)).toEqual({ posted: 1 });
    await drainUntil(bot, () => fake.messagesIn(TEAM_CHANNEL).find((m) => m.text.includes("La semaine de la cagnotte")));
    const refused = fake.callsTo("chat.postMessage").filter((c) => c.error === "invalid_blocks");
    expect(refused.length).toBeGreaterThanOrEqual(1);
    // The team channel also holds the pot's progress message: the digest is the week's post.
    const digests = fake.messagesIn(TEAM_CHANNEL).filter((m) => m.text.includes("La semaine de la cagnotte"));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.blocks.some((b) => b.type === "image")).toBe(false);
    expect(JSON.stringify(digests[0]!.blocks)).toContain("1,00");
  });
});
