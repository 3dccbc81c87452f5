// Message references by purpose (the MessageRef table): see src/ports/store/message-refs.ts.
import type { MessageRefRepository } from "../../ports/store.js";
import type { Db } from "./prisma-client.js";

export function messageRefRepository(db: Db): MessageRefRepository {
  return {
    async get(purpose, platform) {
      const row = await db.messageRef.findUnique({ where: { purpose_platform: { purpose, platform } } });
      return row ? { purpose: row.purpose, platform: row.platform, ref: row.ref } : null;
    },
    async list(purpose) {
      const rows = await db.messageRef.findMany({ where: { purpose }, orderBy: { createdAt: "asc" } });
      return rows.map((row) => ({ purpose: row.purpose, platform: row.platform, ref: row.ref }));
    },
    async listStartingWith(prefix) {
      // As below: startsWith is a LIKE that only narrows the search; the exact test is made here.
      const rows = await db.messageRef.findMany({ where: { purpose: { startsWith: prefix } }, orderBy: { createdAt: "asc" } });
      return rows.filter((row) => row.purpose.startsWith(prefix)).map((row) => ({ purpose: row.purpose, platform: row.platform, ref: row.ref }));
    },
    async save({ purpose, platform, ref, now }) {
      await db.messageRef.upsert({
        where: { purpose_platform: { purpose, platform } },
        update: { ref, updatedAt: now },
        create: { purpose, platform, ref, createdAt: now, updatedAt: now },
      });
    },
    async forgetStartingWith(prefix) {
      // Prisma's startsWith is a LIKE: "_" and "%" in the prefix would match any character (and
      // SQLite's LIKE ignores case). It only narrows the search; the exact test is made here.
      const candidates = await db.messageRef.findMany({ where: { purpose: { startsWith: prefix } }, select: { purpose: true } });
      const purposes = [...new Set(candidates.map((c) => c.purpose).filter((p) => p.startsWith(prefix)))];
      if (purposes.length === 0) return 0;
      const { count } = await db.messageRef.deleteMany({ where: { purpose: { in: purposes } } });
      return count;
    },
  };
}
