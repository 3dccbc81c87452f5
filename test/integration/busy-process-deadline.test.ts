// A call's deadline must not run out because this process was busy. The platform answers in time
// (a 429 with Retry-After, or the message posted), then the process stays busy for longer than the
// deadline (synchronous work, as when several deliveries are in flight): the answer waiting in the
// socket is still read. With a plain timer (AbortSignal.timeout, a request's `timeout`), the overdue
// timer fired first and the call was given up: the 429 was taken for a lost call (retried after the
// short backoff, long before its Retry-After) and the posted message for a failed one (posted twice).
// A platform that stays silent while the process is free still times out.
import { createServer, type Server } from "node:http";
import { CloudAdapter, MessageFactory } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxClient } from "../../src/adapters/slack/web-client.js";
import { NoRetryBotFrameworkAuthentication } from "../../src/adapters/teams/connector-without-retries.js";
import { silentLogger } from "../../src/ports/logger.js";

const DEADLINE_MS = 300;
/** How long the process stays busy after the platform answered: longer than the deadline. */
const BUSY_MS = 700;

type Answer = { status: number; headers?: Record<string, string>; body: unknown } | "silence";
let answer: Answer = "silence";
let server: Server;
let url = "";
const requests: string[] = [];

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // The event loop is held, as by synchronous database and rendering work.
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    req.resume();
    req.on("end", () => {
      if (answer === "silence") return;
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(JSON.stringify(answer.body));
      busy(BUSY_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function teamsSend(): Promise<string> {
  const auth = new NoRetryBotFrameworkAuthentication({ MicrosoftAppId: "", MicrosoftAppPassword: "", MicrosoftAppType: "MultiTenant", MicrosoftAppTenantId: "" }, DEADLINE_MS);
  const adapter = new CloudAdapter(auth);
  let id = "";
  let failure: unknown = null;
  await adapter.continueConversationAsync("", { channelId: "msteams", serviceUrl: `${url}/`, conversation: { id: "a:busy", conversationType: "personal", isGroup: false, name: "" } }, async (turn) => {
    try {
      id = (await turn.sendActivity(MessageFactory.text("survey")))?.id ?? "";
    } catch (error) {
      failure = error;
    }
  });
  if (failure) throw failure;
  return id;
}

const slackPost = () => outboxClient("xoxb-test", { apiUrl: `${url}/api/`, logger: silentLogger, timeoutMs: DEADLINE_MS }).chat.postMessage({ channel: "D1", text: "survey" });

describe("a call answered while the process is busy", () => {
  it("Slack: the 429 is read with its Retry-After, and a post made is a post made", { timeout: 15_000 }, async () => {
    answer = { status: 429, headers: { "retry-after": "20" }, body: { ok: false, error: "ratelimited" } };
    const limited = await slackPost().then(
      () => null,
      (error: { code?: string; retryAfter?: number }) => error,
    );
    expect(limited?.code).toBe("slack_webapi_rate_limited_error");
    expect(limited?.retryAfter).toBe(20);

    answer = { status: 200, body: { ok: true, channel: "D1", ts: "1700000000.000100" } };
    await expect(slackPost()).resolves.toMatchObject({ ok: true, ts: "1700000000.000100" });
  });

  it("Teams: the 429 is read with its Retry-After, and a card sent is a card sent", { timeout: 15_000 }, async () => {
    answer = { status: 429, headers: { "retry-after": "20" }, body: { error: { code: "Throttled", message: "slow down" } } };
    const limited = await teamsSend().then(
      () => null,
      (error: { statusCode?: number; response?: { headers?: { get(name: string): string | undefined } } }) => error,
    );
    expect(limited?.statusCode).toBe(429);
    expect(limited?.response?.headers?.get("retry-after")).toBe("20");

    answer = { status: 200, body: { id: "activity-1" } };
    await expect(teamsSend()).resolves.toBe("activity-1");
  });

  it("a platform that stays silent while the process is free still times out", { timeout: 15_000 }, async () => {
    answer = "silence";
    const started = performance.now();
    await expect(slackPost()).rejects.toThrow();
    await expect(teamsSend()).rejects.toThrow();
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(2 * DEADLINE_MS - 20);
    // Free, the process waits about the deadline; busy (a loaded machine), a little longer.
    expect(took).toBeLessThan(10_000);
  });
});
