// One way to call a helpdesk's REST API: a timeout on every call, JSON in and out, and the answer
// sorted into what the callers act on (a 429's Retry-After read in seconds or as a date).
// Tokens go in headers only; nothing here logs a request or a response body.

/** A helpdesk that does not answer within this is treated as down (the caller retries later). */
export const API_TIMEOUT_MS = 10_000;

export type ApiAnswer =
  | { kind: "ok"; status: number; body: unknown }
  /** Any other HTTP status: 401, 403, 404, 5xx… */
  | { kind: "status"; status: number; body: unknown }
  | { kind: "rate-limited"; retryAfterMs: number }
  /** No answer: refused, timed out, DNS… */
  | { kind: "unreachable"; error: string };

/** Retry-After in seconds or as an HTTP date; a minute when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header) {
    const seconds = Number(header.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return 60_000;
}

export async function callApi(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown }, timeoutMs = API_TIMEOUT_MS): Promise<ApiAnswer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: { accept: "application/json", ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string } };
    return { kind: "unreachable", error: e.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message ?? "unreachable") };
  }
  const text = await res.text().catch(() => "");
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (an HTML error page): kept as text for the caller's status checks only.
  }
  if (res.status === 429) return { kind: "rate-limited", retryAfterMs: retryAfterMs(res.headers.get("retry-after")) };
  return res.ok ? { kind: "ok", status: res.status, body } : { kind: "status", status: res.status, body };
}
