// The durable outbox: messages written in the same transaction as the change that caused them,
// delivered later by a worker. A claim is a lease (lockedUntil), renewed by its holder while it
// sends: if the worker dies, the message becomes due again when the lease runs out, so nothing is
// lost.
import { randomUUID } from "node:crypto";
import type { OutboxRecord, OutboxRepository } from "../../ports/store.js";
import type { Db, DbProvider } from "./prisma-client.js";

interface ClaimedRow {
  id: string;
  kind: string;
  payload: string;
  attempts: number;
}

function toRecord(row: ClaimedRow): OutboxRecord {
  return { id: row.id, kind: row.kind, payload: JSON.parse(row.payload) as Record<string, unknown>, attempts: Number(row.attempts) };
}

export function outboxRepository(db: Db, provider: DbProvider): OutboxRepository {
  return {
    async enqueue({ kind, payload, availableAt, dedupeKey, now }) {
      if (dedupeKey) {
        const existing = await db.outboxMessage.findUnique({ where: { dedupeKey }, select: { id: true } });
        if (existing) return { id: existing.id, created: false };
      }
      const id = randomUUID();
      await db.outboxMessage.create({
        data: { id, kind, payload: JSON.stringify(payload), dedupeKey: dedupeKey ?? null, status: "pending", availableAt, createdAt: now },
      });
      return { id, created: true };
    },
    async claimDue({ worker, now, limit, leaseMs }) {
      const until = new Date(now.getTime() + leaseMs);
      if (provider === "postgres") {
        // Row by row with SKIP LOCKED: two instances never claim the same message and never wait
        // on each other's claims.
        const rows = await db.$queryRaw<ClaimedRow[]>`
          UPDATE "OutboxMessage" SET "lockedBy" = ${worker}, "lockedUntil" = ${until}, "attempts" = "attempts" + 1
          WHERE "id" IN (
            SELECT "id" FROM "OutboxMessage"
            WHERE "status" = 'pending' AND "availableAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
            ORDER BY "availableAt" LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING "id", "kind", "payload", "attempts"`;
        return rows.map(toRecord);
      }
      // SQLite has one writer at a time: one conditional update claims the candidates still due; those
      // now held by this worker until this claim's deadline are what it claimed (a worker claims one
      // batch at a time, and a row it held before was not due, so not a candidate).
      const due = { status: "pending", availableAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] };
      const candidates = (await db.outboxMessage.findMany({ where: due, orderBy: { availableAt: "asc" }, take: limit, select: { id: true } })).map((c) => c.id);
      if (candidates.length === 0) return [];
      const { count } = await db.outboxMessage.updateMany({ where: { id: { in: candidates }, ...due }, data: { lockedBy: worker, lockedUntil: until, attempts: { increment: 1 } } });
      if (count === 0) return [];
      const rows = await db.outboxMessage.findMany({
        where: { id: { in: candidates }, lockedBy: worker, lockedUntil: until, status: "pending" },
        orderBy: { availableAt: "asc" },
        select: { id: true, kind: true, payload: true, attempts: true },
      });
      return rows.map(toRecord);
    },
    async renewLease({ id, worker, now, leaseMs }) {
      const { count } = await db.outboxMessage.updateMany({
        where: { id, lockedBy: worker, status: "pending", lockedUntil: { gt: now } },
        data: { lockedUntil: new Date(now.getTime() + leaseMs) },
      });
      return count === 1;
    },
    async renewLeases({ ids, worker, now, leaseMs }) {
      if (ids.length === 0) return [];
      const held = { id: { in: [...ids] }, lockedBy: worker, status: "pending", lockedUntil: { gt: now } };
      const { count } = await db.outboxMessage.updateMany({ where: held, data: { lockedUntil: new Date(now.getTime() + leaseMs) } });
      if (count === ids.length) return [];
      const kept = new Set((await db.outboxMessage.findMany({ where: { ...held, lockedUntil: { gt: now } }, select: { id: true } })).map((r) => r.id));
      return ids.filter((id) => !kept.has(id));
    },
    // updateMany: one statement (update() would read the row back inside a transaction).
    async markSent(id, at) {
      await db.outboxMessage.updateMany({ where: { id }, data: { status: "sent", sentAt: at, lockedBy: null, lockedUntil: null, lastError: null } });
    },
    async reschedule(id, { availableAt, error, uncount }) {
      await db.outboxMessage.updateMany({
        where: { id },
        data: { availableAt, lastError: error.slice(0, 1000), lockedBy: null, lockedUntil: null, ...(uncount ? { attempts: { decrement: 1 } } : {}) },
      });
    },
    async markDead(id, { at, error }) {
      await db.outboxMessage.updateMany({ where: { id }, data: { status: "dead", sentAt: at, lastError: error.slice(0, 1000), lockedBy: null, lockedUntil: null } });
    },
    async pendingCount() {
      return db.outboxMessage.count({ where: { status: "pending" } });
    },
  };
}
