// Builds the Prisma client for the configured database. Both generated clients expose the same
// models (prisma/models.prisma), so the repositories are written once against the SQLite client's
// types and the PostgreSQL client is used through them.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../generated/sqlite/client.js";
import { PrismaClient as PostgresClient } from "../../generated/postgres/client.js";
import { releaseLockWhenSqliteEndsTransaction } from "./sqlite-transaction-guard.js";

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

export async function connect(databaseUrl: string): Promise<{ db: Db; provider: DbProvider }> {
  const provider = providerOf(databaseUrl);
  if (provider === "sqlite") {
    const file = sqliteFile(databaseUrl);
    mkdirSync(dirname(file), { recursive: true });
    const db = new SqliteClient({ adapter: releaseLockWhenSqliteEndsTransaction(new PrismaBetterSQLite3({ url: `file:${file}` })) });
    // WAL: readers never block the writer and single-row writes are ~7× faster (platform notes);
    // the busy timeout lets a second process (the CLI migrating, a script) wait instead of failing.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    return { db, provider };
  }
  const db = new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  await db.$connect();
  return { db: db as unknown as Db, provider };
}
