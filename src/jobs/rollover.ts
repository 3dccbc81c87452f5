// Quarterly rollover (src/app/lifecycle/rollover-campaigns.ts): when it runs.
import { rolloverCampaigns } from "../app/lifecycle/rollover-campaigns.js";
import type { Job } from "./job.js";

export const rolloverJob: Job = {
  name: "campaign-rollover",
  // At 00:00 on the first day of each quarter; the hourly re-check is a no-op unless a run was lost.
  triggers: () => ["0 0 1 1,4,7,10 *", "30 * * * *"],
  run: (ctx, now) => rolloverCampaigns(ctx, now),
};
