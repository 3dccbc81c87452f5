// Quarterly rollover: close every open campaign whose quarter is over and post its final figures;
// make sure the current quarter's campaign is open (with the next queued charity) and announced.
// Counting never waits for this job: campaignFor() opens a quarter's campaign on demand.
import { campaignFor } from "../app/campaign-for.js";
import { announceCampaignClosed, announceCampaignOpened } from "../app/lifecycle/announcements.js";
import { quarterLabel } from "../core/campaign/quarter.js";
import type { Job } from "./job.js";

export const SYSTEM_ACTOR = "system";

export const rolloverJob: Job = {
  name: "campaign-rollover",
  // At 00:00 on the first day of each quarter; the hourly re-check is a no-op unless a run was lost.
  triggers: () => ["0 0 1 1,4,7,10 *", "30 * * * *"],
  async run(ctx, now) {
    let closed = 0;
    for (const ended of await ctx.store.lifecycle.endedOpenCampaigns(now)) {
      const done = await ctx.store.transaction(async (tx) => {
        await tx.campaigns.lock(ended.id);
        if (!(await tx.campaigns.close(ended.id, { at: now, by: SYSTEM_ACTOR, reason: "quarter ended" }))) return false;
        await tx.audit.append({ at: now, actor: SYSTEM_ACTOR, action: "campaign.close", subject: `campaign:${quarterLabel(ended)}`, reason: "quarter ended" });
        await announceCampaignClosed(ctx, tx, ended, { now, early: false });
        return true;
      });
      if (done) closed += 1;
    }
    const opened = await ctx.store.transaction(async (tx) => {
      const { campaign } = await campaignFor(tx, now, { timeZone: ctx.rules.timeZone, now });
      return announceCampaignOpened(ctx, tx, campaign, now);
    });
    return { closed, opened: opened ? 1 : 0 };
  },
};
