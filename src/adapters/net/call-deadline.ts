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
// This deadline counts only the time the process was free: a ticker (every 20 ms, while calls are
// in flight) measures how long the event loop was held, and the deadline gives that time back
// (up to `maxMs` in all). It aborts only after the loop has read what has arrived meanwhile
// (setImmediate runs after the poll phase). A platform that stays silent while the process is free
// still costs `ms`.
import { performance } from "node:perf_hooks";

const TICK_MS = 20;
/** Lateness of a tick below which the loop was free (timers are coarse). */
const LATE_MS = 5;

/** Event-loop time taken from the calls in flight (ms), counted while any deadline runs. */
let held = 0;
let lastTick = 0;
let running = 0;
let ticker: NodeJS.Timeout | null = null;

function heldNow(): number {
  const late = performance.now() - lastTick - TICK_MS;
  return held + (late > LATE_MS ? late : 0);
}

function watch(): void {
  if (running++ > 0) return;
  lastTick = performance.now();
  ticker = setInterval(() => {
    const now = performance.now();
    const late = now - lastTick - TICK_MS;
    if (late > LATE_MS) held += late;
    lastTick = now;
  }, TICK_MS);
  ticker.unref();
}

function unwatch(): void {
  if (--running > 0 || !ticker) return;
  clearInterval(ticker);
  ticker = null;
}

export interface CallDeadline {
  /** Aborted when the deadline passes (or when the parent signal is). */
  readonly signal: AbortSignal;
  /** The call has its answer (or failed): no abort any more. */
  done(): void;
}

/** `maxMs`: the most the call may take in all, however busy the process (ms + 30 s, at least 4 × ms). */
export function callDeadline(ms: number, options: { parent?: AbortSignal | null; maxMs?: number } = {}): CallDeadline {
  const controller = new AbortController();
  const started = performance.now();
  const limit = started + Math.max(ms, options.maxMs ?? Math.max(ms * 4, ms + 30_000));
  let timer: NodeJS.Timeout | null = null;
  let immediate: NodeJS.Immediate | null = null;
  let finished = false;
  let watching = false;
  const parent = options.parent ?? null;
  const fromParent = () => finish(parent?.reason);

  function finish(reason?: unknown): void {
    if (finished) return;
    finished = true;
    if (timer) clearTimeout(timer);
    if (immediate) clearImmediate(immediate);
    if (watching) unwatch();
    parent?.removeEventListener("abort", fromParent);
    if (reason !== undefined) controller.abort(reason);
  }

  function arm(delay: number, heldAtStart: number): void {
    timer = setTimeout(() => {
      const now = performance.now();
      const free = now - started - (heldNow() - heldAtStart);
      if (free < ms - 1 && now < limit) return arm(Math.min(ms - free, limit - now), heldAtStart);
      // not user-facing: the abort reason, for the log and the outbox's retry reason
      immediate = setImmediate(() => finish(new DOMException(`no answer within ${ms} ms`, "TimeoutError")));
    }, delay);
  }

  if (parent?.aborted) finish(parent.reason);
  else {
    parent?.addEventListener("abort", fromParent, { once: true });
    if (ms > 0 && Number.isFinite(ms)) {
      watch();
      watching = true;
      arm(ms, heldNow());
    }
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
