// chat.postMessage allows about one message per second per channel. The pacer spaces posts to the
// same channel by at least `intervalMs` within this process (several instances may still collide:
// Slack then answers 429 and the outbox retries after Retry-After).

export interface Pacer {
  /** Resolves when a post to `channel` may go; reserves the slot. */
  wait(channel: string): Promise<void>;
}

// A little over a second: timers may fire a millisecond early, and Slack counts on its own clock.
export function channelPacer(intervalMs = 1_100, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)), now = () => Date.now()): Pacer {
  const next = new Map<string, number>();
  return {
    async wait(channel) {
      const t = now();
      const slot = Math.max(t, next.get(channel) ?? 0);
      next.set(channel, slot + intervalMs);
      // Forget channels idle for a while so the map does not grow forever.
      if (next.size > 10_000) for (const [c, at] of next) if (at < t) next.delete(c);
      if (slot > t) await sleep(slot - t);
    },
  };
}

/** The same pacer, telling `onWait` how long each post had to wait (for the rate-limit metrics). */
export function measuredPacer(pacer: Pacer, onWait: (ms: number) => void, now = () => Date.now()): Pacer {
  return {
    async wait(channel) {
      const started = now();
      await pacer.wait(channel);
      const waited = now() - started;
      if (waited > 0) onWait(waited);
    },
  };
}
