// The campaign an instant belongs to. Counting never depends on the rollover job having run: if
// the quarter's campaign does not exist yet, it is opened here with the next queued charity.
import type { Campaign } from "../core/model.js";
import { quarterOf } from "../core/campaign/quarter.js";
import { planCampaignOpening } from "../core/campaign/campaign-rules.js";
import type { Repositories } from "../ports/store.js";

export async function campaignFor(
  repos: Repositories,
  at: Date,
  opts: { timeZone: string; now: Date },
): Promise<{ campaign: Campaign; created: boolean; needsCharity: boolean }> {
  const quarter = quarterOf(at, opts.timeZone);
  const existing = await repos.campaigns.findByQuarter(quarter.year, quarter.quarter);
  if (existing) return { campaign: existing, created: false, needsCharity: existing.charity === null };
  const plan = planCampaignOpening(quarter, await repos.charities.queue());
  const { campaign, created } = await repos.campaigns.createIfAbsent({ ...plan, now: opts.now });
  if (created && plan.charityId) await repos.charities.dequeue(plan.charityId);
  return { campaign, created, needsCharity: campaign.charity === null };
}
