// The small pieces at the Teams edge: Markdown neutralising, connector fault mapping, pacing.
import { describe, expect, it } from "vitest";
import { markdownLink, markdownSafe } from "../../../src/adapters/teams/markdown-safe.js";
import { classifyTeamsError, retryAfterMs } from "../../../src/adapters/teams/teams-errors.js";
import { ConversationPacer } from "../../../src/adapters/teams/pacing.js";
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

  it("lets 7 messages a second through per conversation, then waits", async () => {
    const clock = fakeClock();
    const pacer = new ConversationPacer(undefined, clock);
    for (let i = 0; i < 7; i++) await pacer.take("a");
    await pacer.take("b");
    expect(clock.waits).toEqual([]);
    await pacer.take("a");
    expect(clock.waits).toEqual([1000]);
  });

  it("holds a conversation to 60 messages per 30 seconds", async () => {
    const clock = fakeClock();
    const pacer = new ConversationPacer(undefined, clock);
    for (let i = 0; i < 60; i++) {
      await pacer.take("a");
      clock.at += 200; // 5 a second: under the per-second limit
    }
    expect(clock.waits).toEqual([]);
    await pacer.take("a");
    // The first of the 60 went at 0; the 61st waits until 30 s after it.
    expect(clock.waits).toEqual([30_000 - 60 * 200]);
  });

  it("queues concurrent sends to one conversation instead of letting them all through", async () => {
    const clock = fakeClock();
    const pacer = new ConversationPacer(undefined, clock);
    await Promise.all(Array.from({ length: 14 }, () => pacer.take("a")));
    expect(clock.waits).toEqual([1000]);
  });
});

describe("command text", () => {
  it("drops the bot mention and the cagnotte prefix", () => {
    expect(commandText("<at>Cagnotte</at> cagnotte status")).toBe("status");
    expect(commandText("cagnotte")).toBe("");
    expect(commandText("  help ")).toBe("help");
  });
});
