// Slack's per-method rate limits, kept within this process: a 429 pauses that method for its
// Retry-After, and optionally a method is paced to a tier (calls a minute per workspace). A call
// waits only for its own method: a look-up held back never delays a post to a person already known.
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
}

export interface MethodLimitsOptions {
  /** Calls a minute by method (SLACK_METHOD_TIERS). */
  tiers?: Readonly<Record<string, number>>;
  /** 1 in production; benchmarks on a faster clock shorten every window by this factor. */
  timeScale?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export function methodLimits(options: MethodLimitsOptions = {}): MethodLimits {
  const tiers = options.tiers ?? SLACK_METHOD_TIERS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? (() => Date.now());
  // A little over a minute: Slack counts on its own clock, and requests take time to arrive.
  const windowMs = 61_000 * (options.timeScale ?? 1);
  const recent = new Map<string, number[]>();
  const pausedUntil = new Map<string, number>();
  return {
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
  };
}
