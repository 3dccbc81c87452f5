// Who asks and where the pot goes, for the head of every web answer page: the company
// (CAGNOTTE_COMPANY_NAME) and the charity of the campaign an answer counts in. Reads only: a
// quarter whose campaign is not open yet names the charity it will open with (the first queued).
import { quarterLabel, quarterOf } from "../core/campaign/quarter.js";
import type { Charity } from "../core/model.js";
import type { WebAskerView } from "../core/views.js";
import type { AppContext } from "./context.js";
import { rulesUrl } from "./context.js";

/** `campaignId`: the campaign an answer counted in; absent: the one an answer given now counts in. */
export async function webAsker(ctx: AppContext, campaignId?: string | null): Promise<WebAskerView> {
  const base = { companyName: ctx.rules.companyName, contact: ctx.rules.contact, rulesUrl: rulesUrl(ctx) };
  const campaign = campaignId ? await ctx.store.campaigns.findById(campaignId) : null;
  if (campaign) return { ...base, campaignLabel: quarterLabel(campaign), charity: charityOf(campaign.charity) };
  const quarter = quarterOf(ctx.clock.now(), ctx.rules.timeZone);
  const current = await ctx.store.campaigns.findByQuarter(quarter.year, quarter.quarter);
  // Not opened yet: the first answer opens it with the first queued charity (campaignFor).
  const charity = current ? current.charity : ((await ctx.store.charities.queue())[0] ?? null);
  return { ...base, campaignLabel: quarterLabel(quarter), charity: charityOf(charity) };
}

const charityOf = (charity: Charity | null): WebAskerView["charity"] => (charity ? { name: charity.name, url: charity.url } : null);
