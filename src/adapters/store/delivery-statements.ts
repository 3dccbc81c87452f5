// The delivery hot path on the database driver directly, as ingest's group commit does
// (closure-statements.ts): the outbox's claim and settlements, what a survey's delivery reads (its
// context, its requester's routing) and writes (the survey's transition, a kept message reference).
// Through Prisma each of these costs its query compiler (WebAssembly), its client and its adapter,
// and the survey context alone took five statements; here each is one statement, written once in
// SQL, prepared once per connection, with the same meaning and the same stored formats as the
// Prisma repositories of the same names (outbox-repository.ts, survey-repositories.ts,
// message-ref-repository.ts, mailing-repository.ts), which everything else still uses — and which
// the store's transactions use (these statements run outside any transaction, one at a time).
//
// SQLite: each statement runs on Prisma's own connection in its turn (sqlite-transaction-guard.ts),
// so it never lands inside another's Prisma transaction (called from inside a transaction's own
// callback, it would wait for itself: it goes ahead there after 5 s, as Prisma's statements do). The claim is one UPDATE … RETURNING: SQLite runs
// it under its write lock, so two workers (or two processes on the same file) never hold the same
// message. PostgreSQL: named statements on the pool Prisma uses; the claim keeps FOR UPDATE SKIP
// LOCKED.
import { PERSON_COLUMNS, personOf, pgDate, preparedOnce, sqliteDate, str, strOrNull, type PreparedStatements, type Row } from "./prepared-statements.js";
import pg from "pg";
import type { SurveyContext, SurveyStatus } from "../../core/model.js";
import type { MailingRepository, MessageRefRepository, OutboxRecord, OutboxRepository, SurveyRepository } from "../../ports/store.js";
import type { Driver } from "./prisma-client.js";

/** The methods of the store's ports that run here when called outside a transaction. */
export interface DeliveryStatements {
  outbox: Pick<OutboxRepository, "claimDue" | "renewLease" | "renewLeases" | "markSent" | "reschedule" | "markDead">;
  surveys: Pick<SurveyRepository, "findContext" | "transition">;
  messageRefs: Pick<MessageRefRepository, "get" | "save">;
  mailing: Pick<MailingRepository, "routing">;
}

/** lastError is kept short, as outbox-repository.ts keeps it. */
const errorText = (error: string) => error.slice(0, 1000);

/** One statement for the whole context: the survey, its ticket, requester, technician and client. */
const CONTEXT_SELECT = `SELECT s."id" AS "s_id", s."token" AS "s_token", s."status" AS "s_status", s."platform" AS "s_platform",
    s."createdAt" AS "s_createdAt", s."expiresAt" AS "s_expiresAt",
    t."id" AS "t_id", t."source" AS "t_source", t."externalId" AS "t_externalId", t."title" AS "t_title", t."kind" AS "t_kind", t."closedAt" AS "t_closedAt",
    ${PERSON_COLUMNS.map((c) => `r."${c}" AS "r_${c}"`).join(", ")},
    ${PERSON_COLUMNS.map((c) => `h."${c}" AS "h_${c}"`).join(", ")},
    c."id" AS "c_id", c."externalId" AS "c_externalId", c."name" AS "c_name"
  FROM "Survey" s
  JOIN "Ticket" t ON t."id" = s."ticketId"
  JOIN "Person" r ON r."id" = t."requesterId"
  JOIN "Person" h ON h."id" = t."technicianId"
  JOIN "Client" c ON c."id" = t."clientId"`;

type ToDate = (value: unknown) => Date;

function contextOf(row: Row, toDate: ToDate): SurveyContext {
  return {
    survey: {
      id: str(row.s_id),
      token: str(row.s_token),
      status: str(row.s_status) as SurveyStatus,
      platform: strOrNull(row.s_platform),
      createdAt: toDate(row.s_createdAt),
      expiresAt: toDate(row.s_expiresAt),
    },
    ticket: {
      id: str(row.t_id),
      source: str(row.t_source),
      externalId: str(row.t_externalId),
      title: strOrNull(row.t_title),
      kind: str(row.t_kind),
      closedAt: toDate(row.t_closedAt),
    },
    requester: personOf(row, "r"),
    technician: personOf(row, "h"),
    client: { id: str(row.c_id), externalId: str(row.c_externalId), name: strOrNull(row.c_name) },
  };
}

interface ClaimedRow {
  id: string;
  kind: string;
  payload: string;
  attempts: number | string;
  availableAt: unknown;
}

/** Claimed rows, oldest due first (RETURNING promises no order). */
function claimed(rows: ClaimedRow[], toDate: ToDate): OutboxRecord[] {
  return rows
    .map((row) => ({ row, at: toDate(row.availableAt).getTime() }))
    .sort((a, b) => a.at - b.at)
    .map(({ row }) => ({ id: row.id, kind: row.kind, payload: JSON.parse(row.payload) as Record<string, unknown>, attempts: Number(row.attempts) }));
}

/** The fields of a transition, in the order both databases' statements take them. */
function transitionValues(to: SurveyStatus, patch: { platform?: string; messageRef?: string; undeliverableReason?: string; at?: Date }) {
  const at = patch.at ?? new Date();
  return { platform: patch.platform ?? null, messageRef: patch.messageRef ?? null, reason: patch.undeliverableReason ?? null, deliveredAt: to === "delivered" ? at : null };
}

// ---------------------------------------------------------------------------------------------
// SQLite
// ---------------------------------------------------------------------------------------------

/** As Prisma's SQLite adapter stores a DateTime. */

/** A stored DateTime read back; one without its zone (written by SQL's CURRENT_TIMESTAMP) is UTC. */
function fromSqlite(value: unknown): Date {
  if (typeof value === "number") return new Date(value);
  const text = String(value);
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}

const SQLITE_STATEMENTS = {
  claim: `UPDATE "OutboxMessage" SET "lockedBy" = ?, "lockedUntil" = ?, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'pending' AND "availableAt" <= ? AND ("lockedUntil" IS NULL OR "lockedUntil" <= ?)
      ORDER BY "availableAt" LIMIT ?)
    RETURNING "id", "kind", "payload", "attempts", "availableAt"`,
  renewLeases: `UPDATE "OutboxMessage" SET "lockedUntil" = ?
    WHERE "id" IN (SELECT "value" FROM json_each(?)) AND "lockedBy" = ? AND "status" = 'pending' AND "lockedUntil" > ?
    RETURNING "id"`,
  markSent: `UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = ?, "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = NULL WHERE "id" = ?`,
  reschedule: `UPDATE "OutboxMessage" SET "availableAt" = ?, "lastError" = ?, "lockedBy" = NULL, "lockedUntil" = NULL, "attempts" = "attempts" - ? WHERE "id" = ?`,
  markDead: `UPDATE "OutboxMessage" SET "status" = 'dead', "sentAt" = ?, "lastError" = ?, "lockedBy" = NULL, "lockedUntil" = NULL WHERE "id" = ?`,
  context: `${CONTEXT_SELECT} WHERE s."id" = ?`,
  transition: `UPDATE "Survey" SET "status" = ?, "platform" = coalesce(?, "platform"), "messageRef" = coalesce(?, "messageRef"),
      "undeliverableReason" = coalesce(?, "undeliverableReason"), "deliveredAt" = coalesce(?, "deliveredAt")
    WHERE "id" = ? AND "status" IN (SELECT "value" FROM json_each(?))`,
  getRef: `SELECT "purpose", "platform", "ref" FROM "MessageRef" WHERE "purpose" = ? AND "platform" = ?`,
  saveRef: `INSERT INTO "MessageRef" ("purpose", "platform", "ref", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)
    ON CONFLICT ("purpose", "platform") DO UPDATE SET "ref" = excluded."ref", "updatedAt" = excluded."updatedAt"`,
  routing: `SELECT (SELECT "surveysOptedOutAt" FROM "Person" WHERE "id" = ?) AS "optedOutAt", (SELECT "emailFirst" FROM "Client" WHERE "id" = ?) AS "emailFirst"`,
} as const;

type SqliteStatements = PreparedStatements<typeof SQLITE_STATEMENTS>;
const sqliteStatements = preparedOnce(SQLITE_STATEMENTS);

function sqliteDelivery(connection: Extract<Driver, { provider: "sqlite" }>["connection"]): DeliveryStatements {
  // Synchronous statements, in the connection's turn: nothing of Prisma's runs meanwhile.
  const run = <T>(work: (s: SqliteStatements) => T): Promise<T> => connection.statement((db) => work(sqliteStatements(db)));
  return {
    outbox: {
      claimDue: ({ worker, now, limit, leaseMs }) =>
        run((s) => claimed(s.claim.all(worker, sqliteDate(new Date(now.getTime() + leaseMs)), sqliteDate(now), sqliteDate(now), limit) as ClaimedRow[], fromSqlite)),
      renewLease: ({ id, worker, now, leaseMs }) =>
        run((s) => s.renewLeases.all(sqliteDate(new Date(now.getTime() + leaseMs)), JSON.stringify([id]), worker, sqliteDate(now)).length === 1),
      async renewLeases({ ids, worker, now, leaseMs }) {
        if (ids.length === 0) return [];
        const kept = await run((s) => s.renewLeases.all(sqliteDate(new Date(now.getTime() + leaseMs)), JSON.stringify(ids), worker, sqliteDate(now)) as { id: string }[]);
        const held = new Set(kept.map((r) => r.id));
        return ids.filter((id) => !held.has(id));
      },
      markSent: (id, at) => run((s) => void s.markSent.run(sqliteDate(at), id)),
      reschedule: (id, { availableAt, error, uncount }) => run((s) => void s.reschedule.run(sqliteDate(availableAt), errorText(error), uncount ? 1 : 0, id)),
      markDead: (id, { at, error }) => run((s) => void s.markDead.run(sqliteDate(at), errorText(error), id)),
    },
    surveys: {
      findContext: (surveyId) =>
        run((s) => {
          const row = s.context.get(surveyId) as Row | undefined;
          return row ? contextOf(row, fromSqlite) : null;
        }),
      transition: (surveyId, from, to, patch = {}) =>
        run((s) => {
          const v = transitionValues(to, patch);
          const deliveredAt = v.deliveredAt && sqliteDate(v.deliveredAt);
          return s.transition.run(to, v.platform, v.messageRef, v.reason, deliveredAt, surveyId, JSON.stringify(from)).changes === 1;
        }),
    },
    messageRefs: {
      get: (purpose, platform) =>
        run((s) => {
          const row = s.getRef.get(purpose, platform) as { purpose: string; platform: string; ref: string | null } | undefined;
          return row ? { purpose: row.purpose, platform: row.platform, ref: row.ref } : null;
        }),
      save: ({ purpose, platform, ref, now }) => run((s) => void s.saveRef.run(purpose, platform, ref, sqliteDate(now), sqliteDate(now))),
    },
    mailing: {
      routing: ({ personId, clientId }) =>
        run((s) => {
          const row = s.routing.get(personId, clientId) as { optedOutAt: unknown; emailFirst: unknown };
          return { optedOut: row.optedOutAt !== null && row.optedOutAt !== undefined, emailFirst: Number(row.emailFirst) === 1 };
        }),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------

/** As Prisma's PostgreSQL adapter sends a DateTime (UTC, into `timestamp(3)` without time zone). */

/** `timestamp` without time zone holds UTC (as Prisma writes it): read it as UTC, whatever TZ says. */
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? (text: string) => new Date(`${text.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

const fromPg: ToDate = (value) => (value instanceof Date ? value : new Date(`${String(value).replace(" ", "T")}Z`));

const PG_STATEMENTS = {
  claim: `UPDATE "OutboxMessage" SET "lockedBy" = $1, "lockedUntil" = $2::timestamp(3), "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'pending' AND "availableAt" <= $3::timestamp(3) AND ("lockedUntil" IS NULL OR "lockedUntil" <= $3::timestamp(3))
      ORDER BY "availableAt" LIMIT $4
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "kind", "payload", "attempts", "availableAt"`,
  renewLeases: `UPDATE "OutboxMessage" SET "lockedUntil" = $1::timestamp(3)
    WHERE "id" = ANY($2::text[]) AND "lockedBy" = $3 AND "status" = 'pending' AND "lockedUntil" > $4::timestamp(3)
    RETURNING "id"`,
  markSent: `UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = $1::timestamp(3), "lockedBy" = NULL, "lockedUntil" = NULL, "lastError" = NULL WHERE "id" = $2`,
  reschedule: `UPDATE "OutboxMessage" SET "availableAt" = $1::timestamp(3), "lastError" = $2, "lockedBy" = NULL, "lockedUntil" = NULL, "attempts" = "attempts" - $3::int WHERE "id" = $4`,
  markDead: `UPDATE "OutboxMessage" SET "status" = 'dead', "sentAt" = $1::timestamp(3), "lastError" = $2, "lockedBy" = NULL, "lockedUntil" = NULL WHERE "id" = $3`,
  context: `${CONTEXT_SELECT} WHERE s."id" = $1`,
  transition: `UPDATE "Survey" SET "status" = $1, "platform" = coalesce($2, "platform"), "messageRef" = coalesce($3, "messageRef"),
      "undeliverableReason" = coalesce($4, "undeliverableReason"), "deliveredAt" = coalesce($5::timestamp(3), "deliveredAt")
    WHERE "id" = $6 AND "status" = ANY($7::text[])`,
  getRef: `SELECT "purpose", "platform", "ref" FROM "MessageRef" WHERE "purpose" = $1 AND "platform" = $2`,
  saveRef: `INSERT INTO "MessageRef" ("purpose", "platform", "ref", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4::timestamp(3), $4::timestamp(3))
    ON CONFLICT ("purpose", "platform") DO UPDATE SET "ref" = excluded."ref", "updatedAt" = excluded."updatedAt"`,
  routing: `SELECT (SELECT "surveysOptedOutAt" FROM "Person" WHERE "id" = $1) AS "optedOutAt", (SELECT "emailFirst" FROM "Client" WHERE "id" = $2) AS "emailFirst"`,
} as const;

function pgDelivery(pool: pg.Pool): DeliveryStatements {
  // Named: each connection of the pool prepares a statement once, then only binds.
  const query = async <R extends pg.QueryResultRow>(name: keyof typeof PG_STATEMENTS, values: unknown[]) =>
    pool.query<R>({ name: `cagnotte_delivery_${name}`, text: PG_STATEMENTS[name], values, types });
  return {
    outbox: {
      async claimDue({ worker, now, limit, leaseMs }) {
        const { rows } = await query<ClaimedRow>("claim", [worker, pgDate(new Date(now.getTime() + leaseMs)), pgDate(now), limit]);
        return claimed(rows, fromPg);
      },
      async renewLease({ id, worker, now, leaseMs }) {
        const { rows } = await query("renewLeases", [pgDate(new Date(now.getTime() + leaseMs)), [id], worker, pgDate(now)]);
        return rows.length === 1;
      },
      async renewLeases({ ids, worker, now, leaseMs }) {
        if (ids.length === 0) return [];
        const { rows } = await query<{ id: string }>("renewLeases", [pgDate(new Date(now.getTime() + leaseMs)), [...ids], worker, pgDate(now)]);
        const held = new Set(rows.map((r) => r.id));
        return ids.filter((id) => !held.has(id));
      },
      async markSent(id, at) {
        await query("markSent", [pgDate(at), id]);
      },
      async reschedule(id, { availableAt, error, uncount }) {
        await query("reschedule", [pgDate(availableAt), errorText(error), uncount ? 1 : 0, id]);
      },
      async markDead(id, { at, error }) {
        await query("markDead", [pgDate(at), errorText(error), id]);
      },
    },
    surveys: {
      async findContext(surveyId) {
        const { rows } = await query<Row>("context", [surveyId]);
        return rows[0] ? contextOf(rows[0], fromPg) : null;
      },
      async transition(surveyId, from, to, patch = {}) {
        const v = transitionValues(to, patch);
        const { rowCount } = await query("transition", [to, v.platform, v.messageRef, v.reason, v.deliveredAt && pgDate(v.deliveredAt), surveyId, [...from]]);
        return rowCount === 1;
      },
    },
    messageRefs: {
      async get(purpose, platform) {
        const { rows } = await query<{ purpose: string; platform: string; ref: string | null }>("getRef", [purpose, platform]);
        return rows[0] ? { purpose: rows[0].purpose, platform: rows[0].platform, ref: rows[0].ref } : null;
      },
      async save({ purpose, platform, ref, now }) {
        await query("saveRef", [purpose, platform, ref, pgDate(now)]);
      },
    },
    mailing: {
      async routing({ personId, clientId }) {
        const { rows } = await query<{ optedOutAt: unknown; emailFirst: boolean | null }>("routing", [personId, clientId]);
        return { optedOut: rows[0]?.optedOutAt != null, emailFirst: rows[0]?.emailFirst === true };
      },
    },
  };
}

/** The delivery hot path on the driver under Prisma (see the top of this file). */
export function deliveryStatements(driver: Driver): DeliveryStatements {
  return driver.provider === "sqlite" ? sqliteDelivery(driver.connection) : pgDelivery(driver.pool);
}
