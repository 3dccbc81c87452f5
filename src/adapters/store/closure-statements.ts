// Ingest's group commit on the database driver directly. Prisma compiles every query it runs (its
// query compiler, in WebAssembly) and prepares its SQL again each time: about 1 ms of CPU per
// statement, most of the cost of a closure. The few statements a batch of closures needs are
// written here once, in SQL, prepared once per connection, with the same meaning as the Prisma
// repositories of the same names (people-repositories.ts, survey-repositories.ts) and the same
// stored formats (dates as Prisma writes them), so everything else reads these rows through Prisma
// unchanged.
//
// SQLite: one synchronous transaction (BEGIN IMMEDIATE … COMMIT) on Prisma's own connection, taken
// in turn with Prisma's transactions and statements (sqlite-transaction-guard.ts), so it never runs
// inside one of them and holds the writer for the shortest time. PostgreSQL: a connection of the
// pool Prisma uses, a transaction on it, multi-row statements over arrays (`unnest`), whose text does
// not depend on the number of rows, so each is prepared once per connection.
import { randomUUID } from "node:crypto";
import type BetterSqlite3 from "better-sqlite3";
import { pgDate, preparedOnce, sqliteDate, type PreparedStatements } from "./prepared-statements.js";
import type pg from "pg";
import type { Client, Person } from "../../core/model.js";
import type { ClosureRepositories, ClosureRow } from "../../ports/store.js";
import type { Driver } from "./prisma-client.js";

type PersonInput = { email: string; name?: string | null; clientId?: string | null };
type ClientInput = { externalId: string; name?: string | null };

/** The last input for an e-mail wins over earlier ones, field by field, as successive upserts would. */
function wantedPeople(inputs: readonly PersonInput[]): Map<string, { name: string | null; clientId: string | null }> {
  const wanted = new Map<string, { name: string | null; clientId: string | null }>();
  for (const input of inputs) {
    const key = input.email.trim().toLowerCase();
    const before = wanted.get(key);
    wanted.set(key, { name: input.name || before?.name || null, clientId: input.clientId || before?.clientId || null });
  }
  return wanted;
}

function wantedClients(inputs: readonly ClientInput[]): Map<string, string | null> {
  const wanted = new Map<string, string | null>();
  for (const input of inputs) wanted.set(input.externalId, input.name || wanted.get(input.externalId) || null);
  return wanted;
}

interface PersonRow {
  id: string;
  email: string;
  name: string | null;
  locale: string | null;
  clientId: string | null;
  slackUserId: string | null;
  teamsUserId: string | null;
}

const toPerson = (row: PersonRow): Person => ({ ...row, locale: row.locale === "fr" || row.locale === "en" ? row.locale : null });

/** A later ticket may bring a better name or the client; never erase what we know. */
const changes = (row: { name: string | null; clientId?: string | null }, w: { name: string | null; clientId?: string | null }) =>
  (!!w.name && w.name !== row.name) || (!!w.clientId && w.clientId !== row.clientId);

// ---------------------------------------------------------------------------------------------
// SQLite
// ---------------------------------------------------------------------------------------------

/** As Prisma's SQLite adapter stores a DateTime. */

/** Prepared once per connection (better-sqlite3 compiles a statement on each prepare). */
const SQLITE_STATEMENTS = {
  begin: `BEGIN IMMEDIATE`,
  commit: `COMMIT`,
  rollback: `ROLLBACK`,
  knownTicket: `SELECT 1 FROM "Ticket" WHERE "source" = ? AND "externalId" = ?`,
  clientByExternalId: `SELECT "id", "externalId", "name" FROM "Client" WHERE "externalId" = ?`,
  insertClient: `INSERT INTO "Client" ("id", "externalId", "name", "createdAt") VALUES (?, ?, ?, ?)`,
  renameClient: `UPDATE "Client" SET "name" = ? WHERE "id" = ?`,
  personByEmail: `SELECT "id", "email", "name", "locale", "clientId", "slackUserId", "teamsUserId" FROM "Person" WHERE "email" = ?`,
  insertPerson: `INSERT INTO "Person" ("id", "email", "name", "clientId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`,
  updatePerson: `UPDATE "Person" SET "name" = coalesce(?, "name"), "clientId" = coalesce(?, "clientId"), "updatedAt" = ? WHERE "id" = ?`,
  insertTicket: `INSERT INTO "Ticket" ("id", "source", "externalId", "title", "kind", "closedAt", "receivedAt", "requesterId", "technicianId", "clientId") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertSurvey: `INSERT INTO "Survey" ("id", "ticketId", "token", "status", "createdAt", "expiresAt") VALUES (?, ?, ?, 'pending', ?, ?)`,
  insertOutbox: `INSERT INTO "OutboxMessage" ("id", "kind", "payload", "dedupeKey", "status", "availableAt", "createdAt") VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
} as const;

type SqliteStatements = PreparedStatements<typeof SQLITE_STATEMENTS>;
const sqliteStatements = preparedOnce(SQLITE_STATEMENTS);

function sqliteRepositories(s: SqliteStatements): ClosureRepositories {
  return {
    tickets: {
      async known(keys) {
        return keys.filter((k) => s.knownTicket.get(k.source, k.externalId) !== undefined).map((k) => ({ source: k.source, externalId: k.externalId }));
      },
      async recordClosures(rows: readonly ClosureRow[]) {
        for (const { ticket: t, survey: v, outbox } of rows) {
          s.insertTicket.run(t.id, t.source, t.externalId, t.title, t.kind, sqliteDate(t.closedAt), sqliteDate(t.receivedAt), t.requesterId, t.technicianId, t.clientId);
          s.insertSurvey.run(v.id, t.id, v.token, sqliteDate(v.createdAt), sqliteDate(v.expiresAt));
          // The survey's delivery, and the survey link's message when the closure has one.
          for (const d of outbox) s.insertOutbox.run(d.id, d.kind, JSON.stringify(d.payload), d.dedupeKey, sqliteDate(d.availableAt), sqliteDate(d.createdAt));
        }
      },
    },
    clients: {
      async upsertManyByExternalId(inputs, now) {
        const result = new Map<string, Client>();
        for (const [externalId, name] of wantedClients(inputs)) {
          const row = s.clientByExternalId.get(externalId) as Client | undefined;
          if (!row) {
            const id = randomUUID();
            s.insertClient.run(id, externalId, name, sqliteDate(now));
            result.set(externalId, { id, externalId, name });
          } else if (name && name !== row.name) {
            s.renameClient.run(name, row.id);
            result.set(externalId, { ...row, name });
          } else result.set(externalId, { id: row.id, externalId: row.externalId, name: row.name });
        }
        return result;
      },
    },
    people: {
      async upsertManyByEmail(inputs, now) {
        const result = new Map<string, Person>();
        for (const [email, w] of wantedPeople(inputs)) {
          const row = s.personByEmail.get(email) as PersonRow | undefined;
          if (!row) {
            const id = randomUUID();
            s.insertPerson.run(id, email, w.name, w.clientId, sqliteDate(now), sqliteDate(now));
            result.set(email, { id, email, name: w.name, locale: null, clientId: w.clientId, slackUserId: null, teamsUserId: null });
          } else if (changes(row, w)) {
            s.updatePerson.run(w.name, w.clientId, sqliteDate(now), row.id);
            result.set(email, toPerson({ ...row, name: w.name || row.name, clientId: w.clientId || row.clientId }));
          } else result.set(email, toPerson(row));
        }
        return result;
      },
    },
  };
}

/**
 * Runs `work` in one IMMEDIATE transaction on the connection: every statement in it is synchronous,
 * so the writer is held only while the batch is written. Resolves once COMMIT has returned.
 */
async function sqliteTransaction<T>(db: BetterSqlite3.Database, work: (tx: ClosureRepositories) => Promise<T>): Promise<T> {
  const s = sqliteStatements(db);
  s.begin.run();
  try {
    const result = await work(sqliteRepositories(s));
    s.commit.run();
    return result;
  } catch (error) {
    // SQLite may have ended the transaction itself (a full disk rolls it back); end it otherwise.
    if (db.inTransaction) s.rollback.run();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------


/** Named statements: pg prepares each once per connection and then only binds. */
const PG_STATEMENTS = {
  knownTickets: `SELECT t."source", t."externalId" FROM "Ticket" t JOIN unnest($1::text[], $2::text[]) AS k("source", "externalId") ON t."source" = k."source" AND t."externalId" = k."externalId"`,
  clientsByExternalId: `SELECT "id", "externalId", "name" FROM "Client" WHERE "externalId" = ANY($1::text[])`,
  insertClients: `INSERT INTO "Client" ("id", "externalId", "name", "createdAt") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp(3)[])`,
  renameClient: `UPDATE "Client" SET "name" = $1 WHERE "id" = $2`,
  peopleByEmail: `SELECT "id", "email", "name", "locale", "clientId", "slackUserId", "teamsUserId" FROM "Person" WHERE "email" = ANY($1::text[])`,
  insertPeople: `INSERT INTO "Person" ("id", "email", "name", "clientId", "createdAt", "updatedAt") SELECT i, e, n, c, $5::timestamp(3), $5::timestamp(3) FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS p(i, e, n, c)`,
  updatePerson: `UPDATE "Person" SET "name" = coalesce($1, "name"), "clientId" = coalesce($2, "clientId"), "updatedAt" = $3::timestamp(3) WHERE "id" = $4`,
  // Tickets, their surveys and their deliveries in one statement (one round trip): the foreign keys
  // are checked at its end, when all three are in.
  insertClosures: `WITH t AS (
      INSERT INTO "Ticket" ("id", "source", "externalId", "title", "kind", "closedAt", "receivedAt", "requesterId", "technicianId", "clientId")
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp(3)[], $7::timestamp(3)[], $8::text[], $9::text[], $10::text[])),
    s AS (
      INSERT INTO "Survey" ("id", "ticketId", "token", "status", "createdAt", "expiresAt")
      SELECT i, t, k, 'pending', c, e FROM unnest($11::text[], $1::text[], $12::text[], $13::timestamp(3)[], $14::timestamp(3)[]) AS s(i, t, k, c, e))
    INSERT INTO "OutboxMessage" ("id", "kind", "payload", "dedupeKey", "status", "availableAt", "createdAt")
    SELECT i, k, p, d, 'pending', a, c FROM unnest($15::text[], $16::text[], $17::text[], $18::text[], $19::timestamp(3)[], $20::timestamp(3)[]) AS o(i, k, p, d, a, c)`,
} as const;

type PgStatement = keyof typeof PG_STATEMENTS;

function pgRepositories(client: pg.PoolClient): ClosureRepositories {
  const query = async <R extends pg.QueryResultRow>(name: PgStatement, values: unknown[]) =>
    (await client.query<R>({ name: `cagnotte_closures_${name}`, text: PG_STATEMENTS[name], values })).rows;
  return {
    tickets: {
      async known(keys) {
        if (keys.length === 0) return [];
        return query<{ source: string; externalId: string }>("knownTickets", [keys.map((k) => k.source), keys.map((k) => k.externalId)]);
      },
      async recordClosures(rows) {
        if (rows.length === 0) return;
        const t = rows.map((r) => r.ticket);
        const v = rows.map((r) => r.survey);
        // Every outbox row of the batch (the survey's delivery, and the survey link's message when
        // the closure has one): the third statement has its own unnest.
        const d = rows.flatMap((r) => r.outbox);
        await query("insertClosures", [
          t.map((x) => x.id),
          t.map((x) => x.source),
          t.map((x) => x.externalId),
          t.map((x) => x.title),
          t.map((x) => x.kind),
          t.map((x) => pgDate(x.closedAt)),
          t.map((x) => pgDate(x.receivedAt)),
          t.map((x) => x.requesterId),
          t.map((x) => x.technicianId),
          t.map((x) => x.clientId),
          v.map((x) => x.id),
          v.map((x) => x.token),
          v.map((x) => pgDate(x.createdAt)),
          v.map((x) => pgDate(x.expiresAt)),
          d.map((x) => x.id),
          d.map((x) => x.kind),
          d.map((x) => JSON.stringify(x.payload)),
          d.map((x) => x.dedupeKey),
          d.map((x) => pgDate(x.availableAt)),
          d.map((x) => pgDate(x.createdAt)),
        ]);
      },
    },
    clients: {
      async upsertManyByExternalId(inputs, now) {
        const wanted = wantedClients(inputs);
        const existing = new Map((await query<Client>("clientsByExternalId", [[...wanted.keys()]])).map((row) => [row.externalId, row]));
        const result = new Map<string, Client>();
        const created: Client[] = [];
        for (const [externalId, name] of wanted) {
          const row = existing.get(externalId);
          if (!row) created.push({ id: randomUUID(), externalId, name });
          else if (name && name !== row.name) {
            await query("renameClient", [name, row.id]);
            result.set(externalId, { id: row.id, externalId, name });
          } else result.set(externalId, { id: row.id, externalId, name: row.name });
        }
        if (created.length) {
          await query("insertClients", [created.map((c) => c.id), created.map((c) => c.externalId), created.map((c) => c.name), created.map(() => pgDate(now))]);
          for (const c of created) result.set(c.externalId, c);
        }
        return result;
      },
    },
    people: {
      async upsertManyByEmail(inputs, now) {
        const wanted = wantedPeople(inputs);
        const existing = new Map((await query<PersonRow>("peopleByEmail", [[...wanted.keys()]])).map((row) => [row.email, row]));
        const result = new Map<string, Person>();
        const created: Person[] = [];
        for (const [email, w] of wanted) {
          const row = existing.get(email);
          if (!row) created.push({ id: randomUUID(), email, name: w.name, locale: null, clientId: w.clientId, slackUserId: null, teamsUserId: null });
          else if (changes(row, w)) {
            await query("updatePerson", [w.name, w.clientId, pgDate(now), row.id]);
            result.set(email, toPerson({ ...row, name: w.name || row.name, clientId: w.clientId || row.clientId }));
          } else result.set(email, toPerson(row));
        }
        if (created.length) {
          await query("insertPeople", [created.map((p) => p.id), created.map((p) => p.email), created.map((p) => p.name), created.map((p) => p.clientId), pgDate(now)]);
          for (const p of created) result.set(p.email, p);
        }
        return result;
      },
    },
  };
}

async function pgTransaction<T>(pool: pg.Pool, work: (tx: ClosureRepositories) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: unknown;
  try {
    await client.query("BEGIN");
    try {
      const result = await work(pgRepositories(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      try {
        await client.query("ROLLBACK");
      } catch (rollbackError) {
        // The connection is unusable: the pool must not hand it out again.
        broken = rollbackError;
      }
      throw error;
    }
  } finally {
    client.release(broken instanceof Error ? broken : undefined);
  }
}

/** Ingest's transaction on the driver under Prisma (see the top of this file). */
export function closureTransaction<T>(driver: Driver, work: (tx: ClosureRepositories) => Promise<T>): Promise<T> {
  if (driver.provider === "sqlite") return driver.connection.exclusive((db) => sqliteTransaction(db, work));
  return pgTransaction(driver.pool, work);
}

/** The drivers' ways of saying a unique key is taken (SQLite's extended codes, PostgreSQL's SQLSTATE). */
export function isUniqueViolation(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? "");
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}
