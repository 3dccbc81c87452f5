// Storage rows → domain records. Prisma types stop here; the core never sees them.
import type * as Row from "../../generated/sqlite/client.js";
import type {
  Answer,
  Campaign,
  CampaignStatus,
  Charity,
  Client,
  Contribution,
  ContributionKind,
  ContributionStatus,
  Locale,
  Person,
  SurveyContext,
  SurveyStatus,
} from "../../core/model.js";

export function toCharity(row: Row.Charity): Charity {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    url: row.url,
    queuePosition: row.queuePosition,
    vetting: row.vettedOn && row.vettedBy ? { on: row.vettedOn, by: row.vettedBy } : null,
  };
}

export function toCampaign(row: Row.Campaign & { charity: Row.Charity | null }): Campaign {
  return {
    id: row.id,
    year: row.year,
    quarter: row.quarter,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    charity: row.charity ? toCharity(row.charity) : null,
    status: row.status as CampaignStatus,
    closedAt: row.closedAt,
  };
}

export function toClient(row: Row.Client): Client {
  return { id: row.id, externalId: row.externalId, name: row.name };
}

export function toPerson(row: Row.Person): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale === "fr" || row.locale === "en" ? (row.locale as Locale) : null,
    clientId: row.clientId,
    slackUserId: row.slackUserId,
    teamsUserId: row.teamsUserId,
  };
}

export function toAnswer(row: Row.Answer): Answer {
  return {
    id: row.id,
    surveyId: row.surveyId,
    personId: row.personId,
    campaignId: row.campaignId,
    rating: row.rating,
    ratingScale: row.ratingScale,
    comment: row.comment,
    normalizedComment: row.normalizedComment,
    shareConsent: row.shareConsent,
    moderation: row.moderation,
    outcome: row.outcome,
    answeredAt: row.answeredAt,
    withdrawnAt: row.withdrawnAt,
  };
}

export function toContribution(row: Row.Contribution): Contribution {
  return {
    id: row.id,
    answerId: row.answerId,
    campaignId: row.campaignId,
    requesterId: row.requesterId,
    clientId: row.clientId,
    kind: row.kind as ContributionKind,
    amountCents: row.amountCents,
    status: row.status as ContributionStatus,
  };
}

export const surveyContextInclude = {
  ticket: { include: { requester: true, technician: true, client: true } },
} as const;

export function toSurveyContext(
  row: Row.Survey & { ticket: Row.Ticket & { requester: Row.Person; technician: Row.Person; client: Row.Client } },
): SurveyContext {
  return {
    survey: {
      id: row.id,
      token: row.token,
      status: row.status as SurveyStatus,
      platform: row.platform,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    },
    ticket: {
      id: row.ticket.id,
      source: row.ticket.source,
      externalId: row.ticket.externalId,
      title: row.ticket.title,
      kind: row.ticket.kind,
      closedAt: row.ticket.closedAt,
    },
    requester: toPerson(row.ticket.requester),
    technician: toPerson(row.ticket.technician),
    client: toClient(row.ticket.client),
  };
}
