// Small parts of the Slack adapter: error conversion, pacing, retry keys, locales.
import { describe, expect, it } from "vitest";
import { toDeliveryResult } from "../../../src/adapters/slack/slack-errors.js";
import { channelPacer } from "../../../src/adapters/slack/pacing.js";
import { requestKey } from "../../../src/adapters/slack/dedupe.js";
import { localeFromTag } from "../../../src/i18n/index.js";

const platformError = (error: string) => ({ code: "slack_webapi_platform_error", data: { ok: false, error } });

describe("Slack errors to delivery results", () => {
  it("stops for users Slack does not know or that are gone", () => {
    for (const code of ["users_not_found", "account_inactive", "user_disabled", "channel_not_found"]) {
      expect(toDeliveryResult(platformError(code))).toEqual({ status: "unreachable", reason: code });
    }
  });
  it("retries after Slack's Retry-After on 429, and after passing faults", () => {
    expect(toDeliveryResult({ code: "slack_webapi_rate_limited_error", retryAfter: 30 })).toEqual({ status: "retry", error: "slack: ratelimited", retryAfterMs: 30_000 });
    expect(toDeliveryResult(platformError("invalid_auth"))).toMatchObject({ status: "retry" });
    expect(toDeliveryResult({ code: "slack_webapi_http_error", statusCode: 503 })).toMatchObject({ status: "retry", error: "slack: HTTP 503" });
    expect(toDeliveryResult({ code: "slack_webapi_request_error" })).toMatchObject({ status: "retry" });
  });
  it("lets our own bugs through as exceptions", () => {
    expect(() => toDeliveryResult(new TypeError("boom"))).toThrow("boom");
  });
});

describe("channel pacer", () => {
  it("spaces posts to one channel and lets other channels go at once", async () => {
    let now = 0;
    const slept: number[] = [];
    const pacer = channelPacer(1_000, async (ms) => {
      slept.push(ms);
      now += ms;
    }, () => now);
    await pacer.wait("C1");
    await pacer.wait("C2");
    await pacer.wait("C1");
    await pacer.wait("C1");
    expect(slept).toEqual([1_000, 1_000]);
  });
});

describe("retry keys", () => {
  it("keys events on event_id and clicks on their action_ts, never modal submissions", () => {
    expect(requestKey({ event_id: "Ev1" })).toBe("event:Ev1");
    expect(requestKey({ type: "block_actions", user: { id: "U1" }, actions: [{ action_id: "a", action_ts: "1.2" }] })).toBe("action:U1:a:1.2");
    expect(requestKey({ type: "view_submission" })).toBeNull();
  });
});

describe("Slack locales", () => {
  it("keeps French and English, nothing else", () => {
    expect(localeFromTag("fr-FR")).toBe("fr");
    expect(localeFromTag("en-GB")).toBe("en");
    expect(localeFromTag("de-DE")).toBeNull();
    expect(localeFromTag(undefined)).toBeNull();
  });
});
