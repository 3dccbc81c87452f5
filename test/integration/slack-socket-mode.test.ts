// Socket Mode (SLACK_APP_TOKEN, no public URL): the real bot opens its connection through
// apps.connections.open on the fake Slack, then answers envelopes sent over the WebSocket.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlack } from "../support/fake-slack/fake-slack-server.js";
import { FakeSocketMode } from "../support/fake-slack/fake-socket-mode.js";
import { startTestBot } from "../support/running-bot.js";

let fake: FakeSlack;
let socket: FakeSocketMode;
let bot: Awaited<ReturnType<typeof startTestBot>>;

beforeAll(async () => {
  fake = new FakeSlack("xoxb-socket");
  fake.appTokens.add("xapp-1-socket");
  fake.addUser({ id: "UBOSS", email: "boss@esn.example", name: "Boss", locale: "en-GB" });
  const apiUrl = await fake.start();
  socket = new FakeSocketMode(fake.server!);
  bot = await startTestBot({ SLACK_BOT_TOKEN: "xoxb-socket", SLACK_APP_TOKEN: "xapp-1-socket", SLACK_API_URL: apiUrl });
  await socket.ready();
});
afterAll(async () => {
  await bot?.stop();
  socket?.close();
  await fake?.stop();
});

describe("Slack over Socket Mode", () => {
  it("connects with the app token and answers /cagnotte over the socket", async () => {
    expect(fake.callsTo("apps.connections.open").at(-1)?.token).toBe("xapp-1-socket");
    const ack = await socket.send("slash_commands", {
      token: "legacy",
      team_id: "T0001",
      channel_id: "CGENERAL",
      user_id: "UBOSS",
      command: "/cagnotte",
      text: "status",
      api_app_id: "A0001",
      response_url: `${fake.url}/response/1`,
      trigger_id: fake.newTrigger(),
    });
    expect(ack).toMatchObject({ response_type: "ephemeral" });
    expect(JSON.stringify(ack)).toContain("Management view");
  });

  it("has no HTTP endpoint for Slack", async () => {
    const res = await fetch(`${bot.url}/slack/events`, { method: "POST", body: "x" });
    expect(res.status).toBe(404);
  });
});
