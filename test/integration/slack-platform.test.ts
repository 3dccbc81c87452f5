// The Slack ChatPlatform against the fake Web API: one message to one person or to the team
// channel, or an edit; the reader's language; what each Slack answer becomes for the delivery rules.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { slackPlatform } from "../../src/adapters/slack/slack-platform.js";
import { outboxClient } from "../../src/adapters/slack/web-client.js";
import { singleWorkspace } from "../../src/adapters/slack/workspaces.js";
import type { AppContext } from "../../src/app/context.js";
import type { ChatContent, PotProgress, Recipient, SurveyPrompt } from "../../src/core/views.js";
import { textsFor } from "../../src/i18n/index.js";
import { silentLogger } from "../../src/ports/logger.js";
import type { ChatPlatform } from "../../src/ports/chat-platform.js";
import { FakeSlack } from "../support/fake-slack/fake-slack-server.js";
import { allText } from "../support/fake-slack/slack-driver.js";
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
  fake.addUser({ id: "UCARL", email: "carl@client.example", name: "Carl", locale: "de-DE" });
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

const to = (email: string, more: Partial<Recipient> = {}): Recipient => ({ personId: null, email, name: null, locale: null, slackUserId: null, teamsUserId: null, ...more });
const prompt: SurveyPrompt = {
  surveyId: "s",
  surveyUrl: "u",
  ticketRef: "#1",
  ticketTitle: "T",
  technicianName: "Cam",
  clientName: null,
  ratingScale: 3,
  amountCents: 100,
  caps: { perRequester: 3, perClient: 10 },
  expiresAt: new Date("2026-12-01T00:00:00Z"),
  reminder: false,
  rulesUrl: "http://localhost:3978/reglement",
};
const survey: ChatContent = { kind: "survey", prompt };
const progress: PotProgress = { campaignId: "camp-1", campaignLabel: "T4 2026", charityName: "Rêves", amountCents: 300, countedComments: 3, daysLeft: 40, milestoneCents: null, sharedComment: null, sharedAnswerId: null, commentRemoved: null };
const wait = () => new Promise((r) => setTimeout(r, 1_100)); // the fake's one-post-per-second rule
const last = (channel: string) => fake.messagesIn(channel).at(-1)!;

describe("a message to a person", () => {
  it("finds the person by e-mail, remembers them and writes in their Slack language when none is known", async () => {
    const person = await db.store.people.upsertByEmail({ email: "alice@client.example", name: "Alice", now: ctx.clock.now() });
    const r = await platform().post({ to: "person", person: to("alice@client.example", { personId: person.id }) }, survey);
    expect(r).toEqual({ status: "sent", platform: "slack", ref: JSON.stringify({ channel: "DUALICE", ts: last("DUALICE").ts, locale: "en" }) });
    expect(allText(last("DUALICE"))).toContain(textsFor("en").survey.ratingLabels3[2]);
    expect(await db.store.people.findById(person.id)).toMatchObject({ slackUserId: "UALICE", locale: "en" });
  });

  it("writes in the person's known language before Slack's, and in the default one when neither is ours", async () => {
    await wait();
    await platform().post({ to: "person", person: to("alice@client.example", { locale: "fr" }) }, survey);
    expect(allText(last("DUALICE"))).toContain(textsFor("fr").survey.ratingLabels3[2]);
    await platform().post({ to: "person", person: to("carl@client.example") }, survey);
    expect(allText(last("DUCARL"))).toContain(textsFor(ctx.rules.defaultLocale).survey.header("#1"));
  });

  it("uses the Slack id it already knows without looking the e-mail up again", async () => {
    const lookups = fake.callsTo("users.lookupByEmail").length;
    const r = await platform().post({ to: "person", person: to("bob@esn.example", { slackUserId: "UBOB", locale: "en" }) }, survey);
    expect(r).toMatchObject({ status: "sent" });
    expect(fake.callsTo("users.lookupByEmail")).toHaveLength(lookups);
    expect(allText(last("DUBOB"))).toContain(textsFor("en").survey.header("#1"));
  });

  it("gives up on people Slack does not know or who left", async () => {
    expect(await platform().post({ to: "person", person: to("nobody@client.example") }, survey)).toEqual({ status: "unreachable", reason: "users_not_found" });
    expect(await platform().post({ to: "person", person: to("gone@client.example") }, survey)).toEqual({ status: "unreachable", reason: "account_inactive" });
  });

  it("retries later on a rate limit or a bad token", async () => {
    fake.failNext.set("users.lookupByEmail", "ratelimited");
    expect(await platform().post({ to: "person", person: to("alice@client.example") }, survey)).toEqual({ status: "retry", error: "slack: ratelimited", retryAfterMs: 7_000 });
    expect(await platform("CTEAM", "xoxb-wrong").post({ to: "person", person: to("alice@client.example") }, survey)).toEqual({ status: "retry", error: "slack: invalid_auth" });
  });
});

describe("the team channel", () => {
  it("posts in the default language and returns where the message lives", async () => {
    const r = await platform("CPROG1").post({ to: "team" }, { kind: "progress", progress });
    expect(r).toEqual({ status: "sent", platform: "slack", ref: JSON.stringify({ channel: "CPROG1", ts: last("CPROG1").ts, team: "CPROG1" }) });
    expect(allText(last("CPROG1"))).toContain(textsFor(ctx.rules.defaultLocale).status.title("T4 2026"));
  });

  it("joins a public channel it was not invited to, once, and posts", async () => {
    fake.notJoined.add("CPROG3");
    expect(await platform("CPROG3").post({ to: "team" }, { kind: "progress", progress })).toMatchObject({ status: "sent" });
    expect(fake.messagesIn("CPROG3")).toHaveLength(1);
    expect(fake.callsTo("conversations.join").map((c) => c.args.channel)).toContain("CPROG3");
  });

  it("hands the channel's 429 back with Retry-After", async () => {
    fake.failNext.set("chat.postMessage", "ratelimited");
    expect(await platform("CPROG4").post({ to: "team" }, { kind: "progress", progress })).toEqual({ status: "retry", error: "slack: ratelimited", retryAfterMs: 7_000 });
  });

  it("is unreachable without a team channel, calling nothing", async () => {
    const calls = fake.calls.length;
    expect(await platform(null).post({ to: "team" }, { kind: "progress", progress })).toMatchObject({ status: "unreachable" });
    expect(fake.calls.length).toBe(calls);
  });
});

describe("editing a message", () => {
  it("edits the message in place; a deleted one is gone", async () => {
    const p = platform("CPROG5");
    const posted = await p.post({ to: "team" }, { kind: "progress", progress });
    if (posted.status !== "sent" || !posted.ref) throw new Error("not posted");
    const r = await p.update(posted.ref, { kind: "progress", progress: { ...progress, amountCents: 400, countedComments: 4 } });
    expect(r).toEqual({ status: "sent", platform: "slack", ref: posted.ref });
    expect(fake.messagesIn("CPROG5")).toHaveLength(1);
    expect(last("CPROG5").updates).toBe(1);
    expect(allText(last("CPROG5"))).toMatch(/4,00\s€/);
    fake.messages.splice(fake.messages.indexOf(last("CPROG5")), 1);
    expect(await p.update(posted.ref, { kind: "progress", progress })).toEqual({ status: "gone" });
  });

  it("says gone when SLACK_TEAM_CHANNEL changed since the post, so the progress starts afresh in the new channel", async () => {
    const posted = await platform("CPROG7").post({ to: "team" }, { kind: "progress", progress });
    if (posted.status !== "sent" || !posted.ref) throw new Error("not posted");
    const updates = fake.callsTo("chat.update").length;
    expect(await platform("CPROG8").update(posted.ref, { kind: "progress", progress })).toEqual({ status: "gone" });
    expect(fake.callsTo("chat.update")).toHaveLength(updates);
  });

  it("edits a DM in the language it was written in (a thank-you whose comment was withdrawn)", async () => {
    const tech = await db.store.people.upsertByEmail({ email: "alice@client.example", name: "Alice", now: ctx.clock.now() });
    const note = { answerId: "a1", rating: 3, ratingScale: 3, comment: "Merci Alice", commentRemoved: null, requesterName: "Marie", clientName: "ACME", ticketRef: "#1", ticketTitle: null, addedCents: 100, potCents: 100 };
    await wait();
    const posted = await platform().post({ to: "person", person: to("alice@client.example", { personId: tech.id, locale: "fr" }) }, { kind: "thank-you", note });
    if (posted.status !== "sent" || !posted.ref) throw new Error("not posted");
    const edited = await platform().update(posted.ref, { kind: "thank-you", note: { ...note, comment: null, commentRemoved: "withdrawn" } });
    expect(edited).toEqual({ status: "sent", platform: "slack", ref: posted.ref });
    const after = allText(last("DUALICE"));
    expect(after).not.toContain("Merci Alice");
    expect(after).toContain(textsFor("fr").praise.commentRemoved.withdrawn);
  });

  it("says gone when Slack can no longer edit it, and retries on a rate limit", async () => {
    const ref = JSON.stringify({ channel: "CPROG6", ts: "1.000001" });
    fake.failNext.set("chat.update", "cant_update_message");
    expect(await platform().update(ref, { kind: "progress", progress })).toEqual({ status: "gone" });
    fake.failNext.set("chat.update", "ratelimited");
    expect(await platform().update(ref, { kind: "progress", progress })).toEqual({ status: "retry", error: "slack: ratelimited", retryAfterMs: 7_000 });
  });
});
