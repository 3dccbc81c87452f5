// Slack's per-method rate limits, kept within this process: a 429 pauses that method for its
// Retry-After, and optionally a method is paced to a tier (calls a minute per workspace). A call
// waits only for its own method: a look-up held back never delays a post to a person already known.
// Calls to one method take turns (a few at a time, first come first served): when Slack pauses it,
// these few learn it, not every call waiting, and the waiting ones go when the pause ends.
// Slack's tiers are floors ("50+ per minute"), so the Slack platform paces no tier by default and
// relies on the pause: it delays only what Slack refused. (Several instances share Slack's budget:
// each learns the pause from its own 429.)

/** Calls a minute per workspace (Slack's tiers: 2 = 20+, 3 = 50+, 4 = 100+), for the methods the outbox calls. */
export const SLACK_METHOD_TIERS: Readonly<Record<string, number>> = {
  "users.lookupByEmail": 50,
  "conversations.open": 50,
  "users.info": 100,
};

export interface MethodLimits {
  /** How long `method` stays paused by a 429 (0: not paused). */
  pausedFor(method: string): number;
  /** Resolves when a call to `method` may go (its tier and any pause allow it); reserves the slot. */
  wait(method: string): Promise<void>;
  /** Slack answered 429 for `method`: no call to it before `ms` from now. */
  pause(method: string, ms: number): void;
  /**
   * Waits for this call's turn: fewer than `parallel` calls to `method` are in flight, those that
   * came before it have gone, and `wait` allows it. Resolves with `done`, to call once the call has
   * its answer. Rejects with NoTurn when interrupt() is called meanwhile, or when, its place come,
   * the method is paused for longer than `maxWaitMs` (the message should come back later instead).
   */
  turn(method: string, maxWaitMs?: number): Promise<() => void>;
  /** Every call waiting for its turn gives up (WaitInterrupted). */
  interrupt(): void;
}

/** No turn for this call now: the method stays paused `pausedMs` longer, or the wait was interrupted. */
export class NoTurn extends Error {
  constructor(
    readonly method: string,
    readonly pausedMs: number,
  ) {
    // not user-facing: an error for the log and the outbox's retry reason
    super(`slack: ${method} paused by a rate limit`);
  }
}

export interface MethodLimitsOptions {
  /** Calls a minute by method (SLACK_METHOD_TIERS). */
  tiers?: Readonly<Record<string, number>>;
  /** 1 in production; benchmarks on a faster clock shorten every window by this factor. */
  timeScale?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Calls to one method in flight at once (4): when Slack pauses it, at most these learn it by a 429. */
  parallel?: number;
}

export function methodLimits(options: MethodLimitsOptions = {}): MethodLimits {
  const tiers = options.tiers ?? SLACK_METHOD_TIERS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? (() => Date.now());
  // A little over a minute: Slack counts on its own clock, and requests take time to arrive.
  const windowMs = 61_000 * (options.timeScale ?? 1);
  const recent = new Map<string, number[]>();
  const pausedUntil = new Map<string, number>();
  /** Calls in flight and calls waiting, by method. */
  const lines = new Map<string, { calls: number; waiting: (() => void)[] }>();
  const parallel = Math.max(1, options.parallel ?? 4);
  let interrupted = deferred<never>();
  void interrupted.promise.catch(() => undefined);
  const interruptible = <T>(work: Promise<T>): Promise<T> => Promise.race([work, interrupted.promise]);
  const limits: MethodLimits = {
    pausedFor(method) {
      return Math.max(0, (pausedUntil.get(method) ?? 0) - now());
    },
    async wait(method) {
      const max = tiers[method];
      for (;;) {
        const t = now();
        const paused = pausedUntil.get(method) ?? 0;
        if (paused > t) {
          await sleep(paused - t);
          continue;
        }
        if (max === undefined) return;
        const calls = (recent.get(method) ?? []).filter((at) => t - at < windowMs);
        if (calls.length < max) {
          calls.push(t);
          recent.set(method, calls);
          return;
        }
        recent.set(method, calls);
        await sleep(calls[0]! + windowMs - t);
      }
    },
    pause(method, ms) {
      pausedUntil.set(method, Math.max(pausedUntil.get(method) ?? 0, now() + ms));
    },
    async turn(method, maxWaitMs = Number.POSITIVE_INFINITY) {
      let line = lines.get(method);
      if (!line) lines.set(method, (line = { calls: 0, waiting: [] }));
      const mine = line;
      let placed = false;
      let released = false;
      const release = () => {
        if (released || !placed) return;
        released = true;
        // The place goes to the next in line, else it is freed.
        const next = mine.waiting.shift();
        if (next) next();
        else if (--mine.calls === 0 && lines.get(method) === mine) lines.delete(method);
      };
      const granted = () => void (placed = true);
      try {
        if (mine.calls < parallel) {
          mine.calls += 1;
          placed = true;
        } else {
          let handOver: () => void = () => undefined;
          const given = new Promise<void>((resolve) => (handOver = () => (granted(), resolve())));
          mine.waiting.push(handOver);
          try {
            await interruptible(given);
          } finally {
            if (!placed) mine.waiting.splice(mine.waiting.indexOf(handOver), 1);
          }
        }
        const paused = limits.pausedFor(method);
        if (paused > maxWaitMs) throw new NoTurn(method, paused);
        await interruptible(limits.wait(method));
      } catch (error) {
        release();
        throw error === INTERRUPTED ? new NoTurn(method, limits.pausedFor(method)) : error;
      }
      return release;
    },
    interrupt() {
      const was = interrupted;
      interrupted = deferred<never>();
      void interrupted.promise.catch(() => undefined);
      was.reject(INTERRUPTED);
    },
  };
  return limits;
}

const INTERRUPTED = Symbol("interrupted");

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
