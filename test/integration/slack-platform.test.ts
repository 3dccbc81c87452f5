// The Slack ChatPlatform against the fake Web API: what each Slack answer becomes for the outbox,
// and how the team channel's one progress message per campaign is kept.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { slackPlatform, progressKey } from "../../src/adapters/slack/slack-platform.js";
import { outboxClient } from "../../src/adapters/slack/web-client.js";
import { singleWorkspace } from "../../src/adapters/slack/workspaces.js";
import type { AppContext } from "../../src/app/context.js";
import type { PotProgress, Recipient, SurveyPrompt } from "../../src/core/views.js";
import { silentLogger } from "../../src/ports/logger.js";
import type { ChatPlatform } from "../../src/ports/chat-platform.js";
import { FakeSlack } from "../support/fake-slack/fake-slack-server.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext } from "../support/fixtures.js";

let fake: FakeSlack;
let apiUrl: string;
let db: Awaited<ReturnType<typeof openTestStore>>;
let ctx: AppContext;

beforeAll(async () => {
  fake = new FakeSlack("xoxb-p");
  fake.addUser({ id: "UALICE", email: "alice@client.example", name: "Alice", locale: "en-US" });
  fake.addUser({ id: "UBOB", email: "bob@esn.example", name: "Bob", locale: "fr-FR" });
  fake.addUser({ id: "UGONE", email: "gone@client.example", name: "Gone", deleted: true });
  apiUrl = await fake.start();
});
afterAll(async () => fake?.stop());
beforeEach(async () => {
  db = await openTestStore("sqlite");
  ctx = testContext(db.store, new FixedClock(new Date("2026-11-20T10:00:00Z")));
});
afterEach(async () => db?.close());

// No waiting between posts here: the fake's own per-channel limit is what these tests exercise.
const noPacing = { wait: async () => {} };
function platform(teamChannel: string | null = "CTEAM", token = "xoxb-p"): ChatPlatform {
  return slackPlatform({ ctx, workspaces: singleWorkspace(outboxClient(token, { apiUrl, logger: silentLogger })), teamChannel, pacer: noPacing });
}

const to = (email: string): Recipient => ({ personId: null, email, name: null, locale: null, slackUserId: null, teamsUserId: null });
const prompt: SurveyPrompt = { surveyId: "s", surveyUrl: "u", locale: "fr", ticketRef: "#1", ticketTitle: "T", technicianName: "Cam", clientName: null, ratingScale: 3, amountCents: 100, expiresAt: new Date(), reminder: false };
const progress: PotProgress = { campaignId: "camp-1", campaignLabel: "T4 2026", charityName: "Rêves", amountCents: 300, countedComments: 3, daysLeft: 40, milestoneCents: null, sharedComment: null };

describe("survey delivery", () => {
  it("finds the person by e-mail and writes in their Slack language", async () => {
    const r = await platform().deliver({ type: "survey", to: to("alice@client.example"), prompt });
    expect(r).toMatchObject({ status: "sent", platform: "slack" });
    expect(JSON.stringify(fake.messagesIn("DUALICE").at(-1)?.blocks)).toContain("Great");
  });

  it("gives up on people Slack does not know or who left", async () => {
    expect(await platform().deliver({ type: "survey", to: to("nobody@client.example"), prompt })).toEqual({ status: "unreachable", reason: "users_not_found" });
    expect(await platform().deliver({ type: "survey", to: to("gone@client.example"), prompt })).toEqual({ status: "unreachable", reason: "account_inactive" });
  });

  it("retries later on a rate limit or a bad token", async () => {
    fake.failNext.set("users.lookupByEmail", "ratelimited");
    expect(await platform().deliver({ type: "survey", to: to("alice@client.example"), prompt })).toEqual({ status: "retry", error: "slack: ratelimited", retryAfterMs: 7_000 });
    expect(await platform("CTEAM", "xoxb-wrong").deliver({ type: "survey", to: to("alice@client.example"), prompt })).toEqual({ status: "retry", error: "slack: invalid_auth" });
  });
});

describe("team channel progress", () => {
  it("posts one message per campaign, then edits it; a deleted message is posted again", async () => {
    const p = platform("CPROG1");
    await p.deliver({ type: "pot-progress", progress });
    await p.deliver({ type: "pot-progress", progress: { ...progress, amountCents: 400, countedComments: 4 } });
    expect(fake.messagesIn("CPROG1")).toHaveLength(1);
    expect(fake.messagesIn("CPROG1")[0]?.updates).toBe(1);
    expect(fake.messagesIn("CPROG1")[0]?.text).toContain("4");
    fake.messages.splice(fake.messages.indexOf(fake.messagesIn("CPROG1")[0]!), 1);
    await new Promise((r) => setTimeout(r, 1_100)); // the fake's one-post-per-second rule
    expect(await p.deliver({ type: "pot-progress", progress })).toMatchObject({ status: "sent" });
    expect(fake.messagesIn("CPROG1")).toHaveLength(1);
    expect(JSON.parse((await db.store.settings.get(progressKey("camp-1")))!)).toMatchObject({ channel: "CPROG1", configured: "CPROG1" });
  });

  it("starts a new message when SLACK_TEAM_CHANNEL changes, and joins a public channel it was not invited to", async () => {
    await platform("CPROG2").deliver({ type: "pot-progress", progress });
    fake.notJoined.add("CPROG3");
    expect(await platform("CPROG3").deliver({ type: "pot-progress", progress })).toMatchObject({ status: "sent" });
    expect(fake.messagesIn("CPROG3")).toHaveLength(1);
    expect(fake.callsTo("conversations.join").map((c) => c.args.channel)).toContain("CPROG3");
  });

  it("hands the channel's 429 back to the outbox with Retry-After", async () => {
    fake.failNext.set("chat.postMessage", "ratelimited");
    expect(await platform("CPROG4").deliver({ type: "pot-progress", progress: { ...progress, campaignId: "camp-2" } })).toEqual({ status: "retry", error: "slack: ratelimited", retryAfterMs: 7_000 });
    expect(await db.store.settings.get(progressKey("camp-2"))).toBeNull();
  });

  it("does nothing without a team channel", async () => {
    const calls = fake.calls.length;
    expect(await platform(null).deliver({ type: "pot-progress", progress })).toEqual({ status: "sent", platform: "slack" });
    expect(fake.calls.length).toBe(calls);
  });
});

describe("messages to several people", () => {
  it("reaches those it can, and is unreachable only when nobody could be reached", async () => {
    const note = { answerId: "a", locale: "fr" as const, rating: 1, ratingScale: 3, comment: null, requesterName: "R", clientName: "C", ticketRef: "#1", ticketTitle: null, technicianName: "T" };
    expect(await platform().deliver({ type: "follow-up", to: [to("gone@client.example"), to("bob@esn.example")], note })).toEqual({ status: "sent", platform: "slack" });
    expect(fake.messagesIn("DUBOB")).toHaveLength(1);
    expect(await platform().deliver({ type: "follow-up", to: [to("gone@client.example"), to("nobody@client.example")], note })).toEqual({ status: "unreachable", reason: "account_inactive, users_not_found" });
  });
});
