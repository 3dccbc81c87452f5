// `/cagnotte status`, `cagnotte status`, GET /api/pot and the digests all read the pot here.
import { buildStatusReport } from "../core/status/status-report.js";
import { MIN_SURVEY_DAYS } from "../core/rules/survey-policy.js";
import type { CampaignHistory, RulesView, StatusReport } from "../core/views.js";
import type { Campaign } from "../core/model.js";
import type { CampaignFigures } from "../core/status/status-report.js";
import type { AppContext } from "./context.js";
import { isAdmin } from "./context.js";
import { campaignFor } from "./campaign-for.js";
import { quarterOf } from "../core/campaign/quarter.js";
import { localDay } from "../core/campaign/local-day.js";

/**
 * How long this process may answer the status from figures it read earlier when nothing it knows
 * of changed. A change committed by this process (an answer, a closure, a withdrawal, management's
 * decisions: any write to the figures' tables) drops them at once; a change committed by another
 * instance on the same database shows within this many milliseconds.
 */
export const STATUS_TTL_MS = 3_000;

interface Snapshot {
  /** ctx.store.commits() when the read started: a commit meanwhile makes it stale. */
  commits: number;
  at: number;
  /** The quarter's bounds (ms): while now is within them, the quarter need not be computed again. */
  from: number;
  to: number;
  read: Promise<{ campaign: Campaign; figures: CampaignFigures }>;
  /**
   * The reports built from these figures, per kind of viewer and local day: a report depends on
   * nothing else while the snapshot holds (same quarter, so `open`; same day, so `daysLeft`), and a
   * burst of `status` then shares one (frozen) object, which adapters may lay out once.
   */
  reports: Map<string, StatusReport>;
}
const snapshots = new WeakMap<AppContext["store"], Snapshot>();

/**
 * The quarter's campaign and its figures, shared by every status, GET /api/pot and the règlement:
 * read once, kept until this process commits a change or STATUS_TTL_MS pass. Concurrent callers
 * share one read (a burst of `/cagnotte status` costs one set of queries, not one per command).
 */
function snapshotAt(ctx: AppContext, now: Date): Snapshot {
  const t = now.getTime();
  const commits = ctx.store.commits();
  const hit = snapshots.get(ctx.store);
  if (hit && hit.commits === commits && t >= hit.from && t < hit.to && t >= hit.at && t - hit.at < STATUS_TTL_MS) return hit;
  const quarter = quarterOf(now, ctx.rules.timeZone);
  const read = (async () => {
    // Asking for the status opens the quarter's campaign if nobody has yet (the figures are then 0);
    // only then is a write transaction opened: a read of an existing campaign never writes.
    const campaign =
      (await ctx.store.campaigns.findByQuarter(quarter.year, quarter.quarter)) ??
      (await ctx.store.transaction((tx) => campaignFor(tx, now, { timeZone: ctx.rules.timeZone, now }))).campaign;
    return { campaign, figures: await ctx.store.campaigns.figures(campaign.id, ctx.rules.caps) };
  })();
  const snapshot: Snapshot = { commits, at: t, from: quarter.startsAt.getTime(), to: quarter.endsAt.getTime(), read, reports: new Map() };
  snapshots.set(ctx.store, snapshot);
  // A failed read is not kept: the next request tries again.
  read.catch(() => snapshots.get(ctx.store)?.read === read && snapshots.delete(ctx.store));
  return snapshot;
}

export async function getStatus(ctx: AppContext, viewer: { email: string | null }): Promise<StatusReport> {
  return (await readStatus(ctx, viewer)).report;
}

/** The status and the campaign it was read from (management's chart draws that campaign: not read again). */
export async function readStatus(ctx: AppContext, viewer: { email: string | null }): Promise<{ report: StatusReport; campaign: Campaign }> {
  const now = ctx.clock.now();
  const snapshot = snapshotAt(ctx, now);
  const { campaign, figures } = await snapshot.read;
  const forManagement = isAdmin(ctx, viewer.email);
  const key = `${forManagement ? "management" : "everyone"}:${localDay(now, ctx.rules.timeZone).start}`;
  let report = snapshot.reports.get(key);
  if (!report) {
    report = Object.freeze(buildStatusReport({ campaign, figures, now, zone: ctx.rules.timeZone, forManagement }));
    snapshot.reports.set(key, report);
  }
  return { report, campaign };
}

/** Public figures (GET /api/pot): no names, no comments (rule 8). */
export interface PublicPot {
  campaign: string;
  charity: string | null;
  amountCents: number;
  amount: string;
  currency: "EUR";
  count: number;
  /** Answers received, with or without comment. */
  answers: number;
  open: boolean;
  daysLeft: number;
}

/** GET /api/pot is public and may be polled by many screens: it reads the kept figures (STATUS_TTL_MS). */
export function getPublicPot(ctx: AppContext): Promise<PublicPot> {
  return readPublicPot(ctx);
}

async function readPublicPot(ctx: AppContext): Promise<PublicPot> {
  const report = await getStatus(ctx, { email: null });
  return {
    campaign: report.campaignLabel,
    charity: report.charityName,
    amountCents: report.amountCents,
    amount: (report.amountCents / 100).toFixed(2),
    currency: "EUR",
    count: report.countedComments,
    answers: report.answers,
    open: report.open,
    daysLeft: report.daysLeft,
  };
}

export async function getHistory(ctx: AppContext): Promise<CampaignHistory> {
  const campaigns = await ctx.store.campaigns.history();
  const totalGivenCents = campaigns.reduce((sum, c) => sum + (c.payout?.amountCents ?? 0), 0);
  return { campaigns, totalGivenCents };
}

/** One campaign for clients who ask for the totals (GET /api/campaigns): figures only, no names, no comments. */
export interface PublicCampaign {
  campaign: string;
  charity: string | null;
  amountCents: number;
  amount: string;
  currency: "EUR";
  answers: number;
  countedComments: number;
  status: "open" | "closed";
  paidOn: string | null;
  paidCents: number | null;
}

export async function getPublicCampaigns(ctx: AppContext): Promise<PublicCampaign[]> {
  const { campaigns } = await getHistory(ctx);
  return campaigns.map((c) => ({
    campaign: c.campaignLabel,
    charity: c.charityName,
    amountCents: c.amountCents,
    amount: (c.amountCents / 100).toFixed(2),
    currency: "EUR",
    answers: c.answers,
    countedComments: c.countedComments,
    status: c.status,
    paidOn: c.payout ? c.payout.paidOn.toISOString().slice(0, 10) : null,
    paidCents: c.payout?.amountCents ?? null,
  }));
}

/** The règlement with this installation's figures (GET /reglement). */
export async function getRules(ctx: AppContext): Promise<RulesView> {
  const report = await getStatus(ctx, { email: null });
  return {
    amountCents: ctx.rules.amountCents,
    caps: ctx.rules.caps,
    answerableDays: Math.max(ctx.rules.surveyExpiryDays, MIN_SURVEY_DAYS),
    campaign: {
      campaignLabel: report.campaignLabel,
      charityName: report.charityName,
      amountCents: report.amountCents,
      countedComments: report.countedComments,
      daysLeft: report.daysLeft,
      open: report.open,
    },
    contact: ctx.rules.contact,
  };
}
