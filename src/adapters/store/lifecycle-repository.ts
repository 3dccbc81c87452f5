// What the scheduled jobs read and change: reminders, expiry, campaign ends, payouts, retention.
import { randomUUID } from "node:crypto";
import type { SurveyStatus } from "../../core/model.js";
import type { LifecycleRepository, PayoutRepository } from "../../ports/store.js";
import type { Db } from "./prisma-client.js";
import { toCampaign } from "./mappers.js";

export function lifecycleRepository(db: Db): LifecycleRepository {
  return {
    async reminderCandidates(deliveredBefore, limit) {
      const rows = await db.survey.findMany({
        where: { status: "delivered", remindedAt: null, deliveredAt: { lte: deliveredBefore } },
        orderBy: { deliveredAt: "asc" },
        take: limit,
        select: { id: true, status: true, deliveredAt: true, remindedAt: true, expiresAt: true },
      });
      return rows.map((r) => ({ surveyId: r.id, status: r.status as SurveyStatus, deliveredAt: r.deliveredAt, remindedAt: r.remindedAt, expiresAt: r.expiresAt }));
    },
    async markReminded(surveyId, at) {
      const { count } = await db.survey.updateMany({ where: { id: surveyId, remindedAt: null, status: "delivered" }, data: { remindedAt: at } });
      return count === 1;
    },
    async expireSurveys(now) {
      const { count } = await db.survey.updateMany({ where: { status: { in: ["pending", "delivered"] }, expiresAt: { lte: now } }, data: { status: "expired" } });
      return count;
    },
    async endedOpenCampaigns(now) {
      const rows = await db.campaign.findMany({ where: { status: "open", endsAt: { lte: now } }, orderBy: { startsAt: "asc" }, include: { charity: true } });
      return rows.map(toCampaign);
    },
    async unpaidEndedCampaigns(now) {
      const rows = await db.campaign.findMany({
        where: { payout: null, OR: [{ endsAt: { lte: now } }, { status: "closed" }] },
        orderBy: { startsAt: "asc" },
        include: { charity: true },
      });
      return rows.map(toCampaign);
    },
    async ratingsBetween(from, to) {
      return db.answer.findMany({ where: { answeredAt: { gte: from, lt: to } }, select: { rating: true, ratingScale: true, moderation: true } });
    },
    async eraseCommentsBefore(cutoff, at) {
      const { count } = await db.answer.updateMany({
        where: { answeredAt: { lt: cutoff }, comment: { not: null } },
        data: { comment: null, normalizedComment: null, erasedAt: at },
      });
      return count;
    },
  };
}

export function payoutRepository(db: Db): PayoutRepository {
  return {
    async create({ campaignId, amountCents, potCents, reason, paidOn, reference, recordedBy, now }) {
      await db.payout.create({ data: { id: randomUUID(), campaignId, amountCents, potCents, reason, paidOn, reference, recordedBy, createdAt: now } });
    },
  };
}
