import type { SettingsRepository } from "../../ports/store.js";
import type { Db } from "./prisma-client.js";

export function settingsRepository(db: Db): SettingsRepository {
  return {
    async get(key) {
      return (await db.setting.findUnique({ where: { key } }))?.value ?? null;
    },
    async set(key, value, now) {
      await db.setting.upsert({ where: { key }, update: { value, updatedAt: now }, create: { key, value, updatedAt: now } });
    },
    async createIfAbsent(key, value, now) {
      try {
        await db.setting.create({ data: { key, value, updatedAt: now } });
        return value;
      } catch (error) {
        // Another instance stored it first (unique key): theirs is the one everybody uses.
        const stored = await db.setting.findUnique({ where: { key } });
        if (stored) return stored.value;
        throw error;
      }
    },
    async delete(key) {
      await db.setting.deleteMany({ where: { key } });
    },
  };
}
