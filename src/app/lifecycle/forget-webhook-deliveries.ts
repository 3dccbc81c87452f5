// The helpdesk webhooks' replay memory (WebhookDelivery) only needs to outlive the helpdesks'
// retries and the accepted age of a signed delivery (GLPI: 24 h); older rows are forgotten nightly.
import type { AppContext } from "../context.js";

export const WEBHOOK_DELIVERY_MEMORY_DAYS = 30;

export async function forgetOldWebhookDeliveries(ctx: AppContext, now: Date): Promise<{ webhookDeliveriesForgotten: number }> {
  const cutoff = new Date(now.getTime() - WEBHOOK_DELIVERY_MEMORY_DAYS * 86_400_000);
  return { webhookDeliveriesForgotten: await ctx.store.webhookDeliveries.forgetBefore(cutoff) };
}
