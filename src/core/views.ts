// Neutral view models: what the core has to say, for each adapter to render (Block Kit, Adaptive
// Card, log line, web page). No platform vocabulary here.
import type { Cents, Locale } from "./model.js";

export interface Recipient {
  /** null for management addresses that never answered a survey. */
  personId: string | null;
  email: string;
  name: string | null;
  locale: Locale | null;
  slackUserId: string | null;
  teamsUserId: string | null;
}

export interface SurveyPrompt {
  surveyId: string;
  surveyUrl: string;
  locale: Locale;
  ticketRef: string;
  ticketTitle: string | null;
  technicianName: string;
  clientName: string | null;
  ratingScale: 3 | 5;
  /** What one counted comment adds to the pot (said in the "optional, no reward" line). */
  amountCents: Cents;
  expiresAt: Date;
  reminder: boolean;
}

export interface ThankYouNote {
  answerId: string;
  locale: Locale;
  rating: number;
  ratingScale: number;
  /** Only a clean, not withdrawn comment; null otherwise (rule 5). */
  comment: string | null;
  requesterName: string | null;
  clientName: string | null;
  ticketRef: string;
  ticketTitle: string | null;
  addedCents: Cents;
  potCents: Cents;
}

/** A poor rating: sent to management to follow up, never to the technician as praise. */
export interface FollowUpNote extends Omit<ThankYouNote, "addedCents" | "potCents"> {
  technicianName: string;
}

export interface PotProgress {
  campaignId: string;
  campaignLabel: string;
  charityName: string | null;
  amountCents: Cents;
  countedComments: number;
  daysLeft: number;
  /** Set when this update crossed a milestone (e.g. every 10 €): a new post, not just an update. */
  milestoneCents: Cents | null;
  /** A comment quoted only because its requester ticked "may be shared" (rule 8). */
  sharedComment: string | null;
}

export interface TechnicianPraise {
  name: string;
  praiseCount: number;
}

export interface StatusReport {
  campaignId: string | null;
  campaignLabel: string;
  charityName: string | null;
  needsCharity: boolean;
  open: boolean;
  amountCents: Cents;
  countedComments: number;
  answers: number;
  surveys: number;
  /** 0..1, null when no survey was sent. */
  responseRate: number | null;
  /** 0..1, null when no answer yet. */
  positiveShare: number | null;
  daysLeft: number;
  /** Management view only. */
  management: {
    topTechnicians: TechnicianPraise[];
    pendingModeration: number;
    requestersAtCap: number;
    clientsAtCap: number;
  } | null;
}

export interface CampaignHistoryLine {
  campaignLabel: string;
  charityName: string | null;
  amountCents: Cents;
  countedComments: number;
  status: "open" | "closed";
  payout: { amountCents: Cents; paidOn: Date; reference: string } | null;
}

export interface CampaignHistory {
  campaigns: CampaignHistoryLine[];
  totalGivenCents: Cents;
}
