// Charts in chat: management's `status` and the weekly digest carry the pot of the campaign day
// by day, `history` the pots of the last quarters. A chart is a signed link (links/signed-links.ts)
// naming what to draw — the kind, the campaign, up to when, in which language — that the HTTP
// adapter turns into a PNG when Slack or Teams fetches it. The link expires; the figures behind
// it are read again when it is fetched (the same definitions as `status` and `history`).
import { potAt, potByDay, type PotPoint } from "../../core/charts/pot-series.js";
import { quarterLabel } from "../../core/campaign/quarter.js";
import { calendarDaysBetween } from "../../core/campaign/local-day.js";
import type { Campaign, Locale } from "../../core/model.js";
import type { ChartImage, StatusReport } from "../../core/views.js";
import { getHistory } from "../get-status.js";
import type { AppContext } from "../context.js";
import { checkLink, signLink } from "../links/signed-links.js";

/** A digest stays in the channel: its picture works for a week. */
export const DIGEST_CHART_TTL_MS = 7 * 24 * 3_600_000;
/** A command's answer is read at once: its picture works for a day. */
export const COMMAND_CHART_TTL_MS = 24 * 3_600_000;
/** Bars of the quarters chart: two years. */
export const QUARTERS_SHOWN = 8;

export type ChartKind = "campaign-pot" | "quarters-pot";

/** What a chart link names, as signed. */
type ChartLink = { k: ChartKind; c: string | null; u: number; l: Locale };

/** What the picture shows, in the reader's language: the specs in src/adapters/charts draw it. */
export type ChartSeries =
  | { kind: "campaign-pot"; locale: Locale; campaignLabel: string; points: PotPoint[] }
  | { kind: "quarters-pot"; locale: Locale; bars: { campaignLabel: string; cents: number }[] };

const chartUrl = (ctx: AppContext, token: string) => `${ctx.publicUrl}/charts/${token}.png`;

function daysInto(campaign: Campaign, until: Date, zone: string): number {
  return Math.max(1, calendarDaysBetween(campaign.startsAt, Math.min(until.getTime(), campaign.endsAt.getTime() - 1), zone) + 1);
}

/**
 * The pot of `campaign` day by day up to `until`, as a picture link valid `ttlMs`. `amountCents`:
 * the pot at `until` when the caller already has it (status does): the campaign's contributions are
 * then not read at all, which keeps a command's answer from growing with the campaign.
 */
export async function campaignPotChart(ctx: AppContext, campaign: Campaign, input: { until: Date; locale: Locale; ttlMs: number; amountCents?: number }): Promise<ChartImage> {
  // Whole seconds, rounded up: a contribution made earlier in the same second as `until` is in.
  const link: ChartLink = { k: "campaign-pot", c: campaign.id, u: Math.ceil(input.until.getTime() / 1000), l: input.locale };
  const token = await signLink(ctx, "chart", link, new Date(ctx.clock.now().getTime() + input.ttlMs));
  const amountCents = input.amountCents ?? potAt(await ctx.store.contributions.timeline(campaign.id), new Date(link.u * 1000));
  return { url: chartUrl(ctx, token), figure: { kind: "campaign-pot", campaignLabel: quarterLabel(campaign), amountCents, days: daysInto(campaign, input.until, ctx.rules.timeZone) } };
}

/** The last quarters' pots (as `history` counts them), as a picture link valid `ttlMs`; null before any campaign. */
export async function quartersPotChart(ctx: AppContext, input: { locale: Locale; ttlMs: number }): Promise<ChartImage | null> {
  const bars = await quarterBars(ctx);
  const first = bars[0];
  const last = bars.at(-1);
  if (!first || !last) return null;
  const link: ChartLink = { k: "quarters-pot", c: null, u: Math.floor(ctx.clock.now().getTime() / 1000), l: input.locale };
  const token = await signLink(ctx, "chart", link, new Date(ctx.clock.now().getTime() + input.ttlMs));
  const totalCents = bars.reduce((sum, b) => sum + b.cents, 0);
  return { url: chartUrl(ctx, token), figure: { kind: "quarters-pot", campaigns: bars.length, firstLabel: first.campaignLabel, lastLabel: last.campaignLabel, totalCents } };
}

async function quarterBars(ctx: AppContext): Promise<{ campaignLabel: string; cents: number }[]> {
  const { campaigns } = await getHistory(ctx);
  return campaigns
    .slice(0, QUARTERS_SHOWN)
    .reverse()
    .map((c) => ({ campaignLabel: c.campaignLabel, cents: c.amountCents }));
}

export type ChartRead = { ok: true; series: ChartSeries } | { ok: false; reason: "invalid" | "expired" };

/** What a chart link shows now; `invalid` for a link that is not ours (or names nothing any more), `expired` once its time is up. */
export async function readChart(ctx: AppContext, token: string): Promise<ChartRead> {
  const checked = await checkLink<ChartLink>(ctx, "chart", token);
  if (!checked.ok) return checked;
  const { k, c, u, l } = checked.data;
  const locale: Locale = l === "en" ? "en" : "fr";
  if (k === "quarters-pot") return { ok: true, series: { kind: "quarters-pot", locale, bars: await quarterBars(ctx) } };
  const campaign = k === "campaign-pot" && typeof c === "string" ? await ctx.store.campaigns.findById(c) : null;
  if (!campaign || typeof u !== "number") return { ok: false, reason: "invalid" };
  const events = await ctx.store.contributions.timeline(campaign.id);
  return { ok: true, series: { kind: "campaign-pot", locale, campaignLabel: quarterLabel(campaign), points: potByDay(events, campaign, new Date(u * 1000), ctx.rules.timeZone) } };
}

/**
 * The management reports with their chart, per shared report (get-status.ts) and language: the link
 * names whole seconds, so within one the same report with the same chart answers a whole burst.
 */
const charted = new WeakMap<StatusReport, Map<Locale, { key: string; report: StatusReport }>>();

/** Management's status with the chart of its campaign's pot (others' status unchanged); `campaign`: the one the status was read from. */
export async function withStatusChart(ctx: AppContext, report: StatusReport, campaign: Campaign, locale: Locale): Promise<StatusReport> {
  if (!report.management || report.campaignId !== campaign.id) return report;
  const now = ctx.clock.now().getTime();
  // What the signed link holds (campaignPotChart, signLink): `until` rounded up, the expiry down.
  const key = `${Math.ceil(now / 1000)}:${Math.floor((now + COMMAND_CHART_TTL_MS) / 1000)}`;
  let byLocale = charted.get(report);
  if (!byLocale) charted.set(report, (byLocale = new Map()));
  const kept = byLocale.get(locale);
  if (kept?.key === key) return kept.report;
  // The alt text states the pot the status shows: the same figure, not read again.
  const chart = await campaignPotChart(ctx, campaign, { until: new Date(now), locale, ttlMs: COMMAND_CHART_TTL_MS, amountCents: report.amountCents });
  const withChart = Object.freeze({ ...report, chart });
  byLocale.set(locale, { key, report: withChart });
  return withChart;
}
