// Contributions (the money), moderation items and the audit log.
import { randomUUID } from "node:crypto";
import type { AuditRepository, ContributionRepository, ModerationItemRecord, ModerationRepository } from "../../ports/store.js";
import type { Db } from "./prisma-client.js";
import { toContribution } from "./mappers.js";

export function contributionRepository(db: Db): ContributionRepository {
  return {
    async create({ answerId, campaignId, requesterId, clientId, kind, amountCents, at }) {
      const row = await db.contribution.create({
        data: { id: randomUUID(), answerId, campaignId, requesterId, clientId, kind, amountCents, status: "active", createdAt: at },
      });
      return toContribution(row);
    },
    async findByAnswer(answerId) {
      const row = await db.contribution.findUnique({ where: { answerId } });
      return row ? toContribution(row) : null;
    },
    async countCounted(campaignId, by) {
      return db.contribution.count({ where: { campaignId, status: "active", kind: "counted", ...by } });
    },
    async countedNormalizedComments(campaignId, requesterId) {
      const rows = await db.contribution.findMany({
        where: { campaignId, requesterId, status: "active" },
        select: { answer: { select: { normalizedComment: true } } },
      });
      return rows.map((r) => r.answer.normalizedComment).filter((c): c is string => c !== null);
    },
    async reverse(contributionId, { at, reason }) {
      await db.contribution.update({ where: { id: contributionId }, data: { status: "reversed", reversedAt: at, reversedReason: reason } });
    },
    async reactivate(contributionId, { kind, amountCents, at }) {
      await db.contribution.update({
        where: { id: contributionId },
        data: { status: "active", kind, amountCents, createdAt: at, reversedAt: null, reversedReason: null },
      });
    },
    async pot(campaignId) {
      const sum = await db.contribution.aggregate({ where: { campaignId, status: "active" }, _sum: { amountCents: true }, _count: true });
      return { amountCents: sum._sum.amountCents ?? 0, count: sum._count };
    },
    async potCents(campaignId) {
      const sum = await db.contribution.aggregate({ where: { campaignId, status: "active" }, _sum: { amountCents: true } });
      return sum._sum.amountCents ?? 0;
    },
    async timeline(campaignId) {
      // One campaign's contributions (at most the client cap times the clients), by the campaignId index.
      const rows = await db.contribution.findMany({ where: { campaignId }, select: { createdAt: true, amountCents: true, reversedAt: true }, orderBy: { createdAt: "asc" } });
      return rows.map((r) => ({ at: r.createdAt, amountCents: r.amountCents, reversedAt: r.reversedAt }));
    },
  };
}

export function moderationRepository(db: Db): ModerationRepository {
  return {
    async create({ answerId, verdict, terms, status, at }) {
      await db.moderationItem.create({ data: { id: randomUUID(), answerId, verdict, terms: terms.join(","), status, createdAt: at } });
    },
    async countPending() {
      return db.moderationItem.count({ where: { status: "pending" } });
    },
    async pending(limit) {
      const rows = await db.moderationItem.findMany({ where: { status: "pending" }, orderBy: { createdAt: "asc" }, take: limit });
      return rows.map(toModerationItem);
    },
    async findById(id) {
      const row = await db.moderationItem.findUnique({ where: { id } });
      return row ? toModerationItem(row) : null;
    },
    async pendingFor(answerId) {
      const row = await db.moderationItem.findFirst({ where: { answerId, status: "pending" }, orderBy: { createdAt: "asc" } });
      return row ? toModerationItem(row) : null;
    },
    async resolve(id, { status, by, at }) {
      const { count } = await db.moderationItem.updateMany({ where: { id, status: "pending" }, data: { status, resolvedBy: by, resolvedAt: at } });
      return count === 1;
    },
  };
}

export function auditRepository(db: Db): AuditRepository {
  return {
    async append({ at, actor, action, subject, reason, details }) {
      await db.auditEntry.create({
        data: { id: randomUUID(), at, actor, action, subject, reason: reason ?? null, details: JSON.stringify(details ?? {}) },
      });
    },
    async latest(limit) {
      const rows = await db.auditEntry.findMany({ orderBy: [{ at: "desc" }, { id: "asc" }], take: limit });
      return rows.map((r) => ({ at: r.at, actor: r.actor, action: r.action, subject: r.subject, reason: r.reason, details: JSON.parse(r.details) as Record<string, unknown> }));
    },
  };
}

function toModerationItem(row: { id: string; answerId: string; verdict: string; terms: string; status: string; createdAt: Date }): ModerationItemRecord {
  return {
    id: row.id,
    answerId: row.answerId,
    verdict: row.verdict,
    terms: row.terms.split(",").filter(Boolean),
    status: row.status as ModerationItemRecord["status"],
    createdAt: row.createdAt,
  };
}
