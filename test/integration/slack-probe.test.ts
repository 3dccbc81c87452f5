// What a probe from outside found on /slack/events, each with the request that showed it:
// - with Slack accepting connections and never answering, a signed click stayed open for minutes:
//   every interaction (click, slash command, modal submission) is now acknowledged within 3 s;
// - signed but malformed bodies got 500: now 4xx;
// - an unsigned 4 MB body was read whole before the signature was checked: now refused at once.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import { FakeSlack, type FakeMessage } from "../support/fake-slack/fake-slack-server.js";
import { signSlack, SlackDriver } from "../support/fake-slack/slack-driver.js";
import { startTestBot } from "../support/running-bot.js";
import { SlackGate } from "../support/slack-gate.js";
import { closeTicketViaWebhook } from "../support/webhook.js";

const SECRET = "probe-signing-secret";
const requester = { id: "UREQ", email: "marie@client.example", name: "Marie", locale: "fr-FR" };
const boss = { id: "UBOSS", email: "boss@esn.example", name: "Boss", locale: "en-GB" };
let fake: FakeSlack;
let gate: SlackGate;
let bot: Awaited<ReturnType<typeof startTestBot>>;
let slack: SlackDriver;

beforeAll(async () => {
  fake = new FakeSlack("xoxb-probe");
  fake.addUser(requester);
  fake.addUser(boss);
  await fake.start();
  gate = new SlackGate(fake.url);
  await gate.open();
  bot = await startTestBot({ SLACK_BOT_TOKEN: "xoxb-probe", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: gate.apiUrl });
  slack = new SlackDriver(bot.url, SECRET, fake);
});
afterAll(async () => {
  await gate?.close(); // drops the calls it held, so the handlers still running end
  await bot?.stop();
  await fake?.stop();
});

/** Status and seconds taken; "no answer" after 8 s (Slack gives up after 3). */
async function timed(send: () => Promise<{ status: number }>): Promise<{ status: number | "no answer"; seconds: number }> {
  const started = Date.now();
  const status = await Promise.race([send().then((r) => r.status), new Promise<"no answer">((resolve) => setTimeout(() => resolve("no answer"), 8_000).unref())]);
  return { status, seconds: (Date.now() - started) / 1000 };
}

describe("Slack's Web API accepts connections and never answers", () => {
  it("still acknowledges every interaction within 3 s", async () => {
    const closed = await closeTicketViaWebhook(bot.url, { ticketId: "T-1", requester, technician: { email: "tech@esn.example" }, client: { id: "c1" } });
    expect(closed.status).toBe(202);
    await bot.worker.drain();
    const card = fake.messagesIn(fake.dmChannelOf(requester.id)).at(-1) as FakeMessage;
    expect(card).toBeDefined();
    // The modal opens while Slack still answers; then Slack hangs.
    const viewsBefore = fake.views.length;
    expect((await slack.click(requester.id, card, "cagnotte_rate_3")).status).toBe(200);
    const opened = fake.views[viewsBefore]!;
    expect(opened).toBeDefined();
    gate.stalled = true;

    const results = {
      "rating click (views.open hangs)": await timed(() => slack.click(requester.id, card, "cagnotte_rate_2")),
      "slash command (users.info hangs)": await timed(() => slack.slash(boss.id, "status")),
      "modal submission (chat.update hangs)": await timed(() => slack.submit(requester.id, opened, { comment: "Merci", share: [] })),
    };
    for (const [what, r] of Object.entries(results)) console.log(`slack hanging: ${what}: ${r.status} in ${r.seconds.toFixed(2)} s`);
    console.log(`slack hanging: ${gate.held.length} Web API calls left unanswered (${[...new Set(gate.held)].join(", ")})`);
    for (const r of Object.values(results)) {
      expect(r.status).toBe(200);
      expect(r.seconds).toBeLessThan(3);
    }
    // The answer itself is recorded although Slack never saw the card change.
    const db = (bot.ctx.store as unknown as { db: Db }).db;
    expect(await db.answer.count()).toBe(1);
    gate.stalled = false;
  });
});

describe("signed requests with bodies Bolt cannot read", () => {
  const form = (payload: unknown) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const bodies: [string, string][] = [
    ["application/json", "null"],
    ["application/json", '{"type":"event_callback","event":null}'],
    ["application/json", "{not json"],
    ["application/x-www-form-urlencoded", "payload=null"],
    ["application/x-www-form-urlencoded", form({ type: "block_actions", actions: null })],
    ["application/x-www-form-urlencoded", form({ type: "block_actions", actions: [{}] })],
    ["application/x-www-form-urlencoded", form({ type: "view_submission" })],
    ["application/x-www-form-urlencoded", form({ type: "view_submission", view: {} })],
    ["application/x-www-form-urlencoded", "payload=%7Bbad"],
    ["text/plain", "hello"],
  ];

  it("answer 4xx, never 500, and the bot keeps answering", async () => {
    const statuses: number[] = [];
    for (const [type, body] of bodies) statuses.push((await slack.postSigned(body, type)).status);
    console.log(`malformed signed Slack bodies: ${bodies.length} sent, statuses ${statuses.join(",")}`);
    for (const s of statuses) expect(s).toBeGreaterThanOrEqual(400);
    for (const s of statuses) expect(s).toBeLessThan(500);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});

describe("an oversized body", () => {
  /** Declares `declared` bytes, sends 64 KiB and waits: does the bot answer before reading the rest? */
  function sendPartly(headers: Record<string, string>, declared = 4 * 1024 * 1024): Promise<{ status: number | "no answer"; sentBytes: number }> {
    return new Promise((resolve, reject) => {
      const url = new URL(`${bot.url}/slack/events`);
      const chunk = Buffer.alloc(64 * 1024, "a");
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": String(declared), ...headers } });
      const timer = setTimeout(() => {
        req.destroy();
        resolve({ status: "no answer", sentBytes: chunk.length });
      }, 3_000);
      req.on("response", (res) => {
        clearTimeout(timer);
        res.resume();
        resolve({ status: res.statusCode ?? 0, sentBytes: chunk.length });
        req.destroy();
      });
      req.on("error", (error) => (timer.hasRef() ? reject(error) : undefined));
      req.write(chunk);
    });
  }

  it("is refused before it is read whole, unsigned (401) or declared over the limit (413)", async () => {
    const unsigned = await sendPartly({});
    const stale = await sendPartly(signSlack(SECRET, "", Math.floor(Date.now() / 1000) - 3600));
    const signedLooking = await sendPartly({ "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)), "x-slack-signature": "v0=00" });
    console.log(`4 MB bodies after 64 KiB sent: unsigned ${unsigned.status}, stale signature ${stale.status}, signature headers but 4 MB declared ${signedLooking.status}`);
    expect(unsigned.status).toBe(401);
    expect(stale.status).toBe(401);
    expect(signedLooking.status).toBe(413);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
