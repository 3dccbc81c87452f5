// Which campaign a moment belongs to, and whether it still accepts money.
import type { Campaign, Charity } from "../model.js";
import type { QuarterRef } from "./quarter.js";

/** A campaign takes contributions while it is open and the instant falls inside its quarter. */
export function acceptsContributionsAt(campaign: Pick<Campaign, "status" | "startsAt" | "endsAt">, at: Date): boolean {
  return campaign.status === "open" && campaign.startsAt <= at && at < campaign.endsAt;
}

export interface CampaignOpening {
  year: number;
  quarter: number;
  startsAt: Date;
  endsAt: Date;
  charityId: string | null;
  /** True when the queue was empty: management must be asked to choose a charity. */
  needsCharity: boolean;
}

/**
 * Rule 1: a campaign opens for each quarter with the next charity in management's queue; with an
 * empty queue it opens anyway and management is told to choose.
 */
export function planCampaignOpening(quarter: QuarterRef, queue: readonly Charity[]): CampaignOpening {
  const next = [...queue]
    .filter((c) => c.queuePosition !== null)
    .sort((a, b) => (a.queuePosition ?? 0) - (b.queuePosition ?? 0))[0];
  return {
    year: quarter.year,
    quarter: quarter.quarter,
    startsAt: quarter.startsAt,
    endsAt: quarter.endsAt,
    charityId: next?.id ?? null,
    needsCharity: next === undefined,
  };
}
