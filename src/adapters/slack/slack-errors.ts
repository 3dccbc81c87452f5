// Slack Web API errors, converted once here into what the outbox understands.
// The codes are @slack/web-api's ErrorCode values (stable strings).
const ErrorCode = {
  PlatformError: "slack_webapi_platform_error",
  RateLimitedError: "slack_webapi_rate_limited_error",
  HTTPError: "slack_webapi_http_error",
  RequestError: "slack_webapi_request_error",
} as const;
import type { DeliveryResult } from "../../ports/chat-platform.js";

/** Errors that will never go away for this recipient: stop retrying. */
const UNREACHABLE = new Set([
  "users_not_found",
  "user_not_found",
  "account_inactive",
  "user_disabled",
  "cannot_dm_bot",
  "user_is_bot",
  "is_archived",
  "channel_not_found",
  "not_in_channel",
  "restricted_action",
  "team_access_not_granted",
]);

/** The Slack error code of a failed call ("users_not_found"), or null for non-Slack failures. */
export function slackErrorCode(error: unknown): string | null {
  const e = error as { code?: string; data?: { error?: unknown } };
  if (e?.code === ErrorCode.PlatformError && typeof e.data?.error === "string") return e.data.error;
  if (e?.code === ErrorCode.RateLimitedError) return "ratelimited";
  return null;
}

export function isSlackError(error: unknown, ...codes: string[]): boolean {
  const code = slackErrorCode(error);
  return code !== null && codes.includes(code);
}

export function toDeliveryResult(error: unknown): DeliveryResult {
  const e = error as { code?: string; retryAfter?: number; statusCode?: number; message?: string };
  if (e?.code === ErrorCode.RateLimitedError) {
    return { status: "retry", error: "slack: ratelimited", retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
  }
  const code = slackErrorCode(error);
  if (code && UNREACHABLE.has(code)) return { status: "unreachable", reason: code };
  if (code) return { status: "retry", error: `slack: ${code}` };
  if (e?.code === ErrorCode.HTTPError) return { status: "retry", error: `slack: HTTP ${e.statusCode ?? "?"}` };
  if (e?.code === ErrorCode.RequestError) return { status: "retry", error: "slack: request failed" };
  // Anything else is a bug of ours: let the dispatcher log it and retry with backoff.
  throw error;
}
