// Domain records as the core sees them. Adapters map their storage rows to these shapes;
// nothing here knows where they are stored.

export type Cents = number;

export type CampaignStatus = "open" | "closed";
export type SurveyStatus = "pending" | "delivered" | "answered" | "expired" | "undeliverable";
export type ContributionKind = "counted" | "override";
export type ContributionStatus = "active" | "reversed";
export type Platform = "slack" | "teams";
export type Locale = "fr" | "en";

export interface Charity {
  id: string;
  name: string;
  description: string | null;
  url: string | null;
  queuePosition: number | null;
  /** When management checked the règlement's criteria (not religious, political or union-affiliated; probity). */
  vetting: { on: Date; by: string } | null;
}

export interface Campaign {
  id: string;
  year: number;
  quarter: number;
  startsAt: Date;
  endsAt: Date;
  charity: Charity | null;
  status: CampaignStatus;
  closedAt: Date | null;
}

export interface Client {
  id: string;
  externalId: string;
  name: string | null;
}

export interface Person {
  id: string;
  email: string;
  name: string | null;
  locale: Locale | null;
  clientId: string | null;
  slackUserId: string | null;
  teamsUserId: string | null;
}

export interface Ticket {
  id: string;
  source: string;
  externalId: string;
  title: string | null;
  kind: string;
  closedAt: Date;
}

export interface Survey {
  id: string;
  token: string;
  status: SurveyStatus;
  platform: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** A survey with everything needed to answer it or to show it. */
export interface SurveyContext {
  survey: Survey;
  ticket: Ticket;
  requester: Person;
  technician: Person;
  client: Client;
}

export interface Answer {
  id: string;
  surveyId: string;
  personId: string;
  campaignId: string;
  rating: number;
  ratingScale: number;
  comment: string | null;
  normalizedComment: string | null;
  shareConsent: boolean;
  moderation: string;
  outcome: string;
  answeredAt: Date;
  withdrawnAt: Date | null;
}

export interface Contribution {
  id: string;
  answerId: string;
  campaignId: string;
  requesterId: string;
  clientId: string;
  kind: ContributionKind;
  amountCents: Cents;
  status: ContributionStatus;
}
