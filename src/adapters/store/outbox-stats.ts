// What GET /metrics reads of the outbox on each scrape: how many messages wait, how many were
// given up on, and since when the oldest one waits. Indexed by (status, availableAt).
import type { OutboxStats } from "../metrics/prometheus.js";
import type { Db } from "./prisma-client.js";

export function outboxStats(db: Db): () => Promise<OutboxStats> {
  return async () => {
    const [pending, dead, oldest] = await Promise.all([
      db.outboxMessage.count({ where: { status: "pending" } }),
      db.outboxMessage.count({ where: { status: "dead" } }),
      db.outboxMessage.findFirst({ where: { status: "pending" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    ]);
    return { pending, dead, oldestPendingAt: oldest?.createdAt ?? null };
  };
}
