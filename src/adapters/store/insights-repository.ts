// The dashboard's breakdowns of one campaign (ports/store/dashboard.ts). Like the status figures,
// each read comes from an index led by campaignId, so its cost follows that campaign's answers and
// never the number ever recorded, and no row is read through surveys and tickets.
import type { ClientGroup, InsightsRepository } from "../../ports/store/dashboard.js";
import type { Db } from "./prisma-client.js";

export function insightsRepository(db: Db): InsightsRepository {
  return {
    async technicianRatings(campaignId) {
      // Read from the index (campaignId, moderation, technicianId, rating, ratingScale) alone.
      const groups = await db.answer.groupBy({ by: ["technicianId", "moderation", "rating", "ratingScale"], where: { campaignId }, _count: true });
      const ids = [...new Set(groups.map((g) => g.technicianId).filter((id): id is string => id !== null))];
      const people = await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
      const names = new Map(people.map((p) => [p.id, p.name ?? p.email]));
      return groups.map((g) => ({
        technicianId: g.technicianId,
        technicianName: g.technicianId ? (names.get(g.technicianId) ?? null) : null,
        moderation: g.moderation,
        rating: g.rating,
        ratingScale: g.ratingScale,
        answers: g._count,
      }));
    },
    async clients(campaignId) {
      // Both read from an index alone: Answer (campaignId, clientId), the ticket's client copied
      // when the answer is recorded, and Contribution (campaignId, status, kind, clientId).
      const answered = await db.answer.groupBy({ by: ["clientId"], where: { campaignId }, _count: true });
      const contributed = await db.contribution.groupBy({ by: ["clientId", "kind"], where: { campaignId, status: "active" }, _count: true });
      const byClient = new Map<string, Omit<ClientGroup, "clientName">>();
      const entry = (clientId: string) => {
        let e = byClient.get(clientId);
        if (!e) byClient.set(clientId, (e = { clientId, answers: 0, countedComments: 0, countedByRules: 0 }));
        return e;
      };
      for (const row of answered) if (row.clientId !== null) entry(row.clientId).answers += row._count;
      for (const g of contributed) {
        const e = entry(g.clientId);
        e.countedComments += g._count;
        if (g.kind === "counted") e.countedByRules += g._count;
      }
      const clients = await db.client.findMany({ where: { id: { in: [...byClient.keys()] } }, select: { id: true, name: true, externalId: true } });
      const names = new Map(clients.map((c) => [c.id, c.name ?? c.externalId]));
      return [...byClient.values()].map((e) => ({ ...e, clientName: names.get(e.clientId) ?? null }));
    },
  };
}
