// Slack OAuth installations on Prisma (SQLite or PostgreSQL).
import type { SlackInstallationRecord, SlackInstallationRepository } from "../../ports/slack-installations.js";
import type { Db } from "./prisma-client.js";

type Row = SlackInstallationRecord & { installedAt: Date; updatedAt: Date };

function toRecord(row: Row): SlackInstallationRecord {
  return {
    id: row.id,
    teamId: row.teamId,
    enterpriseId: row.enterpriseId,
    isEnterpriseInstall: row.isEnterpriseInstall,
    botUserId: row.botUserId,
    botId: row.botId,
    installation: row.installation,
    clientId: row.clientId,
  };
}

export function slackInstallationRepository(db: Db): SlackInstallationRepository {
  return {
    async save(record, now) {
      const { id, ...data } = record;
      // A re-install (new scopes, new token) replaces the row but keeps the client link if the new
      // install did not name one.
      const existing = await db.slackInstallation.findUnique({ where: { id } });
      const clientId = data.clientId ?? existing?.clientId ?? null;
      await db.slackInstallation.upsert({
        where: { id },
        update: { ...data, clientId, updatedAt: now },
        create: { id, ...data, clientId, installedAt: now, updatedAt: now },
      });
    },
    async find(id) {
      const row = await db.slackInstallation.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },
    async delete(id) {
      await db.slackInstallation.deleteMany({ where: { id } });
    },
    async forClient(clientId) {
      const rows = await db.slackInstallation.findMany({ where: { clientId }, orderBy: { installedAt: "desc" } });
      return rows.map(toRecord);
    },
  };
}
