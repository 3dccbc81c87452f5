// Replay memory of the helpdesk webhooks (the WebhookDelivery table): see
// src/ports/store/webhook-deliveries.ts.
import type { WebhookDeliveryRepository } from "../../ports/store.js";
import type { Db } from "./prisma-client.js";

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === "P2002";

export function webhookDeliveryRepository(db: Db): WebhookDeliveryRepository {
  return {
    async firstSeen(source, key, at) {
      try {
        await db.webhookDelivery.create({ data: { source, key, receivedAt: at } });
        return true;
      } catch (error) {
        // The primary key (source, key) exists: this delivery was handled before (or is being
        // handled by a concurrent request that won the insert).
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async forget(source, key) {
      await db.webhookDelivery.deleteMany({ where: { source, key } });
    },
    async forgetBefore(cutoff) {
      const { count } = await db.webhookDelivery.deleteMany({ where: { receivedAt: { lt: cutoff } } });
      return count;
    },
  };
}
