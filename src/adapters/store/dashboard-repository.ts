// The dashboard's links and sessions (ports/store/dashboard.ts): conditional updates, so a link is
// used once even by two requests at the same instant, on SQLite as on PostgreSQL.
import type { DashboardAccessRepository } from "../../ports/store/dashboard.js";
import type { Db } from "./prisma-client.js";

export function dashboardRepository(db: Db): DashboardAccessRepository {
  return {
    async createLink({ tokenHash, personId, now, expiresAt }) {
      await db.dashboardLink.create({ data: { tokenHash, personId, createdAt: now, expiresAt } });
    },
    async peekLink(tokenHash, now) {
      const link = await db.dashboardLink.findUnique({ where: { tokenHash } });
      if (!link) return { ok: false, reason: "unknown" };
      if (link.usedAt) return { ok: false, reason: "used" };
      if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
      return { ok: true, personId: link.personId };
    },
    async useLink(tokenHash, now) {
      const { count } = await db.dashboardLink.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      const link = await db.dashboardLink.findUnique({ where: { tokenHash } });
      if (!link) return { ok: false, reason: "unknown" };
      if (count === 1) return { ok: true, personId: link.personId };
      // A used link stays "used" even after it expired: the person is told what happened.
      return { ok: false, reason: link.usedAt ? "used" : "expired" };
    },
    async createSession({ idHash, personId, locale, now, expiresAt }) {
      await db.dashboardSession.create({ data: { idHash, personId, locale, createdAt: now, expiresAt } });
    },
    async findSession(idHash, now) {
      const row = await db.dashboardSession.findUnique({ where: { idHash } });
      if (!row || row.endedAt || row.expiresAt.getTime() <= now.getTime()) return null;
      return { personId: row.personId, locale: row.locale === "en" ? "en" : "fr", expiresAt: row.expiresAt };
    },
    async setSessionLocale(idHash, locale) {
      await db.dashboardSession.updateMany({ where: { idHash, endedAt: null }, data: { locale } });
    },
    async endSession(idHash, now) {
      const { count } = await db.dashboardSession.updateMany({ where: { idHash, endedAt: null, expiresAt: { gt: now } }, data: { endedAt: now } });
      return count === 1;
    },
    async purge(before) {
      const links = await db.dashboardLink.deleteMany({ where: { expiresAt: { lt: before } } });
      const sessions = await db.dashboardSession.deleteMany({ where: { expiresAt: { lt: before } } });
      return links.count + sessions.count;
    },
  };
}
