// Row counts of every table a webhook could write, to prove a refused delivery wrote nothing.
import type { Db } from "../../../src/adapters/store/prisma-client.js";
import type { Store } from "../../../src/ports/store.js";

export const dbOf = (store: Store) => (store as unknown as { db: Db }).db;

export async function rowCounts(store: Store): Promise<Record<string, number>> {
  const db = dbOf(store);
  return {
    tickets: await db.ticket.count(),
    surveys: await db.survey.count(),
    people: await db.person.count(),
    clients: await db.client.count(),
    outbox: await db.outboxMessage.count(),
    webhookDeliveries: await db.webhookDelivery.count(),
    answers: await db.answer.count(),
    campaigns: await db.campaign.count(),
  };
}

export async function ticketRow(store: Store, source: string, externalId: string) {
  return dbOf(store).ticket.findUnique({ where: { source_externalId: { source, externalId } }, include: { requester: true, technician: true, client: true, survey: true } });
}
