// Builds the Prisma client for the configured database. Both generated clients expose the same
// models (prisma/models.prisma), so the repositories are written once against the SQLite client's
// types and the PostgreSQL client is used through them.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "../../generated/sqlite/client.js";
import { PrismaClient as PostgresClient } from "../../generated/postgres/client.js";
import { guardedSqlite, type SqliteConnection } from "./sqlite-transaction-guard.js";

export type Db = SqliteClient;
export type DbProvider = "sqlite" | "postgres";

export function providerOf(databaseUrl: string): DbProvider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgres";
  throw new Error(`unsupported database URL scheme: ${databaseUrl.split(":")[0]}`);
}

/** The SQLite file path of a `file:` URL, relative to the working directory. */
export function sqliteFile(databaseUrl: string): string {
  return resolve(databaseUrl.slice("file:".length).split("?")[0] ?? "");
}

/**
 * The driver under Prisma, for the few hot statements that skip it (ingest's group commit): the
 * SQLite connection, taken in turn with Prisma's, or the PostgreSQL pool Prisma draws from.
 */
export type Driver = { provider: "sqlite"; connection: SqliteConnection } | { provider: "postgres"; pool: pg.Pool };

export async function connect(databaseUrl: string): Promise<{ db: Db; provider: DbProvider; driver: Driver }> {
  const provider = providerOf(databaseUrl);
  if (provider === "sqlite") {
    const file = sqliteFile(databaseUrl);
    mkdirSync(dirname(file), { recursive: true });
    const { factory, connection } = guardedSqlite(new PrismaBetterSQLite3({ url: `file:${file}` }));
    const db = new SqliteClient({ adapter: factory });
    // WAL: readers never block the writer and single-row writes are ~7× faster (platform notes);
    // the busy timeout lets a second process (the CLI migrating, a script) wait instead of failing.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    return { db, provider, driver: { provider, connection } };
  }
  // One pool for Prisma and the hot statements; Prisma ends it on $disconnect.
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const db = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  await db.$connect();
  return { db: db as unknown as Db, provider, driver: { provider, pool } };
}
