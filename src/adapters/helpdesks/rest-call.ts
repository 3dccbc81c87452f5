// The one way every connector (GLPI, Zendesk, Freshdesk, Jira) calls its helpdesk's REST API: one
// JSON call, bounded in time, its outcome sorted the way callers act on it: a 429 or 503 with
// Retry-After is "try again then"; 401/403 is a settings problem; 404 is "it is not there"; other
// failures are passing (5xx, network) or permanent (4xx). Tokens go in headers only; nothing here
// logs a request or a response body.
export type RestOutcome<T = unknown> =
  | { ok: true; status: number; body: T }
  | { ok: false; kind: "rate-limited"; status: number; retryAfterMs: number }
  /** `body`: the helpdesk's error answer (JSON when it is, else text), for its own error codes. */
  | { ok: false; kind: "unauthorized" | "forbidden" | "not-found" | "rejected"; status: number; detail: string; body: unknown }
  /** `status` null: no answer at all (refused, timed out, DNS…). */
  | { ok: false; kind: "unavailable"; status: number | null; detail: string; body: unknown };

export type RestFailure = Exclude<RestOutcome, { ok: true }>;

export interface RestRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs?: number;
}

/** Default wait when a helpdesk says 429 without Retry-After. */
const DEFAULT_RETRY_MS = 60_000;

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export async function restCall<T = unknown>(request: RestRequest): Promise<RestOutcome<T>> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: { accept: "application/json", ...(request.body !== undefined ? { "content-type": "application/json" } : {}), ...request.headers },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
      signal: AbortSignal.timeout(request.timeoutMs ?? 10_000),
      redirect: "error",
    });
  } catch (error) {
    // not user-facing: a detail for the log and the outbox's error column, English like the logs
    const e = error as { name?: string; message?: string; cause?: { code?: string } };
    // not user-facing: a detail for the log and the outbox's error column, English like the logs
    return { ok: false, kind: "unavailable", status: null, detail: e.name === "TimeoutError" ? "no answer in time" : `cannot reach it (${e.cause?.code ?? e.message ?? "unreachable"})`, body: null };
  }
  const text = await response.text().catch(() => "");
  const wait = retryAfterMs(response.headers.get("retry-after"));
  if (response.status === 429 || (response.status === 503 && wait !== null)) return { ok: false, kind: "rate-limited", status: response.status, retryAfterMs: wait ?? DEFAULT_RETRY_MS };
  if (response.ok) {
    if (!text) return { ok: true, status: response.status, body: null as T };
    try {
      return { ok: true, status: response.status, body: JSON.parse(text) as T };
    } catch {
      // not user-facing: a detail for the log and the outbox's error column, English like the logs
      return { ok: false, kind: "unavailable", status: response.status, detail: "answered something that is not JSON", body: text };
    }
  }
  // The helpdesk's own error text, short: never a secret (we sent none in bodies), useful in logs.
  const detail = `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`;
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (an HTML error page): kept as text.
  }
  if (response.status === 401) return { ok: false, kind: "unauthorized", status: 401, detail, body };
  if (response.status === 403) return { ok: false, kind: "forbidden", status: 403, detail, body };
  if (response.status === 404) return { ok: false, kind: "not-found", status: 404, detail, body };
  if (response.status >= 500) return { ok: false, kind: "unavailable", status: response.status, detail, body };
  return { ok: false, kind: "rejected", status: response.status, detail, body };
}
