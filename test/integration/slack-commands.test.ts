// /cagnotte replies that need more than text: a CSV export uploaded to the asker's DM, and the
// moderation queue's approve/reject buttons going back through runCommand. The management
// commands themselves live in another module; here the table holds stand-ins with their reply shapes.
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../src/adapters/http/http-app.js";
import { createSlackAdapter } from "../../src/adapters/slack/slack-app.js";
import { commandTable } from "../../src/app/commands/run-command.js";
import type { Block } from "../support/fake-slack/fake-slack-server.js";
import { FakeSlack } from "../support/fake-slack/fake-slack-server.js";
import { SlackDriver } from "../support/fake-slack/slack-driver.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext } from "../support/fixtures.js";
import { textsFor } from "../../src/i18n/index.js";

const SECRET = "commands-signing-secret";
let fake: FakeSlack;
let server: Server;
let closeDb: () => Promise<void>;
let slack: SlackDriver;
const moderationCalls: string[][] = [];
const boss = { id: "UBOSS", email: "boss@esn.example", name: "Boss", locale: "en-GB" };
const someone = { id: "USOME", email: "someone@client.example", name: "Someone", locale: "fr-FR" };

const exportTitle = { of: "export", exportKind: "contributions", rows: 1 } as const;
const en = textsFor("en");
const fr = textsFor("fr");

const commands = commandTable({
  everyone: {
    boom: async () => {
      throw new Error("database unavailable");
    },
  },
  management: {
    export: async () => ({ kind: "file", filename: "cagnotte-2026-T4.csv", contentType: "text/csv", content: "campaign,amount\nT4 2026,12.00\n", title: exportTitle }),
    moderation: async (_ctx, _actor, args) => {
      moderationCalls.push(args);
      if (args.length) return { kind: "done", done: { kind: "moderation-approved", counted: true, reason: null } };
      return {
        kind: "moderation-queue",
        items: [{ id: "m-1", answerId: "a-1", verdict: "review", comment: "Bof <!here>", terms: ["bof"], ticketRef: "#7", requesterName: "Marie", clientName: "ACME", createdAt: new Date() }],
      };
    },
  },
});

beforeAll(async () => {
  fake = new FakeSlack("xoxb-cmd");
  fake.addUser(boss);
  fake.addUser(someone);
  const apiUrl = await fake.start();
  const db = await openTestStore("sqlite");
  closeDb = db.close;
  const ctx = testContext(db.store, new FixedClock(new Date()));
  const adapter = createSlackAdapter(ctx, commands, { botToken: "xoxb-cmd", signingSecret: SECRET, apiUrl, teamChannel: null, appToken: null, oauth: null });
  // auth.test runs here, not while the App is built: until it succeeds, /slack/events answers 503.
  await adapter.start();
  const app = createHttpApp(ctx, { ticketWebhookSecret: "unused", routers: adapter.routers });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  slack = new SlackDriver(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`, SECRET, fake);
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await closeDb?.();
  await fake?.stop();
});

describe("/cagnotte export", () => {
  it("uploads the CSV file to the asker's DM through files.getUploadURLExternal and completeUploadExternal", async () => {
    const res = await slack.slash(boss.id, "export");
    expect(res.json).toMatchObject({ response_type: "ephemeral" });
    expect(res.body).toContain("cagnotte-2026-T4.csv");
    expect(fake.files).toHaveLength(1);
    expect(fake.files[0]).toMatchObject({ filename: "cagnotte-2026-T4.csv", channel: fake.dmChannelOf(boss.id), title: en.management.fileTitle(exportTitle) });
    expect(fake.files[0]?.content).toContain("T4 2026,12.00");
  });

  it("refuses it to anyone outside management, uploading nothing", async () => {
    const res = await slack.slash(someone.id, "export");
    expect(res.json?.text).toBe(fr.refusals["not-management"](""));
    expect(fake.files).toHaveLength(1);
  });
});

describe("/cagnotte moderation", () => {
  it("lists the queue with approve and reject buttons that run the moderation command", async () => {
    const res = await slack.slash(boss.id, "moderation");
    const blocks = (res.json?.blocks ?? []) as Block[];
    expect(JSON.stringify(blocks)).toContain("Bof &lt;!here&gt;");
    await slack.click(boss.id, { channel: "CGENERAL", ts: "", text: String(res.json?.text ?? ""), blocks }, "cagnotte_moderation_approve");
    expect(moderationCalls.slice(-2)).toEqual([["approve", "m-1"], []]);
    const answer = fake.responses.at(-1)?.body as { text?: string; response_type?: string; replace_original?: boolean; blocks?: Block[] };
    // The queue message is replaced by the confirmation and the queue as it is now.
    expect(answer).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(answer.text).toBe(en.management.done["moderation-approved"]({ kind: "moderation-approved", counted: true, reason: null }, String));
    expect(JSON.stringify(answer.blocks)).toContain("cagnotte_moderation_reject");
  });

  it("refuses the buttons to anyone outside management", async () => {
    const calls = moderationCalls.length;
    const queue = await slack.slash(boss.id, "moderation");
    await slack.click(someone.id, { channel: "CGENERAL", ts: "", text: "", blocks: (queue.json?.blocks ?? []) as Block[] }, "cagnotte_moderation_reject");
    expect(moderationCalls.length).toBe(calls + 1);
    expect(String((fake.responses.at(-1)?.body as { text?: string }).text)).toBe(fr.refusals["not-management"](""));
  });
});

describe("a command that fails", () => {
  it("tells the asker to try again instead of leaving Slack without an answer", async () => {
    const res = await slack.slash(someone.id, "boom");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_type: "ephemeral", text: fr.refusals["something-wrong"]("") });
  });
});

describe("Socket Mode", () => {
  it("builds without an HTTP route (the connection opens at start)", async () => {
    const db = await openTestStore("sqlite");
    try {
      const ctx = testContext(db.store, new FixedClock(new Date()));
      const adapter = createSlackAdapter(ctx, commands, { botToken: "xoxb-x", signingSecret: null, apiUrl: null, teamChannel: null, appToken: "xapp-1-test", oauth: null });
      expect(adapter.routers).toEqual([]);
      expect(adapter.platform.name).toBe("slack");
    } finally {
      await db.close();
    }
  });
});
