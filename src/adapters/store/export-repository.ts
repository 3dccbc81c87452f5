// Management's CSV exports and one person's stored data (right of access).
import type { ExportRepository } from "../../ports/store.js";
import type { Db } from "./prisma-client.js";
import { toAnswer } from "./mappers.js";

const label = (c: { year: number; quarter: number }) => `${c.year}-Q${c.quarter}`;
const ticketRef = (t: { source: string; externalId: string }) => (t.source === "generic" ? t.externalId : `${t.source}:${t.externalId}`);

export function exportRepository(db: Db): ExportRepository {
  return {
    async answerRows(campaignId) {
      const rows = await db.answer.findMany({
        where: campaignId ? { campaignId } : {},
        orderBy: { answeredAt: "asc" },
        include: {
          campaign: true,
          person: true,
          contribution: true,
          survey: { include: { ticket: { include: { technician: true, client: true } } } },
        },
      });
      return rows.map((a) => ({
        campaign: label(a.campaign),
        answerId: a.id,
        answeredAt: a.answeredAt,
        ticket: ticketRef(a.survey.ticket),
        client: a.survey.ticket.client.name ?? a.survey.ticket.client.externalId,
        requesterEmail: a.person.email,
        technicianEmail: a.survey.ticket.technician.email,
        technicianName: a.survey.ticket.technician.name,
        rating: a.rating,
        ratingScale: a.ratingScale,
        comment: a.comment,
        shareConsent: a.shareConsent,
        moderation: a.moderation,
        outcome: a.outcome,
        withdrawn: a.withdrawnAt !== null,
        erased: a.erasedAt !== null,
        countedCents: a.contribution?.status === "active" ? a.contribution.amountCents : 0,
      }));
    },
    async contributionRows(campaignId) {
      const rows = await db.contribution.findMany({
        where: campaignId ? { campaignId } : {},
        orderBy: { createdAt: "asc" },
        include: { campaign: true, requester: true, client: true },
      });
      return rows.map((c) => ({
        campaign: label(c.campaign),
        answerId: c.answerId,
        createdAt: c.createdAt,
        kind: c.kind,
        amountCents: c.amountCents,
        status: c.status,
        reversedReason: c.reversedReason,
        requesterEmail: c.requester.email,
        client: c.client.name ?? c.client.externalId,
      }));
    },
    async answersOf(personId) {
      return (await db.answer.findMany({ where: { personId }, orderBy: { answeredAt: "asc" } })).map(toAnswer);
    },
    async personRecord(personId) {
      const person = await db.person.findUnique({
        where: { id: personId },
        include: {
          client: true,
          requested: { include: { survey: { include: { answer: true } } } },
          handled: { select: { source: true, externalId: true, title: true, closedAt: true } },
          contributions: { include: { campaign: true } },
        },
      });
      if (!person) return null;
      return {
        person: { email: person.email, name: person.name, locale: person.locale, client: person.client?.name ?? null, slackUserId: person.slackUserId, teamsUserId: person.teamsUserId, createdAt: person.createdAt },
        ticketsRequested: person.requested.map((t) => ({
          ticket: ticketRef(t),
          title: t.title,
          closedAt: t.closedAt,
          survey: t.survey && { status: t.survey.status, createdAt: t.survey.createdAt, remindedAt: t.survey.remindedAt },
          answer: t.survey?.answer && {
            answeredAt: t.survey.answer.answeredAt,
            rating: t.survey.answer.rating,
            ratingScale: t.survey.answer.ratingScale,
            comment: t.survey.answer.comment,
            shareConsent: t.survey.answer.shareConsent,
            withdrawnAt: t.survey.answer.withdrawnAt,
            erasedAt: t.survey.answer.erasedAt,
          },
        })),
        ticketsHandled: person.handled.map((t) => ({ ticket: ticketRef(t), title: t.title, closedAt: t.closedAt })),
        contributions: person.contributions.map((c) => ({ campaign: label(c.campaign), amountCents: c.amountCents, kind: c.kind, status: c.status })),
      };
    },
  };
}
