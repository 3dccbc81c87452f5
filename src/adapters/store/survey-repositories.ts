// Tickets, surveys and answers.
import { randomUUID } from "node:crypto";
import type { AnswerRepository, SurveyRepository, TicketRepository } from "../../ports/store.js";
import type { Db } from "./prisma-client.js";
import { surveyContextInclude, toAnswer, toSurveyContext } from "./mappers.js";

export function ticketRepository(db: Db): TicketRepository {
  return {
    async exists(source, externalId) {
      return (await db.ticket.count({ where: { source, externalId } })) > 0;
    },
    async create(input) {
      return db.ticket.create({ data: { id: randomUUID(), ...input }, select: { id: true } });
    },
    async known(keys) {
      const bySource = new Map<string, string[]>();
      for (const k of keys) bySource.set(k.source, [...(bySource.get(k.source) ?? []), k.externalId]);
      const found = await Promise.all(
        [...bySource].map(([source, ids]) => db.ticket.findMany({ where: { source, externalId: { in: ids } }, select: { source: true, externalId: true } })),
      );
      return found.flat();
    },
    async recordClosures(rows) {
      if (rows.length === 0) return;
      await db.ticket.createMany({ data: rows.map((r) => r.ticket) });
      await db.survey.createMany({ data: rows.map((r) => ({ ...r.survey, ticketId: r.ticket.id, status: "pending" })) });
      await db.outboxMessage.createMany({
        data: rows.flatMap((r) => r.outbox).map((d) => ({ id: d.id, kind: d.kind, payload: JSON.stringify(d.payload), dedupeKey: d.dedupeKey, status: "pending", availableAt: d.availableAt, createdAt: d.createdAt })),
      });
    },
  };
}

export function surveyRepository(db: Db): SurveyRepository {
  return {
    async create({ ticketId, token, createdAt, expiresAt }) {
      return db.survey.create({
        data: { id: randomUUID(), ticketId, token, status: "pending", createdAt, expiresAt },
        select: { id: true, token: true },
      });
    },
    async findContext(surveyId) {
      const row = await db.survey.findUnique({ where: { id: surveyId }, include: surveyContextInclude });
      return row ? toSurveyContext(row) : null;
    },
    async findContextByToken(token) {
      const row = await db.survey.findUnique({ where: { token }, include: surveyContextInclude });
      return row ? toSurveyContext(row) : null;
    },
    async transition(surveyId, from, to, patch = {}) {
      const at = patch.at ?? new Date();
      const { count } = await db.survey.updateMany({
        where: { id: surveyId, status: { in: [...from] } },
        data: {
          status: to,
          ...(patch.platform !== undefined ? { platform: patch.platform } : {}),
          ...(patch.messageRef !== undefined ? { messageRef: patch.messageRef } : {}),
          ...(patch.undeliverableReason !== undefined ? { undeliverableReason: patch.undeliverableReason } : {}),
          ...(to === "delivered" ? { deliveredAt: at } : {}),
        },
      });
      return count === 1;
    },
    async messageRef(surveyId) {
      return db.survey.findUnique({ where: { id: surveyId }, select: { platform: true, messageRef: true } });
    },
  };
}

export function answerRepository(db: Db): AnswerRepository {
  return {
    async create(input) {
      // The ticket's technician and client ride on the answer: the status ranks technicians, and the
      // dashboard counts answers per client, from an index.
      const survey = await db.survey.findUnique({ where: { id: input.surveyId }, select: { ticket: { select: { technicianId: true, clientId: true } } } });
      return toAnswer(await db.answer.create({ data: { id: randomUUID(), ...input, technicianId: survey?.ticket.technicianId ?? null, clientId: survey?.ticket.clientId ?? null } }));
    },
    async findById(id) {
      const row = await db.answer.findUnique({ where: { id } });
      return row ? toAnswer(row) : null;
    },
    async findBySurvey(surveyId) {
      const row = await db.answer.findUnique({ where: { surveyId } });
      return row ? toAnswer(row) : null;
    },
    async withdraw(answerId, at) {
      await db.answer.update({
        where: { id: answerId },
        data: { comment: null, normalizedComment: null, shareConsent: false, withdrawnAt: at, erasedAt: at },
      });
    },
    async setOutcome(answerId, outcome) {
      await db.answer.update({ where: { id: answerId }, data: { outcome } });
    },
    async setModeration(answerId, moderation) {
      await db.answer.update({ where: { id: answerId }, data: { moderation } });
    },
    async latestWithCommentBy(personId) {
      const row = await db.answer.findFirst({
        where: { personId, withdrawnAt: null, comment: { not: null } },
        orderBy: { answeredAt: "desc" },
      });
      return row ? toAnswer(row) : null;
    },
  };
}
