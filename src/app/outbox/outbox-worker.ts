// Polls the outbox and delivers due messages. Several workers (or bot instances) may run: claims
// are leases, so each message is handled by one of them; a crash leaves it due again later.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { ChatPlatform } from "../../ports/chat-platform.js";
import type { AppContext } from "../context.js";
import { dispatch } from "./dispatch.js";

export interface OutboxWorkerOptions {
  pollMs?: number;
  batch?: number;
  leaseMs?: number;
}

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
  const batch = options.batch ?? 20;
  const leaseMs = options.leaseMs ?? 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;

  async function drainOnce(): Promise<number> {
    const claimed = await ctx.store.outbox.claimDue({ worker, now: ctx.clock.now(), limit: batch, leaseMs });
    for (const record of claimed) await dispatch(ctx, platforms, record);
    return claimed.length;
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (let n = await drainOnce(); n > 0; n = await drainOnce()) total += n;
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
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
