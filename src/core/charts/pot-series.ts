// The pot of a campaign as a curve: at the end of each day (in the campaign's time zone), the sum of
// the contributions made by then and not reversed by then. A day is a calendar day; the last point
// is the pot at `until` itself, so a digest's chart ends on the figure the digest states.
import { DateTime } from "luxon";

export interface ContributionEvent {
  at: Date;
  amountCents: number;
  reversedAt: Date | null;
}

export interface PotPoint {
  /** "2026-10-01", the day in the campaign's time zone. */
  day: string;
  cents: number;
}

/** The pot at one instant: made at or before it, and not reversed at or before it. */
export function potAt(events: readonly ContributionEvent[], at: Date): number {
  const t = at.getTime();
  let cents = 0;
  for (const e of events) if (e.at.getTime() <= t && (e.reversedAt === null || e.reversedAt.getTime() > t)) cents += e.amountCents;
  return cents;
}

/** One point a day from the campaign's first day to the day of `until` (never past the campaign's end). */
export function potByDay(events: readonly ContributionEvent[], campaign: { startsAt: Date; endsAt: Date }, until: Date, zone: string): PotPoint[] {
  const end = Math.min(until.getTime(), campaign.endsAt.getTime() - 1);
  const last = new Date(Math.max(end, campaign.startsAt.getTime()));
  const points: PotPoint[] = [];
  let day = DateTime.fromJSDate(campaign.startsAt, { zone }).startOf("day");
  const lastDay = DateTime.fromJSDate(last, { zone }).startOf("day");
  // A quarter has at most 92 days: the loop is bounded by the campaign, not by the data.
  while (day <= lastDay && points.length < 100) {
    const endOfDay = day.plus({ days: 1 }).toJSDate().getTime() - 1;
    points.push({ day: day.toISODate() ?? "", cents: potAt(events, new Date(Math.min(endOfDay, last.getTime()))) });
    day = day.plus({ days: 1 });
  }
  return points;
}
