// Row counts of every table a webhook could write to: "nothing written" is checked before/after.
import type { Db } from "../../../src/adapters/store/prisma-client.js";
import type { Store } from "../../../src/ports/store.js";

export async function rowCounts(store: Store): Promise<Record<string, number>> {
  const db = (store as Store & { db: Db }).db;
  return {
    tickets: await db.ticket.count(),
    surveys: await db.survey.count(),
    people: await db.person.count(),
    clients: await db.client.count(),
    outbox: await db.outboxMessage.count(),
    webhookDeliveries: await db.webhookDelivery.count(),
    answers: await db.answer.count(),
  };
}

export const dbOf = (store: Store) => (store as Store & { db: Db }).db;
