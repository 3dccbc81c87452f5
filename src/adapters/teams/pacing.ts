// Teams limits a bot per conversation ("thread": about 7 messages a second, 8 per 2 seconds, 60 per
// 30 seconds, 1800 per hour) and per app and tenant (about 50 requests a second, every
// conversation together); beyond them the connector answers 429 with Retry-After. The pacer keeps
// this process under both, with a margin:
// - per conversation, about one message a second: a short burst of 3 goes at once, then the pace is
//   30 per 30 seconds (and 1 700 per hour);
// - for the whole bot, 30 requests a second;
// - a 429 pauses its conversation for the Retry-After; two conversations answering 429 close
//   together mean the bot's own limit: the whole bot pauses;
// - a send waits in memory for its turn only when the wait is short (`maxWaitMs`); a longer wait (a
//   pause, a full minute window) is refused with PacerWait, and the outbox brings the message back
//   then without counting an attempt, so the worker's lanes stay free for other conversations.
// Several instances share Teams' budget: each paces itself and learns pauses from its own 429s.
export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface RateWindow {
  limit: number;
  ms: number;
}

/** Per conversation: a burst of 3, then about one a second. */
export const TEAMS_WINDOWS: readonly RateWindow[] = [
  { limit: 3, ms: 1_000 },
  { limit: 30, ms: 30_000 },
  { limit: 1_700, ms: 3_600_000 },
];

/**
 * The whole bot, every conversation together. Teams allows about 50 a second per app and tenant; 30
 * leaves room for requests that leave this process later than their turn and arrive bunched.
 */
export const TEAMS_BOT_WINDOWS: readonly RateWindow[] = [{ limit: 30, ms: 1_000 }];

/** 429s in two conversations within this long: the bot's own limit was reached. */
export const BOT_WIDE_MS = 2_000;

/** The longest a send waits in memory for its turn (longer: PacerWait). */
export const MAX_WAIT_MS = 5_000;

const realClock: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** No send to this conversation now: it may go in `ms` (a 429 pause, or a full window). */
export class PacerWait extends Error {
  constructor(
    readonly ms: number,
    readonly paused: boolean,
  ) {
    // not user-facing: an error for the log and the outbox's retry reason
    super(paused ? "teams: paused by a rate limit (429)" : "teams: pacing, this conversation's window is full");
  }
}

export interface PacerOptions {
  /** Whole-bot windows (TEAMS_BOT_WINDOWS). */
  bot?: readonly RateWindow[];
  /** MAX_WAIT_MS. */
  maxWaitMs?: number;
}

/** Sends in a window (times oldest first): how long until one more may go. */
function windowWait(windows: readonly RateWindow[], times: readonly number[], now: number): number {
  let wait = 0;
  for (const { limit, ms } of windows) {
    let inWindow = 0;
    for (let i = times.length - 1; i >= 0 && times[i]! > now - ms; i--) inWindow++;
    if (inWindow >= limit) wait = Math.max(wait, times[times.length - limit]! + ms - now);
  }
  return wait;
}

export class ConversationPacer {
  private readonly sent = new Map<string, number[]>();
  private readonly botSent: number[] = [];
  /** By conversation: resolves when the last send queued there has its answer. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly pausedUntil = new Map<string, number>();
  private botPausedUntil = 0;
  /** The last 429 by conversation, to tell the bot's limit from one conversation's. */
  private lastLimited: { conversationId: string; at: number } | null = null;
  private readonly keep: number;
  private readonly span: number;
  private readonly botWindows: readonly RateWindow[];
  private readonly botKeep: number;
  private readonly maxWaitMs: number;

  constructor(
    private readonly windows: readonly RateWindow[] = TEAMS_WINDOWS,
    private readonly clock: PacerClock = realClock,
    /** Told how long a send waited (for the rate-limit metrics). */
    private readonly onWait: (ms: number) => void = () => {},
    options: PacerOptions = {},
  ) {
    this.keep = Math.max(...windows.map((w) => w.limit));
    this.span = Math.max(...windows.map((w) => w.ms));
    this.botWindows = options.bot ?? TEAMS_BOT_WINDOWS;
    this.botKeep = Math.max(...this.botWindows.map((w) => w.limit));
    this.maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  }

  /** How long this conversation stays paused by a 429 (its own, or the bot's); 0: not paused. */
  pausedFor(conversationId: string): number {
    const until = Math.max(this.pausedUntil.get(conversationId) ?? 0, this.botPausedUntil);
    return Math.max(0, until - this.clock.now());
  }

  /**
   * The connector answered 429 in this conversation: it pauses for `ms`; when another conversation
   * answered 429 shortly before, the whole bot does. Returns what was paused.
   */
  rateLimited(conversationId: string, ms: number): "conversation" | "bot" {
    const now = this.clock.now();
    this.pausedUntil.set(conversationId, Math.max(this.pausedUntil.get(conversationId) ?? 0, now + ms));
    const previous = this.lastLimited;
    this.lastLimited = { conversationId, at: now };
    if (previous && previous.conversationId !== conversationId && now - previous.at <= BOT_WIDE_MS) {
      this.botPausedUntil = Math.max(this.botPausedUntil, now + ms);
      return "bot";
    }
    return "conversation";
  }

  /**
   * Waits for this conversation's turn: the send before it has its answer, and one more message
   * may go; counts it. Resolves with `done`, to call once this send has its answer (after telling
   * rateLimited() of a 429, so the next send learns the pause). Rejects with PacerWait when the
   * turn is further away than `maxWaitMs` (paused by a 429, or a long window full).
   */
  async take(conversationId: string): Promise<() => void> {
    // One send in flight per conversation: a 429 is learned before the next one goes.
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    this.queues.set(conversationId, released);
    void released.then(() => {
      if (this.queues.get(conversationId) === released) this.queues.delete(conversationId);
    });
    await previous;
    try {
      await this.takeNow(conversationId);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  private async takeNow(conversationId: string): Promise<void> {
    const times = this.sent.get(conversationId) ?? [];
    let waited = 0;
    // Again after each wait: other conversations may have taken the bot's slots meanwhile. (A clock
    // that did not move while sleeping, as in tests on virtual time, lets the send go.)
    for (;;) {
      const now = this.clock.now();
      const paused = this.pausedFor(conversationId);
      if (paused > 0) throw new PacerWait(paused, true);
      const wait = Math.max(windowWait(this.windows, times, now), windowWait(this.botWindows, this.botSent, now));
      if (wait === 0) break;
      if (wait > this.maxWaitMs) throw new PacerWait(wait, false);
      await this.clock.sleep(wait);
      waited += wait;
      if (this.clock.now() <= now) break;
    }
    if (waited > 0) this.onWait(waited);
    const now = this.clock.now();
    times.push(now);
    this.sent.set(conversationId, times.length > this.keep * 2 ? times.filter((t) => t > now - this.span).slice(-this.keep) : times);
    this.botSent.push(now);
    if (this.botSent.length > this.botKeep * 2) this.botSent.splice(0, this.botSent.length - this.botKeep);
    // Bounded memory: forget idle conversations now and then.
    if (this.sent.size > 10_000) this.forgetIdle(now);
  }

  private forgetIdle(now: number): void {
    for (const [id, times] of this.sent) if ((times[times.length - 1] ?? 0) < now - this.span) this.sent.delete(id);
    for (const [id, until] of this.pausedUntil) if (until < now) this.pausedUntil.delete(id);
  }
}
