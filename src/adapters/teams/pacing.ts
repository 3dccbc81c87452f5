// Teams allows a bot about 7 messages per second in one conversation (then 429s). The pacer
// spaces sends per conversation so that a burst (a milestone, a batch of surveys) stays under it.
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export class ConversationPacer {
  private readonly sent = new Map<string, number[]>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly perSecond = 7,
    private readonly clock: PacerClock = realClock,
  ) {}

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

  private async takeNow(conversationId: string): Promise<void> {
    const times = this.sent.get(conversationId) ?? [];
    const windowStart = this.clock.now() - 1000;
    const recent = times.filter((t) => t > windowStart);
    if (recent.length >= this.perSecond) {
      const oldest = recent[recent.length - this.perSecond] ?? windowStart;
      await this.clock.sleep(oldest + 1000 - this.clock.now());
    }
    recent.push(this.clock.now());
    this.sent.set(conversationId, recent.slice(-this.perSecond));
    // Bounded memory: forget idle conversations now and then.
    if (this.sent.size > 10_000) this.forgetIdle();
  }

  private forgetIdle(): void {
    const cutoff = this.clock.now() - 1000;
    for (const [id, times] of this.sent) if ((times[times.length - 1] ?? 0) < cutoff) this.sent.delete(id);
  }
}
