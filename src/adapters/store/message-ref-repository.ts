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
    async save({ purpose, platform, ref, now }) {
      await db.messageRef.upsert({
        where: { purpose_platform: { purpose, platform } },
        update: { ref, updatedAt: now },
        create: { purpose, platform, ref, createdAt: now, updatedAt: now },
      });
    },
    async forgetStartingWith(prefix) {
      const { count } = await db.messageRef.deleteMany({ where: { purpose: { startsWith: prefix } } });
      return count;
    },
  };
}
