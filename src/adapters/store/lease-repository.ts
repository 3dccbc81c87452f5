// Job leases on the JobLease table: a conditional update that only one instance can win, on
// SQLite (one writer at a time) as on PostgreSQL (row-level atomic UPDATE … WHERE).
import type { JobLeaseRepository } from "../../ports/store.js";
import type { Db } from "./prisma-client.js";

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === "P2002";
}

export function leaseRepository(db: Db): JobLeaseRepository {
  return {
    async acquire(name, holder, now, until) {
      try {
        // The row exists once per job name; the first instance ever creates it already held.
        await db.jobLease.create({ data: { name, holder, until } });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const { count } = await db.jobLease.updateMany({
        where: { name, OR: [{ until: null }, { until: { lte: now } }] },
        data: { holder, until },
      });
      return count === 1;
    },
    async release(name, holder, lastRunAt) {
      await db.jobLease.updateMany({ where: { name, holder }, data: { until: null, lastRunAt } });
    },
    async lastRunAt(name) {
      return (await db.jobLease.findUnique({ where: { name } }))?.lastRunAt ?? null;
    },
  };
}
