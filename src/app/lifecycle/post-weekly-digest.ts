// The weekly digest to the team channel: praise received over the week, share of positive
// ratings, the pot. One per week (keyed by the slot's date), caught up after a short downtime.
import { isPositiveRating } from "../../core/rules/rating.js";
import { latestDigestSlot } from "../../core/schedule/due.js";
import type { ScheduleSettings } from "../../core/schedule/settings.js";
import { quarterOf, quarterLabel } from "../../core/campaign/quarter.js";
import type { TeamPost } from "../../core/views.js";
import type { AppContext } from "../context.js";
import { enqueueTeamPost } from "./announcements.js";
import { campaignPotChart, DIGEST_CHART_TTL_MS } from "../charts/charts.js";

const WEEK_MS = 7 * 24 * 3_600_000;
/** A digest later than this is skipped: last week's news is not news any more. */
const CATCH_UP_MS = 2 * 24 * 3_600_000;

export type WeeklyDigestReport = { posted: number };

export async function postWeeklyDigest(ctx: AppContext, now: Date, digest: ScheduleSettings["digest"]): Promise<WeeklyDigestReport> {
  const slot = latestDigestSlot(now, ctx.rules.timeZone, digest);
  if (now.getTime() - slot.at.getTime() > CATCH_UP_MS) return { posted: 0 };
  const ratings = await ctx.store.lifecycle.ratingsBetween(new Date(slot.at.getTime() - WEEK_MS), slot.at);
  const positive = ratings.filter((r) => isPositiveRating(r.rating, r.ratingScale));
  const quarter = quarterOf(now, ctx.rules.timeZone);
  const campaign = await ctx.store.campaigns.findByQuarter(quarter.year, quarter.quarter);
  const post: TeamPost = {
    kind: "weekly-digest",
    campaignLabel: quarterLabel(quarter),
    praise: positive.filter((r) => r.moderation === "clean").length,
    answers: ratings.length,
    positiveShare: ratings.length === 0 ? null : positive.length / ratings.length,
    potCents: campaign ? await ctx.store.contributions.potCents(campaign.id) : 0,
    charityName: campaign?.charity?.name ?? null,
    // The pot day by day up to the digest's hour, in the channel's language; the picture works a week.
    chart: campaign ? await campaignPotChart(ctx, campaign, { until: now, locale: ctx.rules.defaultLocale, ttlMs: DIGEST_CHART_TTL_MS }) : null,
  };
  const posted = await enqueueTeamPost(ctx.store, post, `digest:${slot.key}`, now);
  return { posted: posted ? 1 : 0 };
}
