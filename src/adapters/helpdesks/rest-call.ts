// One JSON call to a helpdesk's REST API, bounded in time, its outcome sorted the way callers act
// on it: a 429 or 503 with Retry-After is "try again then"; 401/403 is a settings problem; 404 is
// "it is not there"; other failures are passing (5xx, network) or permanent (4xx).
export type RestOutcome<T = unknown> =
  | { ok: true; status: number; body: T }
  | { ok: false; kind: "rate-limited"; status: number; retryAfterMs: number }
  | { ok: false; kind: "unauthorized" | "forbidden" | "not-found" | "rejected"; status: number; detail: string }
  | { ok: false; kind: "unavailable"; status: number | null; detail: string };

export interface RestRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
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
    return { ok: false, kind: "unavailable", status: null, detail: (error as Error).name === "TimeoutError" ? "no answer in time" : `cannot reach it (${(error as Error).message})` };
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
      return { ok: false, kind: "unavailable", status: response.status, detail: "answered something that is not JSON" };
    }
  }
  // The helpdesk's own error text, short: never a secret (we sent none in bodies), useful in logs.
  const detail = `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`;
  if (response.status === 401) return { ok: false, kind: "unauthorized", status: 401, detail };
  if (response.status === 403) return { ok: false, kind: "forbidden", status: 403, detail };
  if (response.status === 404) return { ok: false, kind: "not-found", status: 404, detail };
  if (response.status >= 500) return { ok: false, kind: "unavailable", status: response.status, detail };
  return { ok: false, kind: "rejected", status: response.status, detail };
}
