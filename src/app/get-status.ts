// `/cagnotte status`, `cagnotte status`, GET /api/pot and the digests all read the pot here.
import { buildStatusReport } from "../core/status/status-report.js";
import type { CampaignHistory, StatusReport } from "../core/views.js";
import type { AppContext } from "./context.js";
import { isAdmin } from "./context.js";
import { campaignFor } from "./campaign-for.js";

export async function getStatus(ctx: AppContext, viewer: { email: string | null }): Promise<StatusReport> {
  const now = ctx.clock.now();
  // Asking for the status opens the quarter's campaign if nobody has yet: the figures are then 0.
  const { campaign } = await ctx.store.transaction((tx) => campaignFor(tx, now, { timeZone: ctx.rules.timeZone, now }));
  const figures = await ctx.store.campaigns.figures(campaign.id, ctx.rules.caps);
  return buildStatusReport({ campaign, figures, now, zone: ctx.rules.timeZone, forManagement: isAdmin(ctx, viewer.email) });
}

/** Public figures (GET /api/pot): no names, no comments (rule 8). */
export interface PublicPot {
  campaign: string;
  charity: string | null;
  amountCents: number;
  amount: string;
  currency: "EUR";
  count: number;
  open: boolean;
  daysLeft: number;
}

export async function getPublicPot(ctx: AppContext): Promise<PublicPot> {
  const report = await getStatus(ctx, { email: null });
  return {
    campaign: report.campaignLabel,
    charity: report.charityName,
    amountCents: report.amountCents,
    amount: (report.amountCents / 100).toFixed(2),
    currency: "EUR",
    count: report.countedComments,
    open: report.open,
    daysLeft: report.daysLeft,
  };
}

export async function getHistory(ctx: AppContext): Promise<CampaignHistory> {
  const campaigns = await ctx.store.campaigns.history();
  const totalGivenCents = campaigns.reduce((sum, c) => sum + (c.payout?.amountCents ?? 0), 0);
  return { campaigns, totalGivenCents };
}
