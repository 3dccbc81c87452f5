// The figures `/cagnotte status` shows, computed from raw counts so every entry point (Slack,
// Teams, HTTP, cron digests) says the same thing.
import type { Campaign } from "../model.js";
import type { StatusReport, TechnicianPraise } from "../views.js";
import { daysLeft, quarterLabel } from "../campaign/quarter.js";

export interface CampaignFigures {
  amountCents: number;
  countedComments: number;
  answers: number;
  positiveAnswers: number;
  surveys: number;
  pendingModeration: number;
  requestersAtCap: number;
  clientsAtCap: number;
  topTechnicians: TechnicianPraise[];
}

export const EMPTY_FIGURES: CampaignFigures = Object.freeze({
  amountCents: 0,
  countedComments: 0,
  answers: 0,
  positiveAnswers: 0,
  surveys: 0,
  pendingModeration: 0,
  requestersAtCap: 0,
  clientsAtCap: 0,
  topTechnicians: [],
});

export function buildStatusReport(input: {
  campaign: Campaign;
  figures: CampaignFigures;
  now: Date;
  zone: string;
  forManagement: boolean;
}): StatusReport {
  const { campaign, figures } = input;
  return {
    campaignId: campaign.id,
    campaignLabel: quarterLabel(campaign),
    charityName: campaign.charity?.name ?? null,
    needsCharity: campaign.charity === null,
    open: campaign.status === "open" && input.now < campaign.endsAt,
    amountCents: figures.amountCents,
    countedComments: figures.countedComments,
    answers: figures.answers,
    surveys: figures.surveys,
    responseRate: figures.surveys === 0 ? null : figures.answers / figures.surveys,
    positiveShare: figures.answers === 0 ? null : figures.positiveAnswers / figures.answers,
    daysLeft: campaign.status === "open" ? daysLeft(campaign, input.now, input.zone) : 0,
    management: input.forManagement
      ? {
          topTechnicians: figures.topTechnicians,
          pendingModeration: figures.pendingModeration,
          requestersAtCap: figures.requestersAtCap,
          clientsAtCap: figures.clientsAtCap,
        }
      : null,
  };
}

/** The milestone crossed when the pot went from `before` to `after`, if any (every `step`). */
export function milestoneCrossed(before: number, after: number, step: number): number | null {
  if (step <= 0 || after <= before) return null;
  const reached = Math.floor(after / step) * step;
  return reached > before && reached > 0 ? reached : null;
}
