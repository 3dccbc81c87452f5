// The small pieces at the Teams edge: Markdown neutralising, connector fault mapping, pacing.
import { describe, expect, it } from "vitest";
import { markdownLink, markdownSafe } from "../../../src/adapters/teams/markdown-safe.js";
import { classifyTeamsError, retryAfterMs } from "../../../src/adapters/teams/teams-errors.js";
import { ConversationPacer, PacerWait } from "../../../src/adapters/teams/pacing.js";
import { commandText } from "../../../src/adapters/teams/command-handler.js";

describe("markdownSafe", () => {
  it("escapes formatting, breaks links and card date functions", () => {
    expect(markdownSafe("**bold** _it_ [a](http://x.example)")).toBe("\\*\\*bold\\*\\* \\_it\\_ \\[a\\]\\(http:\u200B//x.example\\)");
    expect(markdownSafe("- item\n1. first\n# title")).toBe("\\- item\n1\\. first\n\\# title");
    expect(markdownSafe("see www.evil.example")).toBe("see www\u200B.evil.example");
    expect(markdownSafe("{{DATE(2026-01-01T00:00:00Z)}}")).toBe("{\u200B{DATE\\(2026-01-01T00:00:00Z\\)}}");
    expect(markdownSafe(null)).toBe("");
  });

  it("links only to http(s) addresses, which cannot close the link early", () => {
    expect(markdownLink("Read *the* rules", "https://x.example/r?a=(1) b")).toBe("[Read \\*the\\* rules](https://x.example/r?a=%281%29%20b)");
    expect(markdownLink("Rules", "javascript:alert(1)")).toBe("Rules");
    expect(markdownLink("Rules", "not a url")).toBe("Rules");
  });
});

describe("connector faults", () => {
  const restError = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    statusCode: status,
    response: { status, headers: { get: (n: string) => headers[n.toLowerCase()] }, bodyAsText: JSON.stringify(body) },
  });

  it("retries a 429 after Retry-After", () => {
    expect(classifyTeamsError(restError(429, { error: { code: "Throttled" } }, { "retry-after": "7" }))).toMatchObject({ status: "retry", retryAfterMs: 7000 });
  });
  it("treats 403 MessageWritesBlocked as a blocked, unreachable person", () => {
    expect(classifyTeamsError(restError(403, { error: { code: "MessageWritesBlocked" } }))).toMatchObject({ status: "unreachable", blocked: true });
  });
  it("retries 5xx and network faults", () => {
    expect(classifyTeamsError(restError(503, {}))).toMatchObject({ status: "retry" });
    expect(classifyTeamsError(new Error("ECONNREFUSED"))).toMatchObject({ status: "retry" });
  });
  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs("Wed, 25 Nov 2026 10:00:30 GMT", new Date("2026-11-25T10:00:00Z"))).toBe(30_000);
    expect(retryAfterMs("soon")).toBeUndefined();
  });
});

describe("pacing", () => {
  function fakeClock() {
    const clock = { at: 0, waits: [] as number[], now: () => clock.at, sleep: async (ms: number) => void (clock.waits.push(ms), (clock.at += ms)) };
    return clock;
  }
  /** One send: its turn, then its answer at once. */
  const send = async (pacer: ConversationPacer, conversation: string) => (await pacer.take(conversation))();

  it("lets a burst of 3 go to a conversation, then about one a second", async () => {
    const clock = fakeClock();
    const pacer = new ConversationPacer(undefined, clock);
    for (let i = 0; i < 3; i++) await send(pacer, "a");
    await send(pacer, "b");
    expect(clock.waits).toEqual([]);
    await send(pacer, "a");
    expect(clock.waits).toEqual([1000]);
  });

  it("holds a conversation to 30 messages per 30 seconds; a longer wait is refused, to come back later", async () => {
    const clock = fakeClock();
    const pacer = new ConversationPacer(undefined, clock);
    for (let i = 0; i < 30; i++) {
      await send(pacer, "a");
      clock.at += 500; // 2 a second: under the per-second window
    }
    expect(clock.waits).toEqual([]);
    // The first of the 30 went at 0: the 31st may go 30 s after it, 15 s from now.
    const refused = await pacer.take("a").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PacerWait);
    expect(refused).toMatchObject({ ms: 15_000, paused: false });
  });

  it("one send in flight per conversation: the next waits for its answer", async () => {
    const clock = fakeClock();
    const pacer = new ConversationPacer(undefined, clock);
    const done = await pacer.take("a");
    let second = false;
    const next = pacer.take("a").then((d) => ((second = true), d));
    await new Promise((r) => setTimeout(r, 10));
    expect(second).toBe(false);
    done();
    (await next)();
    expect(second).toBe(true);
  });

  it("queues concurrent sends to one conversation instead of letting them all through", async () => {
    const clock = fakeClock();
    const pacer = new ConversationPacer(undefined, clock);
    await Promise.all(Array.from({ length: 6 }, () => send(pacer, "a")));
    expect(clock.waits).toEqual([1000]);
  });

  it("holds the whole bot to its own window across conversations", async () => {
    const clock = fakeClock();
    const pacer = new ConversationPacer(undefined, clock, undefined, { bot: [{ limit: 5, ms: 1_000 }] });
    for (let i = 0; i < 5; i++) await send(pacer, `c${i}`);
    expect(clock.waits).toEqual([]);
    await send(pacer, "c9");
    expect(clock.waits).toEqual([1000]);
  });

  it("a 429 pauses its conversation only; 429s in two conversations close together pause the bot", async () => {
    const clock = fakeClock();
    const pacer = new ConversationPacer(undefined, clock);
    expect(pacer.rateLimited("a", 20_000)).toBe("conversation");
    expect(pacer.pausedFor("a")).toBe(20_000);
    expect(pacer.pausedFor("b")).toBe(0);
    await expect(pacer.take("a")).rejects.toMatchObject({ ms: 20_000, paused: true });
    await send(pacer, "b");
    clock.at += 1_000;
    expect(pacer.rateLimited("b", 5_000)).toBe("bot");
    expect(pacer.pausedFor("c")).toBe(5_000);
    await expect(pacer.take("c")).rejects.toMatchObject({ ms: 5_000, paused: true });
    clock.at += 5_000;
    await send(pacer, "c");
    expect(pacer.pausedFor("a")).toBe(14_000);
  });
});

describe("command text", () => {
  it("drops the bot mention and the cagnotte prefix", () => {
    expect(commandText("<at>Cagnotte</at> cagnotte status")).toBe("status");
    expect(commandText("cagnotte")).toBe("");
    expect(commandText("  help ")).toBe("help");
  });
});
