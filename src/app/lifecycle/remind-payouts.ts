// Rule 10: every month after a campaign ends, management is reminded to pay the charity and record
// the payout, until it is recorded. Reminder n of a campaign is sent once (dedupe key), in
// business hours; a campaign that collected nothing has nothing to pay.
import { duePayoutReminder } from "../../core/schedule/due.js";
import type { ScheduleSettings } from "../../core/schedule/settings.js";
import { quarterLabel } from "../../core/campaign/quarter.js";
import type { Notice } from "../../core/views.js";
import type { AppContext } from "../context.js";
import { enqueueNotice } from "./announcements.js";

export type RemindPayoutsReport = { reminded: number };

export async function remindPayouts(ctx: AppContext, now: Date, businessHours: ScheduleSettings["businessHours"]): Promise<RemindPayoutsReport> {
  let reminded = 0;
  for (const campaign of await ctx.store.lifecycle.unpaidEndedCampaigns(now)) {
    // A campaign closed early is due for payment from its close, not from its quarter's end.
    const end = campaign.closedAt && campaign.closedAt < campaign.endsAt ? campaign.closedAt : campaign.endsAt;
    const due = duePayoutReminder(end, now, ctx.rules.timeZone, businessHours);
    if (!due) continue;
    const potCents = await ctx.store.contributions.potCents(campaign.id);
    if (potCents === 0) continue; // nothing collected, nothing to pay
    const notice: Notice = { kind: "payout-reminder", campaignLabel: quarterLabel(campaign), charityName: campaign.charity?.name ?? null, amountCents: potCents };
    if (await enqueueNotice(ctx, ctx.store, notice, `payout-reminder:${campaign.id}:${due.index}`, now)) reminded += 1;
  }
  return { reminded };
}
