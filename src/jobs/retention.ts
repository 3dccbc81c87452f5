// Comment retention (src/app/lifecycle/erase-old-comments.ts) and the webhooks' replay memory
// (forget-webhook-deliveries.ts): once a night, at a quiet hour.
import { eraseOldComments } from "../app/lifecycle/erase-old-comments.js";
import { forgetOldWebhookDeliveries } from "../app/lifecycle/forget-webhook-deliveries.js";
import type { Job } from "./job.js";

export const retentionJob: Job = {
  name: "comment-retention",
  triggers: () => ["30 3 * * *"],
  run: async (ctx, now) => ({ ...(await eraseOldComments(ctx, now, ctx.schedule.retentionDays)), ...(await forgetOldWebhookDeliveries(ctx, now)) }),
};
