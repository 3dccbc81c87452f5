// Issue 12, item 3: the outbox delivering surveys through the real Slack and Teams platforms while
// the fake Slack Web API and the fake Bot Connector answer 429 with Retry-After, 500s, calls they
// never answer (timeouts) and connection resets. Nothing is lost (every requester gets their survey
// exactly once, none is given up), and no retry comes before the Retry-After it was given (nor
// before the shortest backoff after other faults). Time is virtual: the test moves the clock to
// the next message due, so minutes of backoff take a few seconds; timeouts are real (300 ms).
import { CloudAdapter } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxWorker } from "../../src/app/outbox/outbox-worker.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { channelPacer } from "../../src/adapters/slack/pacing.js";
import { slackPlatform } from "../../src/adapters/slack/slack-platform.js";
import { outboxClient } from "../../src/adapters/slack/web-client.js";
import { singleWorkspace } from "../../src/adapters/slack/workspaces.js";
import { NoRetryBotFrameworkAuthentication } from "../../src/adapters/teams/connector-without-retries.js";
import { ConversationPacer } from "../../src/adapters/teams/pacing.js";
import { teamsPlatform } from "../../src/adapters/teams/teams-platform.js";
import { silentLogger } from "../../src/ports/logger.js";
import { openTestStore } from "../support/databases.js";
import { FakeConnector } from "../support/fake-connector/fake-connector.js";
import { FakeSlack, type FakeCall } from "../support/fake-slack/fake-slack-server.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";

const PER_PLATFORM = 20;
const CALL_TIMEOUT_MS = 300;
/** The shortest wait the outbox allows after a fault without Retry-After (retryDelayMs, attempt 1). */
const MIN_BACKOFF_MS = 2_500;

const slack = new FakeSlack();
const connector = new FakeConnector();
let apiUrl: string;

beforeAll(async () => {
  apiUrl = await slack.start();
  await connector.start();
});
afterAll(async () => {
  await slack.stop();
  await connector.stop();
});

/** Retry-After (ms) or the minimum backoff: how long after a fault the next try may come. */
const requiredWait = (kind: string, retryAfterSeconds?: number) => (kind === "429" ? (retryAfterSeconds ?? 1) * 1000 : MIN_BACKOFF_MS);

describe("deliveries through faulty Slack and Bot Connector", () => {
  it("lose nothing and respect every wait", { timeout: 120_000 }, async () => {
    const db = await openTestStore("sqlite");
    const clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));
    const ctx = testContext(db.store, clock);
    const now = () => clock.now().getTime();
    slack.now = now;
    connector.now = now;
    try {
      const client = outboxClient("xoxb-test-token", { apiUrl, logger: silentLogger, timeoutMs: CALL_TIMEOUT_MS });
      const pacerClock = { now, sleep: async () => {} };
      const slackSide = slackPlatform({ ctx, workspaces: singleWorkspace(client), teamChannel: null, pacer: channelPacer(1_100, pacerClock.sleep, now) });
      const auth = new NoRetryBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant", MicrosoftAppTenantId: "" }, CALL_TIMEOUT_MS);
      const teamsSide = teamsPlatform(ctx, { adapter: new CloudAdapter(auth), appId: "", pacer: new ConversationPacer(undefined, pacerClock) });
      const worker = outboxWorker(ctx, [slackSide, teamsSide]);

      // 20 requesters on Slack, 20 known only to Teams (Slack answers users_not_found for them).
      const slackUsers = new Map<string, string>();
      const teamsConversations: string[] = [];
      for (let i = 0; i < PER_PLATFORM * 2; i++) {
        const onSlack = i < PER_PLATFORM;
        const email = `${onSlack ? "slack" : "teams"}${i}@client.example`;
        const r = await ticketClosed(ctx, ticketEvent({ requester: { email, name: `Person ${i}` }, client: { id: `client-${i}`, name: null }, closedAt: clock.now() }));
        expect(r.status).toBe("scheduled");
        if (onSlack) {
          slack.addUser({ id: `UF${i}`, email, name: `Person ${i}` });
          slackUsers.set(email, `UF${i}`);
          continue;
        }
        const person = (await db.store.people.findByEmail(email))!;
        const conversation = `a:personal-${i}`;
        const reference = { channelId: "msteams", serviceUrl: connector.url, conversation: { id: conversation, conversationType: "personal" }, bot: { id: "28:bot" }, user: { id: `29:${i}` } };
        await db.store.people.linkPlatform(person.id, { platform: "teams", userId: `aad-${i}`, teamsConversation: JSON.stringify(reference) }, clock.now());
        teamsConversations.push(conversation);
      }

      const kinds = ["429", "500", "timeout", "reset"] as const;
      for (let round = 0; round < 4; round++) {
        for (const kind of kinds) slack.injectFaults({ kind, method: "chat.postMessage", ...(kind === "429" ? { retryAfter: 30 } : {}) });
      }
      slack.injectFaults({ kind: "500", method: "users.lookupByEmail" }, { kind: "reset", method: "users.lookupByEmail" }, { kind: "timeout", method: "users.lookupByEmail" });
      slack.injectFaults({ kind: "429", method: "conversations.open", retryAfter: 45 }, { kind: "timeout", method: "conversations.open" });
      for (let round = 0; round < 3; round++) {
        connector.failNext({ status: 429, retryAfter: "20" }, { status: 500 }, { status: "timeout" }, { status: "reset" });
      }

      const realStart = Date.now();
      const virtualStart = now();
      let passes = 0;
      for (; passes < 300; passes++) {
        await worker.drain();
        const next = await db.store.db.outboxMessage.findFirst({ where: { status: "pending" }, orderBy: { availableAt: "asc" } });
        if (!next) break;
        clock.set(new Date(Math.max(now(), next.availableAt.getTime())));
      }

      // Who each Slack call was about, to follow one requester's attempts.
      const emailToUser = slackUsers;
      const subject = (c: { args: Record<string, unknown> }) => {
        const a = c.args;
        if (typeof a.channel === "string") return a.channel.replace(/^D/, "");
        if (typeof a.email === "string") return emailToUser.get(a.email) ?? a.email;
        return String(a.users ?? a.user ?? "");
      };
      const calls: FakeCall[] = slack.calls.filter((c) => c.method !== "auth.test");
      const slackWaits: { required: number; waited: number }[] = [];
      calls.forEach((call, index) => {
        if (!call.error?.startsWith("fault:")) return;
        const kind = call.error.slice(6);
        const fault = slack.served.find((f) => f.at === call.at && f.method === call.method && f.kind === kind);
        const nextCall = calls.slice(index + 1).find((c) => subject(c) === subject(call));
        if (nextCall) slackWaits.push({ required: requiredWait(kind, fault?.retryAfter), waited: nextCall.at - call.at });
      });
      const teamsWaits: { required: number; waited: number }[] = [];
      connector.requests.forEach((request, index) => {
        if (request.fault === null) return;
        const served = connector.served.find((f) => f.at === request.at && f.conversationId === request.conversationId);
        const nextRequest = connector.requests.slice(index + 1).find((r) => r.conversationId === request.conversationId);
        const kind = request.fault === 429 ? "429" : String(request.fault);
        if (nextRequest) teamsWaits.push({ required: requiredWait(kind, served?.retryAfter ? Number(served.retryAfter) : undefined), waited: nextRequest.at - request.at });
      });

      const dms = slack.dmCounts();
      const cards = teamsConversations.map((c) => connector.cardsIn(c, "send").length);
      const tally = (values: string[]) => Object.entries(values.reduce<Record<string, number>>((t, v) => ({ ...t, [v]: (t[v] ?? 0) + 1 }), {})).map(([k, n]) => `${n}×${k}`).join(", ");
      const shortest = (waits: { required: number; waited: number }[]) => Math.min(...waits.map((w) => w.waited - w.required));
      const statuses = await db.store.db.outboxMessage.groupBy({ by: ["status"], _count: true });
      console.log(
        `faults: Slack served ${slack.served.length} (${tally(slack.served.map((f) => `${f.kind} on ${f.method}`))}); ` +
          `Bot Connector served ${connector.served.length} (${tally(connector.served.map((f) => String(f.status)))}); ` +
          `${passes} outbox passes, ${Math.round((now() - virtualStart) / 1000)} s of virtual time in ${Date.now() - realStart} ms; ` +
          `Slack: ${dms.size}/${PER_PLATFORM} requesters got the survey, ${[...dms.values()].filter((n) => n > 1).length} twice, ${calls.filter((c) => c.method === "chat.postMessage").length} post attempts; ` +
          `Teams: ${cards.filter((n) => n === 1).length}/${PER_PLATFORM} got it once, ${cards.filter((n) => n > 1).length} twice, ${connector.requests.length} send attempts; ` +
          `retries checked ${slackWaits.length} (Slack) + ${teamsWaits.length} (Teams), smallest margin over the required wait ${shortest([...slackWaits, ...teamsWaits])} ms; ` +
          `outbox ${statuses.map((s) => `${s._count} ${s.status}`).join(", ")}`,
      );
      // Every injected fault was served (the test exercised them all).
      expect(slack.faults).toEqual([]);
      expect(connector.served).toHaveLength(12);
      // Nothing lost, nothing twice, nothing given up.
      expect([...dms.values()]).toEqual(Array(PER_PLATFORM).fill(1));
      expect(cards).toEqual(Array(PER_PLATFORM).fill(1));
      expect(await db.store.db.survey.count({ where: { status: "delivered" } })).toBe(PER_PLATFORM * 2);
      expect(statuses).toEqual([{ status: "sent", _count: PER_PLATFORM * 2 }]);
      // Every wait respected: Retry-After after a 429, the backoff after anything else.
      expect(slackWaits.length).toBeGreaterThanOrEqual(slack.served.length - 1);
      expect(teamsWaits).toHaveLength(connector.served.length);
      for (const w of [...slackWaits, ...teamsWaits]) expect(w.waited).toBeGreaterThanOrEqual(w.required);
    } finally {
      await db.close();
    }
  });
});
