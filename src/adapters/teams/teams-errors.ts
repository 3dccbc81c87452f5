// Bot Connector faults converted once, here, into delivery outcomes. The connector client throws
// RestError-like objects: statusCode, response headers, and a body such as
// {"error":{"code":"MessageWritesBlocked","message":"…"}}.
import type { DeliveryResult } from "../../ports/chat-platform.js";

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { status?: number; headers?: { get?(name: string): string | undefined | null } | Record<string, string>; bodyAsText?: string | null };
  details?: { error?: { code?: string } };
}

function headerOf(error: RestErrorLike, name: string): string | null {
  const headers = error.response?.headers;
  if (!headers) return null;
  if (typeof headers.get === "function") return headers.get(name) ?? null;
  const record = headers as Record<string, string>;
  return record[name] ?? record[name.toLowerCase()] ?? null;
}

function errorCodeOf(error: RestErrorLike): string | null {
  if (error.details?.error?.code) return error.details.error.code;
  const text = error.response?.bodyAsText;
  if (text) {
    try {
      const body = JSON.parse(text) as { error?: { code?: string } };
      if (body.error?.code) return body.error.code;
    } catch {
      // Not JSON: the status decides.
    }
  }
  return error.code ?? null;
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(value: string | null, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** An edit of an activity that no longer exists (deleted from the chat): 404. */
export function isMissingActivity(error: unknown): boolean {
  const e = (error ?? {}) as RestErrorLike;
  return (e.statusCode ?? e.response?.status) === 404;
}

export type TeamsFault = Exclude<DeliveryResult, { status: "sent" }> & { blocked?: boolean };

export function classifyTeamsError(error: unknown): TeamsFault {
  const e = (error ?? {}) as RestErrorLike;
  const status = e.statusCode ?? e.response?.status;
  const code = errorCodeOf(e);
  // A 429 is a wait, not a failed attempt (1 s when the connector names no Retry-After).
  if (status === 429) return { status: "retry", error: "teams: rate limited (429)", retryAfterMs: retryAfterMs(headerOf(e, "retry-after")) ?? 1_000, rateLimited: true };
  if (status === 403 && code === "MessageWritesBlocked") return { status: "unreachable", reason: "teams: the user blocked the bot (MessageWritesBlocked)", blocked: true };
  if (status === 403 || status === 404) return { status: "unreachable", reason: `teams: ${status} ${code ?? "conversation not available"}`, blocked: true };
  if (status && status >= 500) return { status: "retry", error: `teams: connector error ${status}`, retryAfterMs: retryAfterMs(headerOf(e, "retry-after")) };
  return { status: "retry", error: `teams: ${status ?? "network"} ${code ?? (e.message ?? "error")}`.slice(0, 300) };
}
