// A deadline for one call to a chat platform that counts the platform's slowness, not ours.
//
// A plain timer (AbortSignal.timeout, a request's `timeout`) fires in the event loop's timers
// phase, which runs before the poll phase that reads sockets. When this process has been busy
// (several deliveries in flight, each doing synchronous database and rendering work), the timer is
// overdue by the time the loop turns, and fires before the answer already waiting in the socket is
// read: the call is given up although the platform has answered it. The outbox then takes a 429 it
// never read for a lost call (and retries after its short backoff, long before the Retry-After), or
// a message the platform has posted for one that failed (and posts it a second time).
//
// This deadline gives back what the process took: when its timer fires late (the loop was busy),
// it waits that long again (up to `maxMs` in all), and it aborts only after the loop has read what
// has arrived meanwhile (setImmediate runs after the poll phase). A platform that stays silent
// while the process is free still costs `ms`.
import { performance } from "node:perf_hooks";

export interface CallDeadline {
  /** Aborted when the deadline passes (or when the parent signal is). */
  readonly signal: AbortSignal;
  /** The call has its answer (or failed): no abort any more. */
  done(): void;
}

/** Lateness of the timer below which the process was free to read the answer (timers are coarse). */
const LATE_MS = 15;

export function callDeadline(ms: number, options: { parent?: AbortSignal | null; maxMs?: number } = {}): CallDeadline {
  const controller = new AbortController();
  const started = performance.now();
  const limit = started + Math.max(ms, options.maxMs ?? ms * 4);
  let timer: NodeJS.Timeout | null = null;
  let immediate: NodeJS.Immediate | null = null;
  let finished = false;
  const parent = options.parent ?? null;
  const fromParent = () => finish(parent?.reason);

  function finish(reason?: unknown): void {
    if (finished) return;
    finished = true;
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    parent?.removeEventListener("abort", fromParent);
    if (reason !== undefined) controller.abort(reason);
  }

  function arm(delay: number): void {
    const expected = performance.now() + delay;
    timer = setTimeout(() => {
      const now = performance.now();
      const late = now - expected;
      if (late > LATE_MS && now < limit) return arm(Math.min(late, limit - now));
      // not user-facing: the abort reason, for the log and the outbox's retry reason
      immediate = setImmediate(() => finish(new DOMException(`no answer within ${ms} ms`, "TimeoutError")));
    }, delay);
  }

  if (parent?.aborted) finish(parent.reason);
  else {
    parent?.addEventListener("abort", fromParent, { once: true });
    if (ms > 0 && Number.isFinite(ms)) arm(ms);
  }
  return { signal: controller.signal, done: () => finish() };
}

/**
 * `fetch` bounded by a callDeadline of `ms` (the caller's own signal still aborts it): the whole
 * answer, body included, is read within the deadline and returned complete.
 */
export function fetchWithDeadline(ms: number, inner: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const deadline = callDeadline(ms, { parent: init?.signal ?? null });
    try {
      const response = await inner(input, { ...init, signal: deadline.signal });
      const body = await response.arrayBuffer();
      const noBody = response.status === 204 || response.status === 304 || (response.status >= 100 && response.status < 200);
      return new Response(noBody ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      deadline.done();
    }
  };
}
