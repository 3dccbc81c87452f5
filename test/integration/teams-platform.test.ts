// The Teams ChatPlatform on its own, against the fake Bot Connector: one card to one person in
// that person's language, one card to the team channel in the default language, an edit in
// place, a deleted card reported as gone, and connector faults turned into delivery results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudAdapter } from "botbuilder";
import { NoRetryBotFrameworkAuthentication } from "../../src/adapters/teams/connector-without-retries.js";
import { ConversationPacer } from "../../src/adapters/teams/pacing.js";
import { saveProgressChannel } from "../../src/adapters/teams/team-channel.js";
import { teamsPlatform } from "../../src/adapters/teams/teams-platform.js";
import type { AppContext } from "../../src/app/context.js";
import type { Locale } from "../../src/core/model.js";
import type { ChatContent, Recipient } from "../../src/core/views.js";
import { textsFor } from "../../src/i18n/index.js";
import type { ChatPlatform } from "../../src/ports/chat-platform.js";
import { cardProblems } from "../support/adaptive-card-parser.js";
import { openTestStore } from "../support/databases.js";
import { FakeConnector } from "../support/fake-connector/fake-connector.js";
import { FixedClock, testContext } from "../support/fixtures.js";

const connector = new FakeConnector();
let closeStore: () => Promise<void>;
let ctx: AppContext;
let platform: ChatPlatform;

const prompt = {
  surveyId: "s-1", surveyUrl: "http://x/s/t", ticketRef: "#T-1", ticketTitle: "VPN", technicianName: "Camille", clientName: "Client SA",
  ratingScale: 3 as const, amountCents: 100, caps: { perRequester: 3, perClient: 10 }, expiresAt: new Date("2026-12-04T10:00:00Z"), reminder: false,
  rulesUrl: "http://localhost:3978/reglement",
};
const survey: ChatContent = { kind: "survey", prompt };
const progress = (amountCents: number): ChatContent => ({
  kind: "progress",
  progress: { campaignId: "c1", campaignLabel: "2026-Q4", charityName: "Rêves", amountCents, countedComments: amountCents / 100, daysLeft: 30, milestoneCents: null, sharedComment: null, sharedAnswerId: null, commentRemoved: null },
});

const conversationOf = (name: string) => `a:personal-${name}`;

/** A person Teams met in a 1:1 chat, with the locale it knows for them (or none). */
async function person(name: string, locale: Locale | null): Promise<Recipient> {
  const now = ctx.clock.now();
  const p = await ctx.store.people.upsertByEmail({ email: `${name}@client.example`, name, now });
  const reference = { channelId: "msteams", serviceUrl: connector.url, conversation: { id: conversationOf(name), conversationType: "personal" }, bot: { id: "28:bot" }, user: { id: `29:${name}` } };
  await ctx.store.people.linkPlatform(p.id, { platform: "teams", userId: `aad-${name}`, locale, teamsConversation: JSON.stringify(reference) }, now);
  return { personId: p.id, email: p.email, name, locale, slackUserId: null, teamsUserId: `aad-${name}` };
}

const lastCard = (conversationId: string) => JSON.stringify(connector.cardsIn(conversationId).at(-1) ?? null);

beforeAll(async () => {
  await connector.start();
  const t = await openTestStore("sqlite");
  closeStore = t.close;
  ctx = testContext(t.store, new FixedClock(new Date("2026-11-20T10:00:00Z")));
  const adapter = new CloudAdapter(new NoRetryBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant", MicrosoftAppTenantId: "" }));
  platform = teamsPlatform(ctx, { adapter, appId: "", pacer: new ConversationPacer() });
});
afterAll(async () => {
  await closeStore();
  await connector.stop();
});

describe("Teams platform", () => {
  it("posts to a person in their known language, else the default, and returns a reference to edit it", async () => {
    const emma = await person("emma", "en");
    const result = await platform.post({ to: "person", person: emma }, survey);
    expect(result).toMatchObject({ status: "sent", platform: "teams" });
    const ref = JSON.parse((result as { ref: string }).ref) as Record<string, unknown>;
    expect(ref).toMatchObject({ conversationId: conversationOf("emma"), activityId: expect.any(String) });
    expect(lastCard(conversationOf("emma"))).toContain(textsFor("en").survey.submit);
    expect(cardProblems(connector.cardsIn(conversationOf("emma")).at(-1))).toEqual([]);

    const noLocale = await person("noel", null);
    await platform.post({ to: "person", person: noLocale }, survey);
    expect(lastCard(conversationOf("noel"))).toContain(textsFor("fr").survey.submit);
  });

  it("edits a posted card in place, in the language it was posted in; a deleted card is gone", async () => {
    const emma = await person("emma", "en");
    const posted = await platform.post({ to: "person", person: emma }, progress(100));
    const ref = (posted as { ref: string }).ref;
    expect(await platform.update(ref, progress(200))).toMatchObject({ status: "sent", ref });
    const edits = connector.activities.filter((a) => a.method === "update" && a.conversationId === conversationOf("emma"));
    expect(edits).toHaveLength(1);
    expect(JSON.stringify(edits[0]?.activity)).toContain("€2.00");
    const deleted = JSON.stringify({ ...JSON.parse(ref), activityId: "act-deleted" });
    expect(await platform.update(deleted, progress(300))).toEqual({ status: "gone" });
    expect((await platform.update("not json", progress(300))).status).toBe("unreachable");
  });

  it("posts to the team channel in the default language once `channel` chose one, and not before", async () => {
    expect(await platform.post({ to: "team" }, progress(100))).toMatchObject({ status: "unreachable" });
    const channel = { channelId: "msteams", serviceUrl: connector.url, conversation: { id: "19:general@thread.tacv2", isGroup: true }, bot: { id: "28:bot" } };
    await saveProgressChannel(ctx.store, JSON.stringify(channel), ctx.clock.now());
    const result = await platform.post({ to: "team" }, progress(100));
    expect(result).toMatchObject({ status: "sent" });
    expect(lastCard("19:general@thread.tacv2")).toContain(textsFor("fr").status.countedComments);
    // A reference without the service address still edits the channel's card (the channel's saved one serves).
    const { serviceUrl: _, ...bare } = JSON.parse((result as { ref: string }).ref) as Record<string, unknown>;
    expect(await platform.update(JSON.stringify(bare), progress(200))).toMatchObject({ status: "sent" });
  });

  it("turns a 429 into a retry after Retry-After, and a block into an unreachable person", async () => {
    const paul = await person("paul", "fr");
    connector.failNext({ status: 429, retryAfter: "30", conversationId: conversationOf("paul") });
    expect(await platform.post({ to: "person", person: paul }, survey)).toMatchObject({ status: "retry", retryAfterMs: 30_000, rateLimited: true });
    // Paul's conversation is paused for the Retry-After: nothing is sent to it meanwhile.
    const before = connector.requests.length;
    expect(await platform.post({ to: "person", person: paul }, survey)).toMatchObject({ status: "retry", rateLimited: true, retryAfterMs: expect.any(Number) });
    expect(connector.requests.length).toBe(before);
    const lise = await person("lise", "fr");
    connector.failNext({ status: 403, code: "MessageWritesBlocked", conversationId: conversationOf("lise") });
    expect(await platform.post({ to: "person", person: lise }, survey)).toMatchObject({ status: "unreachable" });
    expect((await ctx.store.people.teamsConversation(lise.personId ?? ""))?.unreachable).toBe(true);
    expect(await platform.post({ to: "person", person: lise }, survey)).toMatchObject({ status: "unreachable", reason: expect.stringContaining("blocked") });
  });

  it("cannot reach someone whose conversation it never saved", async () => {
    const stranger: Recipient = { personId: null, email: "nobody@client.example", name: null, locale: null, slackUserId: null, teamsUserId: null };
    expect(await platform.post({ to: "person", person: stranger }, survey)).toMatchObject({ status: "unreachable" });
  });
});
