// Polls the outbox and delivers due messages. Several workers (or bot instances) may run: claims
// are leases, so each message is handled by one of them; a crash leaves it due again later.
// A worker claims one message at a time and renews its lease while sending it: however slow the
// chat platform, the lease never runs out under a live worker, so no other instance sends the
// same message. Only a crash (or a process frozen for longer than the lease) can make a message
// be sent twice, and then only the one that was in flight.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { ChatPlatform } from "../../ports/chat-platform.js";
import type { MailChannel } from "../../ports/mail-channel.js";
import type { AppContext } from "../context.js";
import { dispatch } from "./dispatch.js";
import { afterIngest } from "../ticket-closed.js";

export interface OutboxWorkerOptions {
  pollMs?: number;
  /**
   * Messages in flight at once (8). Each is claimed and leased on its own, as by another instance,
   * so one message waiting for its channel's or method's turn never holds up the others.
   */
  concurrency?: number;
  /** How long a claim holds without renewal: after a crash, the message is due again this much later. */
  leaseMs?: number;
  /** The e-mail channel surveys take when no chat platform reaches the requester (null or absent: none). */
  mail?: MailChannel | null;
}

export const DEFAULT_LEASE_MS = 30_000;

export interface OutboxWorker {
  /** Delivers everything due now; resolves with how many messages were handled. */
  drain(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * `platforms`: the configured chat platforms, in the order a person is tried (Slack first); team
 * posts go to every one of them.
 */
export function outboxWorker(ctx: AppContext, platforms: readonly ChatPlatform[], options: OutboxWorkerOptions = {}): OutboxWorker {
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  // Three renewals per lease: one late or failed renewal does not lose it.
  const renewMs = Math.max(50, Math.floor(leaseMs / 3));
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  // Set by stop(): the lanes finish the message in hand and claim no more (a drain of a long
  // backlog would otherwise hold the shutdown until the backlog is empty).
  let stopping = false;

  /** Runs `send` while renewing the lease on message `id` every `renewMs`. */
  async function holding<T>(id: string, send: () => Promise<T>): Promise<T> {
    let renewing: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = renewing
        .then(() => ctx.store.outbox.renewLease({ id, worker, now: ctx.clock.now(), leaseMs }))
        .then((held) => {
          if (!held) ctx.logger.warn({ outboxId: id }, "outbox lease lost while sending (process paused longer than the lease?)");
        })
        .catch((error: unknown) => ctx.logger.warn({ err: error, outboxId: id }, "outbox lease renewal failed"));
    }, renewMs);
    try {
      return await send();
    } finally {
      clearInterval(timer);
      await renewing;
    }
  }

  async function drainOnce(): Promise<number> {
    const [record] = await ctx.store.outbox.claimDue({ worker, now: ctx.clock.now(), limit: 1, leaseMs });
    if (!record) return 0;
    await holding(record.id, () => dispatch(ctx, platforms, record, options.mail ?? null));
    return 1;
  }

  async function drain(): Promise<number> {
    let total = 0;
    // Between two messages, ingest goes first (and the event loop reads what has arrived): each
    // step of a delivery is synchronous work on SQLite, and eight lanes chaining them would keep
    // requests waiting for seconds.
    const lane = async () => {
      for (;;) {
        await afterIngest(ctx);
        if (stopping) return;
        const n = await drainOnce();
        if (n === 0) return;
        total += n;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return total;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = drain()
        .catch((error: unknown) => ctx.logger.error({ err: error }, "outbox worker pass failed"))
        .finally(schedule);
    }, pollMs);
  }

  return {
    drain,
    start() {
      if (!stopped) return;
      stopped = false;
      stopping = false;
      schedule();
    },
    async stop() {
      stopped = true;
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
