// Many closed tickets at once, each with its pending survey and its survey.deliver message, written
// in one transaction as ticketClosed would leave them (src/app/ticket-closed.ts), for tests that
// measure delivery rather than intake: 1,000 closures through the webhook take half a minute on a
// busy 2-core machine, inserted in bulk well under a second.
import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../../src/adapters/store/prisma-client.js";

export interface SeededRequester {
  email: string;
  name: string;
  clientExternalId: string;
}

export async function seedClosedTickets(db: Db, requesters: readonly SeededRequester[], now = new Date()): Promise<string[]> {
  const clientIds = new Map<string, string>();
  for (const r of requesters) if (!clientIds.has(r.clientExternalId)) clientIds.set(r.clientExternalId, randomUUID());
  const technician = randomUUID();
  const expiresAt = new Date(now.getTime() + 90 * 86_400_000);
  const rows = requesters.map((r, i) => ({ r, i, person: randomUUID(), ticket: randomUUID(), survey: randomUUID() }));
  await db.$transaction([
    db.client.createMany({ data: [...clientIds].map(([externalId, id]) => ({ id, externalId, name: externalId, createdAt: now })) }),
    db.person.createMany({
      data: [
        { id: technician, email: "tech@esn.example", name: "Camille Tech", createdAt: now, updatedAt: now },
        ...rows.map(({ r, person }) => ({ id: person, email: r.email, name: r.name, clientId: clientIds.get(r.clientExternalId)!, createdAt: now, updatedAt: now })),
      ],
    }),
    db.ticket.createMany({
      data: rows.map(({ r, i, person, ticket }) => ({
        id: ticket, source: "generic", externalId: `SEED-${i}`, title: "Imprimante en panne", kind: "incident", closedAt: now, receivedAt: now,
        requesterId: person, technicianId: technician, clientId: clientIds.get(r.clientExternalId)!,
      })),
    }),
    db.survey.createMany({ data: rows.map(({ ticket, survey }) => ({ id: survey, ticketId: ticket, token: randomBytes(18).toString("base64url"), status: "pending", createdAt: now, expiresAt })) }),
    db.outboxMessage.createMany({
      data: rows.map(({ survey }) => ({
        id: randomUUID(), kind: "survey.deliver", payload: JSON.stringify({ surveyId: survey }), dedupeKey: `survey.deliver:${survey}`, status: "pending", availableAt: now, createdAt: now,
      })),
    }),
  ]);
  return rows.map((row) => row.survey);
}
