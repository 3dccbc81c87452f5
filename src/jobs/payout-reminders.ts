// Payout reminders (src/app/lifecycle/remind-payouts.ts): checked every hour.
import { remindPayouts } from "../app/lifecycle/remind-payouts.js";
import type { Job } from "./job.js";

export const payoutReminderJob: Job = {
  name: "payout-reminders",
  triggers: () => ["0 * * * *"],
  run: (ctx, now) => remindPayouts(ctx, now, ctx.schedule.businessHours),
};
