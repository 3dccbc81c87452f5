// People and client companies.
import { randomUUID } from "node:crypto";
import type { ClientRepository, PeopleRepository } from "../../ports/store.js";
import type { Client, Person } from "../../core/model.js";
import type { Db } from "./prisma-client.js";
import { toClient, toPerson } from "./mappers.js";

export function peopleRepository(db: Db): PeopleRepository {
  return {
    async upsertByEmail({ email, name, clientId, now }) {
      const key = email.trim().toLowerCase();
      const row = await db.person.upsert({
        where: { email: key },
        // A later ticket may bring a better name or the client; never erase what we know.
        update: { ...(name ? { name } : {}), ...(clientId ? { clientId } : {}), updatedAt: now },
        create: { id: randomUUID(), email: key, name: name ?? null, clientId: clientId ?? null, createdAt: now, updatedAt: now },
      });
      return toPerson(row);
    },
    async upsertManyByEmail(inputs, now) {
      // The last input for an e-mail wins over earlier ones, field by field, as successive upserts would.
      const wanted = new Map<string, { name: string | null; clientId: string | null }>();
      for (const input of inputs) {
        const key = input.email.trim().toLowerCase();
        const before = wanted.get(key);
        wanted.set(key, { name: input.name || before?.name || null, clientId: input.clientId || before?.clientId || null });
      }
      const existing = await db.person.findMany({ where: { email: { in: [...wanted.keys()] } } });
      const byEmail = new Map(existing.map((row) => [row.email, row]));
      const missing = [...wanted].filter(([email]) => !byEmail.has(email));
      const created = missing.map(([email, w]) => ({ id: randomUUID(), email, name: w.name, clientId: w.clientId, createdAt: now, updatedAt: now }));
      if (created.length) await db.person.createMany({ data: created });
      const result = new Map<string, Person>();
      for (const [email, w] of wanted) {
        let row = byEmail.get(email);
        if (!row) continue;
        // A later ticket may bring a better name or the client; never erase what we know.
        if ((w.name && w.name !== row.name) || (w.clientId && w.clientId !== row.clientId)) {
          row = await db.person.update({ where: { id: row.id }, data: { ...(w.name ? { name: w.name } : {}), ...(w.clientId ? { clientId: w.clientId } : {}), updatedAt: now } });
        }
        result.set(email, toPerson(row));
      }
      for (const c of created) result.set(c.email, { id: c.id, email: c.email, name: c.name, locale: null, clientId: c.clientId, slackUserId: null, teamsUserId: null });
      return result;
    },
    async findById(id) {
      const row = await db.person.findUnique({ where: { id } });
      return row ? toPerson(row) : null;
    },
    async findByEmail(email) {
      const row = await db.person.findUnique({ where: { email: email.trim().toLowerCase() } });
      return row ? toPerson(row) : null;
    },
    async findByPlatformId(platform, userId) {
      const row = await db.person.findFirst({
        where: platform === "slack" ? { slackUserId: userId } : { teamsUserId: userId },
      });
      return row ? toPerson(row) : null;
    },
    async linkPlatform(personId, link, now) {
      const data =
        link.platform === "slack"
          ? { slackUserId: link.userId, slackUnreachable: false }
          : { teamsUserId: link.userId, teamsUnreachable: false, ...(link.teamsConversation ? { teamsConversation: link.teamsConversation } : {}) };
      await db.person.update({
        where: { id: personId },
        data: { ...data, ...(link.locale ? { locale: link.locale } : {}), updatedAt: now },
      });
    },
    async teamsConversation(personId) {
      const row = await db.person.findUnique({ where: { id: personId }, select: { teamsConversation: true, teamsUnreachable: true } });
      return row ? { reference: row.teamsConversation, unreachable: row.teamsUnreachable } : null;
    },
    async markUnreachable(personId, platform, now) {
      await db.person.update({
        where: { id: personId },
        data: { ...(platform === "slack" ? { slackUnreachable: true } : { teamsUnreachable: true }), updatedAt: now },
      });
    },
  };
}

export function clientRepository(db: Db): ClientRepository {
  return {
    async upsertByExternalId({ externalId, name, now }) {
      const row = await db.client.upsert({
        where: { externalId },
        update: name ? { name } : {},
        create: { id: randomUUID(), externalId, name: name ?? null, createdAt: now },
      });
      return toClient(row);
    },
    async upsertManyByExternalId(inputs, now) {
      const wanted = new Map<string, string | null>();
      for (const input of inputs) wanted.set(input.externalId, input.name || wanted.get(input.externalId) || null);
      const existing = await db.client.findMany({ where: { externalId: { in: [...wanted.keys()] } } });
      const byId = new Map(existing.map((row) => [row.externalId, row]));
      const created = [...wanted].filter(([externalId]) => !byId.has(externalId)).map(([externalId, name]) => ({ id: randomUUID(), externalId, name, createdAt: now }));
      if (created.length) await db.client.createMany({ data: created });
      const result = new Map<string, Client>();
      for (const [externalId, name] of wanted) {
        let row = byId.get(externalId);
        if (!row) continue;
        if (name && name !== row.name) row = await db.client.update({ where: { id: row.id }, data: { name } });
        result.set(externalId, toClient(row));
      }
      for (const c of created) result.set(c.externalId, { id: c.id, externalId: c.externalId, name: c.name });
      return result;
    },
    async findById(id) {
      const row = await db.client.findUnique({ where: { id } });
      return row ? toClient(row) : null;
    },
  };
}
