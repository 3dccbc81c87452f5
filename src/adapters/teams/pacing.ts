// Teams limits a bot per conversation: about 7 messages a second and 60 per 30 seconds (then
// 429s). The pacer spaces sends per conversation so that a burst (a milestone, several surveys
// for one person, a long run of channel updates) stays under both.
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface RateWindow {
  limit: number;
  ms: number;
}

export const TEAMS_WINDOWS: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 60, ms: 30_000 },
];

const realClock: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export class ConversationPacer {
  private readonly sent = new Map<string, number[]>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly keep: number;
  private readonly span: number;

  constructor(
    private readonly windows: readonly RateWindow[] = TEAMS_WINDOWS,
    private readonly clock: PacerClock = realClock,
    /** Told how long a send waited (for the rate-limit metrics). */
    private readonly onWait: (ms: number) => void = () => {},
  ) {
    this.keep = Math.max(...windows.map((w) => w.limit));
    this.span = Math.max(...windows.map((w) => w.ms));
  }

  /** Waits until one more message may go to this conversation, and counts it. */
  take(conversationId: string): Promise<void> {
    // One taker at a time per conversation, so concurrent sends cannot both pass a full window.
    const turn = (this.queues.get(conversationId) ?? Promise.resolve()).then(() => this.takeNow(conversationId));
    this.queues.set(conversationId, turn);
    void turn.finally(() => {
      if (this.queues.get(conversationId) === turn) this.queues.delete(conversationId);
    });
    return turn;
  }

  /** How long to wait before one more send, given the recent send times (oldest first). */
  private waitMs(times: number[], now: number): number {
    let wait = 0;
    for (const { limit, ms } of this.windows) {
      const inWindow = times.filter((t) => t > now - ms);
      const blocking = inWindow[inWindow.length - limit];
      if (inWindow.length >= limit && blocking !== undefined) wait = Math.max(wait, blocking + ms - now);
    }
    return wait;
  }

  private async takeNow(conversationId: string): Promise<void> {
    const times = this.sent.get(conversationId) ?? [];
    const wait = this.waitMs(times, this.clock.now());
    if (wait > 0) {
      await this.clock.sleep(wait);
      this.onWait(wait);
    }
    const now = this.clock.now();
    times.push(now);
    this.sent.set(conversationId, times.filter((t) => t > now - this.span).slice(-this.keep));
    // Bounded memory: forget idle conversations now and then.
    if (this.sent.size > 10_000) this.forgetIdle(now);
  }

  private forgetIdle(now: number): void {
    for (const [id, times] of this.sent) if ((times[times.length - 1] ?? 0) < now - this.span) this.sent.delete(id);
  }
}
