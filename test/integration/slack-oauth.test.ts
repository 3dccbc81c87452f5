// Several workspaces: a client company installs the app in its own Slack through the OAuth flow,
// from a link signed for it; its requesters then get their surveys there, and their clicks are
// answered with that workspace's token. The home workspace keeps SLACK_BOT_TOKEN.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import { FakeSlack } from "../support/fake-slack/fake-slack-server.js";
import { SlackDriver } from "../support/fake-slack/slack-driver.js";
import { startTestBot } from "../support/running-bot.js";
import { closeTicketViaWebhook } from "../support/webhook.js";

const SIGNING_SECRET = "oauth-signing-secret";
let fake: FakeSlack;
let bot: Awaited<ReturnType<typeof startTestBot>>;
const clientUser = { id: "UCLI2", email: "lea@client2.example", name: "Léa", locale: "fr-FR", teamId: "T0002" };
const technician = { id: "UTECH", email: "camille@esn.example", name: "Camille Tech", locale: "fr-FR" };
const boss = { id: "UBOSS", email: "boss@esn.example", name: "Boss", locale: "en-GB" };

beforeAll(async () => {
  fake = new FakeSlack("xoxb-home");
  fake.clientCredentials = { id: "111.222", secret: "client-secret" };
  for (const u of [clientUser, technician, boss]) fake.addUser(u);
  const apiUrl = await fake.start();
  bot = await startTestBot({
    SLACK_BOT_TOKEN: "xoxb-home",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    SLACK_CLIENT_ID: "111.222",
    SLACK_CLIENT_SECRET: "client-secret",
    SLACK_STATE_SECRET: "a-long-random-state-secret",
  });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

const db = () => (bot.ctx.store as unknown as { db: Db }).db;
const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("Slack OAuth install for a client company", () => {
  it("refuses install links that are not signed for the client", async () => {
    expect((await fetch(`${bot.url}/slack/install`, { redirect: "manual" })).status).toBe(403);
    expect((await fetch(`${bot.url}/slack/install?client=client-2&sig=forged`, { redirect: "manual" })).status).toBe(403);
  });

  it("installs a client's workspace from the link management gets, then delivers that client's surveys there", async () => {
    const home = new SlackDriver(bot.url, SIGNING_SECRET, fake, "T0001");
    const reply = await home.slash(boss.id, "slack-install client-2");
    const link = /https?:\/\/[^\s"*\\]+\/slack\/install\?[^\s"*\\]+/.exec(unescape(reply.body))?.[0];
    expect(link).toBeDefined();
    const path = new URL(link!).pathname + new URL(link!).search;
    const start = await fetch(`${bot.url}${path}`, { redirect: "manual" });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get("location")!);
    expect(authorize.origin).toBe(fake.url);
    expect(authorize.searchParams.get("scope")).toContain("users:read.email");
    const state = authorize.searchParams.get("state")!;
    const cookie = start.headers.get("set-cookie")!.split(";")[0]!;

    fake.oauthCodes.set("code-1", { token: "xoxb-client2", teamId: "T0002", teamName: "Client 2", botUserId: "UBOT2" });
    const callback = await fetch(`${bot.url}/slack/oauth_redirect?code=code-1&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: "manual" });
    expect(callback.status).toBe(200);
    const installation = await db().slackInstallation.findUnique({ where: { id: "T:T0002" } });
    const client = await db().client.findUnique({ where: { externalId: "client-2" } });
    expect(installation?.clientId).toBe(client?.id);

    const res = await closeTicketViaWebhook(bot.url, {
      ticketId: "OA-1",
      title: "Messagerie",
      requester: clientUser,
      technician,
      client: { id: "client-2", name: "Client 2" },
    });
    expect(res.status).toBe(202);
    await bot.worker.drain();
    const survey = fake.messagesIn(fake.dmChannelOf(clientUser.id))[0];
    expect(survey).toBeDefined();
    const post = fake.callsTo("chat.postMessage").find((c) => c.args.channel === fake.dmChannelOf(clientUser.id));
    expect(post?.token).toBe("xoxb-client2");

    const theirs = new SlackDriver(bot.url, SIGNING_SECRET, fake, "T0002");
    await theirs.click(clientUser.id, survey!, "cagnotte_rate_3");
    expect(fake.callsTo("views.open").at(-1)?.token).toBe("xoxb-client2");
    const submitted = await theirs.submit(clientUser.id, fake.views.at(-1)!, { comment: "Rapide et clair" });
    expect(submitted.status).toBe(200);
    expect(await db().answer.count()).toBe(1);
    await bot.worker.drain();
    const praise = fake.callsTo("chat.postMessage").find((c) => c.args.channel === fake.dmChannelOf(technician.id));
    expect(praise?.token).toBe("xoxb-home");
  });

  it("never grants management rights from a client's workspace, whatever e-mail its accounts carry", async () => {
    fake.addUser({ id: "UFORGED", email: boss.email, name: "Not the boss", locale: "en-US", teamId: "T0002" });
    const theirs = new SlackDriver(bot.url, SIGNING_SECRET, fake, "T0002");
    expect((await theirs.slash("UFORGED", "history")).body).toContain("management only");
    expect((await theirs.slash("UFORGED", "status")).body).not.toContain("Management view");
    const home = new SlackDriver(bot.url, SIGNING_SECRET, fake, "T0001");
    expect((await home.slash(boss.id, "status")).body).toContain("Management view");
    // slack-install exists only with the OAuth install: help lists it for management then.
    expect((await home.slash(boss.id, "help")).body).toContain("/cagnotte slack-install");
  });

  it("forgets a workspace whose bot token is revoked, not one where only a user token is", async () => {
    const theirs = new SlackDriver(bot.url, SIGNING_SECRET, fake, "T0002");
    const installed = await db().slackInstallation.findUniqueOrThrow({ where: { id: "T:T0002" } });
    const revoked = (id: string, tokens: Record<string, string[]>) =>
      JSON.stringify({
        token: "legacy",
        team_id: "T0002",
        api_app_id: "A0001",
        type: "event_callback",
        event_id: id,
        event_time: Math.floor(Date.now() / 1000),
        event: { type: "tokens_revoked", tokens, event_ts: `${Date.now() / 1000}` },
        authorizations: [{ team_id: "T0002", enterprise_id: null, user_id: "UBOT2", is_bot: true, is_enterprise_install: false }],
      });
    expect((await theirs.postSigned(revoked("Ev-revoke-user", { oauth: ["U0002"] }), "application/json")).status).toBe(200);
    expect(await db().slackInstallation.findUnique({ where: { id: "T:T0002" } })).not.toBeNull();
    expect((await theirs.postSigned(revoked("Ev-revoke-bot", { bot: ["UBOT2"] }), "application/json")).status).toBe(200);
    expect(await db().slackInstallation.findUnique({ where: { id: "T:T0002" } })).toBeNull();
    // Installed again for the tests that follow.
    await db().slackInstallation.create({ data: installed });
  });

  it("forgets a workspace that uninstalls the app", async () => {
    const theirs = new SlackDriver(bot.url, SIGNING_SECRET, fake, "T0002");
    const event = JSON.stringify({
      token: "legacy",
      team_id: "T0002",
      api_app_id: "A0001",
      type: "event_callback",
      event_id: "Ev-uninstall-1",
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_uninstalled", event_ts: `${Date.now() / 1000}` },
      authorizations: [{ team_id: "T0002", enterprise_id: null, user_id: "UBOT2", is_bot: true, is_enterprise_install: false }],
    });
    const res = await theirs.postSigned(event, "application/json");
    expect(res.status).toBe(200);
    expect(await db().slackInstallation.findUnique({ where: { id: "T:T0002" } })).toBeNull();
  });

  it("acknowledges a click on a button it has no handler for (a link button) and changes nothing", async () => {
    const home = new SlackDriver(bot.url, SIGNING_SECRET, fake, "T0001");
    const before = fake.calls.length;
    const click = JSON.stringify({
      type: "block_actions",
      team: { id: "T0001", domain: "fake" },
      user: { id: boss.id, team_id: "T0001" },
      api_app_id: "A0001",
      trigger_id: "1.link",
      container: { type: "message", channel_id: "D0001", message_ts: "1.1" },
      actions: [{ type: "button", action_id: "dashboard-link", block_id: "b1", value: "x", action_ts: "1.2" }],
    });
    const res = await home.postSigned(`payload=${encodeURIComponent(click)}`, "application/x-www-form-urlencoded");
    expect(res.status).toBe(200);
    expect(fake.calls.slice(before).map((c) => c.method)).toEqual([]);
  });
});
