// People and client companies.
import { randomUUID } from "node:crypto";
import type { ClientRepository, PeopleRepository } from "../../ports/store.js";
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
    async findById(id) {
      const row = await db.client.findUnique({ where: { id } });
      return row ? toClient(row) : null;
    },
  };
}
