// The dashboard's figures: the current campaign exactly as `status` reports it to management, the
// trend across campaigns (each quarter's own status figures, which `history` also sums), the
// technicians and clients of one campaign, and each closed campaign's pot against its payout.
// Every read is indexed on the campaign (see the repositories); the assembled figures are kept
// DASHBOARD_TTL_MS so that reloads and several managers do not read them again.
import { buildStatusReport } from "../../core/status/status-report.js";
import { parseQuarterLabel, quarterLabel } from "../../core/campaign/quarter.js";
import { clientFigures, technicianFigures, type DashboardFigures, type TrendPoint } from "../../core/dashboard/figures.js";
import type { AppContext } from "../context.js";
import { getHistory, getStatus } from "../get-status.js";

export const DASHBOARD_TTL_MS = 5_000;
/**
 * A closed campaign's figures change only through management's later actions (retract, moderation,
 * payout): its trend point is kept a minute, so a reload reads the current quarter and the history's
 * totals, not every past quarter's answers again.
 */
export const CLOSED_CAMPAIGN_TTL_MS = 60_000;
const closedPoints = new WeakMap<AppContext["store"], Map<string, { at: number; point: TrendPoint }>>();

const cache = new WeakMap<AppContext["store"], Map<string, { at: number; figures: Promise<DashboardFigures> }>>();

/**
 * `viewerEmail`: the signed-in manager (the status report's management part is theirs to see).
 * `campaignLabel`: the campaign of the breakdowns ("2026-Q3"); the current one when null or unknown.
 */
export function getDashboardFigures(ctx: AppContext, input: { viewerEmail: string; campaignLabel: string | null }): Promise<DashboardFigures> {
  const now = ctx.clock.now().getTime();
  const key = input.campaignLabel ?? "";
  let entries = cache.get(ctx.store);
  if (!entries) cache.set(ctx.store, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && now >= hit.at && now - hit.at < DASHBOARD_TTL_MS) return hit.figures;
  const figures = readFigures(ctx, input);
  const kept = entries;
  kept.set(key, { at: now, figures });
  // A failed read is not kept: the next request tries again.
  figures.catch(() => kept.get(key)?.figures === figures && kept.delete(key));
  return figures;
}

async function readFigures(ctx: AppContext, input: { viewerEmail: string; campaignLabel: string | null }): Promise<DashboardFigures> {
  const now = ctx.clock.now();
  const [current, history] = await Promise.all([getStatus(ctx, { email: input.viewerEmail }), getHistory(ctx)]);
  const labels = history.campaigns.map((c) => c.campaignLabel);
  const campaigns = (
    await Promise.all(
      labels.map(async (label) => {
        const q = parseQuarterLabel(label);
        return q ? ctx.store.campaigns.findByQuarter(q.year, q.quarter) : null;
      }),
    )
  ).filter((c) => c !== null);

  // Each quarter's figures as `status` computes them for its own campaign.
  let kept = closedPoints.get(ctx.store);
  if (!kept) closedPoints.set(ctx.store, (kept = new Map()));
  const trend: TrendPoint[] = [];
  for (const campaign of [...campaigns].reverse()) {
    const hit = campaign.status === "closed" ? kept.get(campaign.id) : undefined;
    if (hit && now.getTime() >= hit.at && now.getTime() - hit.at < CLOSED_CAMPAIGN_TTL_MS) {
      trend.push(hit.point);
      continue;
    }
    // The current campaign's figures are the status just read; only other quarters are read here.
    const r =
      campaign.id === current.campaignId
        ? current
        : buildStatusReport({ campaign, figures: await ctx.store.campaigns.figures(campaign.id, ctx.rules.caps), now, zone: ctx.rules.timeZone, forManagement: false });
    const point: TrendPoint = {
      campaignLabel: r.campaignLabel,
      status: campaign.status === "open" ? "open" : "closed",
      amountCents: r.amountCents,
      countedComments: r.countedComments,
      answers: r.answers,
      surveys: r.surveys,
      responseRate: r.responseRate,
      positiveShare: r.positiveShare,
    };
    if (campaign.status === "closed") kept.set(campaign.id, { at: now.getTime(), point });
    trend.push(point);
  }

  const wanted = input.campaignLabel && labels.includes(input.campaignLabel) ? input.campaignLabel : current.campaignLabel;
  const selected = campaigns.find((c) => quarterLabel(c) === wanted);
  const [technicians, clients] = selected
    ? await Promise.all([ctx.store.insights.technicianRatings(selected.id), ctx.store.insights.clients(selected.id)])
    : [[], []];

  return {
    current,
    selected: wanted,
    campaignLabels: labels,
    trend,
    technicians: technicianFigures(technicians),
    clients: clientFigures(clients, ctx.rules.caps.perClient),
    payouts: history.campaigns
      .filter((c) => c.status === "closed")
      .reverse()
      .map((c) => ({ campaignLabel: c.campaignLabel, potCents: c.amountCents, paidCents: c.payout?.amountCents ?? null, paidOn: c.payout?.paidOn ?? null, reason: c.payout?.reason ?? null })),
    totalGivenCents: history.totalGivenCents,
    readAt: now,
  };
}
