// Management through Slack with the real command table (issue 5's use cases): a borderline
// comment waits in moderation, management approves it from the queue's button and the pot grows;
// the CSV export is uploaded to management's DM; payout and audit answer in Slack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack} from "../support/fake-slack/fake-slack-server.js";
import { type FakeMessage, type Block } from "../support/fake-slack/fake-slack-server.js";
import type { SlackDriver } from "../support/fake-slack/slack-driver.js";
import { allText } from "../support/fake-slack/slack-driver.js";
import type { startTestBot } from "../support/running-bot.js";
import { startSlackBot } from "../support/fake-slack/slack-bot.js";
import { closeTicketViaWebhook } from "../support/webhook.js";

const SECRET = "mgmt-signing-secret";
let fake: FakeSlack;
let bot: Awaited<ReturnType<typeof startTestBot>>;
let slack: SlackDriver;
let stop: () => Promise<void>;
const requester = { id: "UREQ", email: "marie@client.example", name: "Marie", locale: "fr-FR" };
const technician = { id: "UTECH", email: "camille@esn.example", name: "Camille", locale: "fr-FR" };
const boss = { id: "UBOSS", email: "boss@esn.example", name: "Boss", locale: "en-GB" };

beforeAll(async () => {
  ({ fake, bot, slack, stop } = await startSlackBot([requester, technician, boss], {}, { token: "xoxb-mgmt", secret: SECRET }));
});
afterAll(async () => stop?.());

async function surveyCard(): Promise<FakeMessage> {
  const res = await closeTicketViaWebhook(bot.url, { ticketId: "M-1", title: "VPN", requester, technician, client: { id: "client-m", name: "Client M" } });
  expect(res.status).toBe(202);
  await bot.worker.drain();
  const card = fake.messagesIn(fake.dmChannelOf(requester.id)).at(-1);
  if (!card) throw new Error("no survey card");
  return card;
}

const potText = async () => (await slack.slash(boss.id, "status")).body;

describe("Slack management with the real commands", () => {
  it("queues a borderline comment, and counts it when management approves it from the button", async () => {
    const card = await surveyCard();
    const views = fake.views.length;
    await slack.click(requester.id, card, "cagnotte_rate_3");
    const opened = fake.views[views];
    if (!opened) throw new Error("no modal");
    await slack.submit(requester.id, opened, { comment: "Putain, enfin ça marche !", share: [] });
    expect(await potText()).toMatch(/0\.00|€0/);

    const queue = await slack.slash(boss.id, "moderation");
    const blocks = (queue.json?.blocks ?? []) as Block[];
    expect(JSON.stringify(blocks)).toContain("Putain, enfin ça marche");
    await slack.click(boss.id, { channel: "CGENERAL", ts: "", text: String(queue.json?.text ?? ""), blocks }, "cagnotte_moderation_approve");
    expect(await potText()).toMatch(/€1\.00/);
    const audit = await slack.slash(boss.id, "audit");
    expect(audit.body).toContain("moderation");
  });

  it("uploads the CSV export to management's DM, comments included for management", async () => {
    await slack.slash(boss.id, "export");
    const file = fake.files.at(-1);
    expect(file).toMatchObject({ channel: fake.dmChannelOf(boss.id) });
    expect(file?.filename).toMatch(/\.csv$/);
    expect(file?.content).toContain("Putain, enfin ça marche");
  });

  it("refuses a payout while the campaign is open, records it once closed, and shows it in the history", async () => {
    const label = (await bot.ctx.store.campaigns.latest())!;
    const q = `${label.year}-Q${label.quarter}`;
    expect((await slack.slash(boss.id, `payout ${q} 1.00 VIR-2026-001`)).body).toContain("close it first");
    expect((await slack.slash(boss.id, `campaign close "fin anticipée"`)).status).toBe(200);
    const done = await slack.slash(boss.id, `payout ${q} 1.00 VIR-2026-001`);
    expect(done.body).not.toMatch(/close it first|Usage/);
    const history = await slack.slash(boss.id, "history");
    expect(allText({ channel: "", ts: "", text: String(history.json?.text ?? ""), blocks: (history.json?.blocks ?? []) as Block[] } as FakeMessage)).toContain("VIR-2026-001");
  });
});
