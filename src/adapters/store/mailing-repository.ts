// Opt-outs, unsubscribe tokens and clients set to e-mail first (src/ports/store/mailing.ts).
import type { MailingRepository } from "../../ports/store.js";
import type { Db } from "./prisma-client.js";
import { toClient } from "./mappers.js";

export function mailingRepository(db: Db): MailingRepository {
  return {
    async routing({ personId, clientId }) {
      const [person, client] = await Promise.all([
        db.person.findUnique({ where: { id: personId }, select: { surveysOptedOutAt: true } }),
        clientId ? db.client.findUnique({ where: { id: clientId }, select: { emailFirst: true } }) : null,
      ]);
      return { optedOut: person?.surveysOptedOutAt != null, emailFirst: client?.emailFirst === true };
    },
    async unsubscribeToken(personId, make) {
      const row = await db.person.findUnique({ where: { id: personId }, select: { unsubscribeToken: true } });
      if (row?.unsubscribeToken) return row.unsubscribeToken;
      // Conditional: two deliveries racing keep the first token, and both read it back.
      await db.person.updateMany({ where: { id: personId, unsubscribeToken: null }, data: { unsubscribeToken: make() } });
      const after = await db.person.findUnique({ where: { id: personId }, select: { unsubscribeToken: true } });
      if (!after?.unsubscribeToken) throw new Error("person not found for its unsubscribe token");
      return after.unsubscribeToken;
    },
    async findByUnsubscribeToken(token) {
      const row = await db.person.findUnique({ where: { unsubscribeToken: token }, select: { id: true, email: true, locale: true, surveysOptedOutAt: true } });
      return row ? { personId: row.id, email: row.email, locale: row.locale, optedOut: row.surveysOptedOutAt !== null } : null;
    },
    async setOptedOut(personId, optedOut, now) {
      const { count } = await db.person.updateMany({
        where: { id: personId, surveysOptedOutAt: optedOut ? null : { not: null } },
        data: { surveysOptedOutAt: optedOut ? now : null, updatedAt: now },
      });
      return count === 1;
    },
    async findClients(query) {
      const byId = await db.client.findMany({ where: { externalId: query } });
      if (byId.length) return byId.map((c) => ({ ...toClient(c), emailFirst: c.emailFirst }));
      // Names are few and short: compared in memory, case-insensitive on both databases alike.
      const wanted = query.trim().toLowerCase();
      const named = await db.client.findMany({ where: { name: { not: null } } });
      return named.filter((c) => c.name?.trim().toLowerCase() === wanted).map((c) => ({ ...toClient(c), emailFirst: c.emailFirst }));
    },
    async setEmailFirst(clientId, on) {
      await db.client.update({ where: { id: clientId }, data: { emailFirst: on } });
    },
  };
}
