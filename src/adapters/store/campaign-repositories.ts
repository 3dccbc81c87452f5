// Campaigns, charities and the figures the status report is built from.
import { randomUUID } from "node:crypto";
import type { CampaignRepository, CharityRepository } from "../../ports/store.js";
import type { CampaignFigures } from "../../core/status/status-report.js";
import { isPositiveRating } from "../../core/rules/rating.js";
import type { Db } from "./prisma-client.js";
import { toCampaign, toCharity } from "./mappers.js";

const withCharity = { charity: true } as const;
const TOP_TECHNICIANS = 5;

export function campaignRepository(db: Db): CampaignRepository {
  return {
    async findByQuarter(year, quarter) {
      const row = await db.campaign.findUnique({ where: { year_quarter: { year, quarter } }, include: withCharity });
      return row ? toCampaign(row) : null;
    },
    async findById(id) {
      const row = await db.campaign.findUnique({ where: { id }, include: withCharity });
      return row ? toCampaign(row) : null;
    },
    async createIfAbsent({ year, quarter, startsAt, endsAt, charityId, now }) {
      // Upsert on the unique (year, quarter) key: two instances opening the same quarter at once
      // end up with one campaign, and only the one whose id was stored reports `created`.
      const id = randomUUID();
      const row = await db.campaign.upsert({
        where: { year_quarter: { year, quarter } },
        update: {},
        create: { id, year, quarter, startsAt, endsAt, charityId, status: "open", createdAt: now },
        include: withCharity,
      });
      return { campaign: toCampaign(row), created: row.id === id };
    },
    async lock(campaignId) {
      await db.campaign.update({ where: { id: campaignId }, data: { version: { increment: 1 } } });
    },
    async close(campaignId, { at, by, reason }) {
      const { count } = await db.campaign.updateMany({
        where: { id: campaignId, status: "open" },
        data: { status: "closed", closedAt: at, closedBy: by, closedReason: reason },
      });
      return count === 1;
    },
    async setCharity(campaignId, charityId) {
      await db.campaign.update({ where: { id: campaignId }, data: { charityId } });
    },
    async latest() {
      const row = await db.campaign.findFirst({ orderBy: [{ year: "desc" }, { quarter: "desc" }], include: withCharity });
      return row ? toCampaign(row) : null;
    },
    async isPaid(campaignId) {
      return (await db.payout.count({ where: { campaignId } })) > 0;
    },
    async history() {
      const [campaigns, sums, answers] = await Promise.all([
        db.campaign.findMany({ orderBy: [{ year: "desc" }, { quarter: "desc" }], include: { charity: true, payout: true } }),
        db.contribution.groupBy({ by: ["campaignId"], where: { status: "active" }, _sum: { amountCents: true }, _count: true }),
        db.answer.groupBy({ by: ["campaignId"], _count: true }),
      ]);
      const byCampaign = new Map(sums.map((s) => [s.campaignId, s]));
      const answersBy = new Map(answers.map((a) => [a.campaignId, a._count]));
      return campaigns.map((c) => ({
        campaignLabel: `${c.year}-Q${c.quarter}`,
        charityName: c.charity?.name ?? null,
        amountCents: byCampaign.get(c.id)?._sum.amountCents ?? 0,
        countedComments: byCampaign.get(c.id)?._count ?? 0,
        answers: answersBy.get(c.id) ?? 0,
        status: c.status === "open" ? ("open" as const) : ("closed" as const),
        payout: c.payout ? { amountCents: c.payout.amountCents, paidOn: c.payout.paidOn, reference: c.payout.reference, reason: c.payout.reason } : null,
      }));
    },
    figures: (campaignId, caps) => campaignFigures(db, campaignId, caps),
  };
}

/**
 * Every figure comes from an index alone (see prisma/models.prisma): the cost follows the campaign's
 * own answers and contributions at most, never the number of answers ever recorded, and no row is
 * read through surveys and tickets.
 */
async function campaignFigures(db: Db, campaignId: string, caps: { perRequester: number; perClient: number }): Promise<CampaignFigures> {
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { startsAt: true, endsAt: true } });
  const active = { campaignId, status: "active" };
  const counted = { ...active, kind: "counted" };
  const [pot, ratings, surveys, pendingModeration, requestersAtCap, clientsAtCap, praised] = await Promise.all([
    db.contribution.aggregate({ where: active, _sum: { amountCents: true }, _count: true }),
    db.answer.groupBy({ by: ["rating", "ratingScale"], where: { campaignId }, _count: true }),
    db.survey.count({ where: { createdAt: { gte: campaign.startsAt, lt: campaign.endsAt } } }),
    db.moderationItem.count({ where: { status: "pending", answer: { campaignId } } }),
    db.contribution.groupBy({ by: ["requesterId"], where: counted, having: { requesterId: { _count: { gte: caps.perRequester } } } }),
    db.contribution.groupBy({ by: ["clientId"], where: counted, having: { clientId: { _count: { gte: caps.perClient } } } }),
    db.answer.groupBy({ by: ["technicianId", "rating", "ratingScale"], where: { campaignId, moderation: "clean", technicianId: { not: null } }, _count: true }),
  ]);
  const answers = ratings.reduce((n, r) => n + r._count, 0);
  const positiveAnswers = ratings.filter((r) => isPositiveRating(r.rating, r.ratingScale)).reduce((n, r) => n + r._count, 0);
  const praiseCount = new Map<string, number>();
  for (const g of praised) {
    if (g.technicianId === null || !isPositiveRating(g.rating, g.ratingScale)) continue;
    praiseCount.set(g.technicianId, (praiseCount.get(g.technicianId) ?? 0) + g._count);
  }
  const technicians = await db.person.findMany({ where: { id: { in: [...praiseCount.keys()] } }, select: { id: true, name: true, email: true } });
  return {
    amountCents: pot._sum.amountCents ?? 0,
    countedComments: pot._count,
    answers,
    positiveAnswers,
    surveys,
    pendingModeration,
    requestersAtCap: requestersAtCap.length,
    clientsAtCap: clientsAtCap.length,
    topTechnicians: technicians
      .map((t) => ({ name: t.name ?? t.email, praiseCount: praiseCount.get(t.id) ?? 0 }))
      .sort((a, b) => b.praiseCount - a.praiseCount || a.name.localeCompare(b.name))
      .slice(0, TOP_TECHNICIANS),
  };
}

export function charityRepository(db: Db): CharityRepository {
  return {
    async queue() {
      const rows = await db.charity.findMany({ where: { queuePosition: { not: null } }, orderBy: { queuePosition: "asc" } });
      return rows.map(toCharity);
    },
    async findById(id) {
      const row = await db.charity.findUnique({ where: { id } });
      return row ? toCharity(row) : null;
    },
    async dequeue(id) {
      await db.charity.update({ where: { id }, data: { queuePosition: null } });
    },
    async add({ name, description, url, vetting, now }) {
      const last = await db.charity.aggregate({ _max: { queuePosition: true } });
      const row = await db.charity.create({
        data: {
          id: randomUUID(),
          name,
          description: description ?? null,
          url: url ?? null,
          queuePosition: (last._max.queuePosition ?? 0) + 1,
          createdAt: now,
          vettedOn: vetting?.on ?? null,
          vettedBy: vetting?.by ?? null,
        },
      });
      return toCharity(row);
    },
    async reorder(orderedIds) {
      // Positions are renumbered 1..n; other charities keep theirs only if not queued.
      for (const [index, id] of orderedIds.entries()) {
        await db.charity.update({ where: { id }, data: { queuePosition: index + 1 } });
      }
    },
  };
}
