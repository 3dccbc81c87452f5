// What the management dashboard shows, as plain figures (src/app/dashboard/figures.ts reads them,
// src/presenter/dashboard words and charts them), and the pure rules that group raw counts: the
// same definitions as the status report (positive rating, praise, caps), so both always agree.
import { isPoorRating, isPositiveRating } from "../rules/rating.js";
import type { StatusReport } from "../views.js";

type Cents = number;

/** One campaign in the trend (oldest first): the status report's own figures for that quarter. */
export type TrendPoint = Pick<StatusReport, "campaignLabel" | "amountCents" | "countedComments" | "answers" | "surveys" | "responseRate" | "positiveShare"> & {
  status: "open" | "closed";
};

export interface RatingBuckets {
  positive: number;
  neutral: number;
  poor: number;
}

export interface TechnicianFigures {
  /** Null for answers whose ticket named no technician we know. */
  name: string | null;
  answers: number;
  ratings: RatingBuckets;
  /** Clean and positive answers: what the status report ranks as praise. */
  praise: number;
}

export interface ClientFigures {
  name: string;
  answers: number;
  countedComments: number;
  /** The per-client cap of counted comments is reached (the status report's "clients at cap"). */
  capReached: boolean;
}

export interface PayoutLine {
  campaignLabel: string;
  potCents: Cents;
  /** Null while unpaid. */
  paidCents: Cents | null;
  paidOn: Date | null;
  reason: string | null;
}

export interface DashboardFigures {
  /** The status report of the current quarter, as management sees it. */
  current: StatusReport;
  /** The campaign the technician and client breakdowns are about (the current one unless chosen). */
  selected: string;
  /** Every campaign's label, newest first (the breakdowns' chooser). */
  campaignLabels: string[];
  trend: TrendPoint[];
  technicians: TechnicianFigures[];
  clients: ClientFigures[];
  /** Closed campaigns, oldest first: the pot against what was paid. */
  payouts: PayoutLine[];
  totalGivenCents: Cents;
  /** When these figures were read (they may be kept a few seconds). */
  readAt: Date;
}

export function ratingBucket(rating: number, scale: number): keyof RatingBuckets {
  return isPositiveRating(rating, scale) ? "positive" : isPoorRating(rating, scale) ? "poor" : "neutral";
}

/** Groups (technician, moderation, rating) counts into one line per technician, most answers first. */
export function technicianFigures(
  groups: readonly { technicianId: string | null; technicianName: string | null; moderation: string; rating: number; ratingScale: number; answers: number }[],
): TechnicianFigures[] {
  const byId = new Map<string, TechnicianFigures>();
  for (const g of groups) {
    const key = g.technicianId ?? "";
    let t = byId.get(key);
    if (!t) byId.set(key, (t = { name: g.technicianId ? (g.technicianName ?? g.technicianId) : null, answers: 0, ratings: { positive: 0, neutral: 0, poor: 0 }, praise: 0 }));
    t.answers += g.answers;
    t.ratings[ratingBucket(g.rating, g.ratingScale)] += g.answers;
    if (g.technicianId !== null && g.moderation === "clean" && isPositiveRating(g.rating, g.ratingScale)) t.praise += g.answers;
  }
  return [...byId.values()].sort((a, b) => b.answers - a.answers || (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff"));
}

/** One line per client, most answers first; the cap as the status report counts it. */
export function clientFigures(
  groups: readonly { clientId: string; clientName: string | null; answers: number; countedComments: number; countedByRules: number }[],
  capPerClient: number,
): ClientFigures[] {
  return groups
    .map((g) => ({ name: g.clientName ?? g.clientId, answers: g.answers, countedComments: g.countedComments, capReached: g.countedByRules >= capPerClient }))
    .sort((a, b) => b.answers - a.answers || b.countedComments - a.countedComments || a.name.localeCompare(b.name));
}
