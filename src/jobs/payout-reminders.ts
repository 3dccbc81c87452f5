// Rule 10: every month after a campaign ends, management is reminded to pay the charity and record
// the payout, until it is recorded. Reminder n of a campaign is sent once (dedupe key).
import { duePayoutReminder } from "../core/schedule/due.js";
import { quarterLabel } from "../core/campaign/quarter.js";
import { enqueueNotice } from "../app/lifecycle/announcements.js";
import type { Job } from "./job.js";

export const payoutReminderJob: Job = {
  name: "payout-reminders",
  triggers: () => ["0 * * * *"],
  async run(ctx, now) {
    let reminded = 0;
    for (const campaign of await ctx.store.lifecycle.unpaidEndedCampaigns(now)) {
      const end = campaign.closedAt && campaign.closedAt < campaign.endsAt ? campaign.closedAt : campaign.endsAt;
      const due = duePayoutReminder(end, now, ctx.rules.timeZone, ctx.schedule.businessHours);
      if (!due) continue;
      const potCents = await ctx.store.contributions.potCents(campaign.id);
      if (potCents === 0) continue; // nothing collected, nothing to pay
      const notice = { kind: "payout-reminder", campaignLabel: quarterLabel(campaign), charityName: campaign.charity?.name ?? null, amountCents: potCents } as const;
      if (await enqueueNotice(ctx, ctx.store, notice, `payout-reminder:${campaign.id}:${due.index}`, now)) reminded += 1;
    }
    return { reminded };
  },
};
