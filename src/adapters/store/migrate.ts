// Applies the pending migrations in prisma/<provider>/migrations, in order, each in its own
// transaction, recorded in Prisma's own `_prisma_migrations` table (same columns and checksums,
// so Prisma's tooling recognises them). Our own runner because Prisma 6.19's offline (Wasm)
// schema engine cannot read PostgreSQL's catalog through the pg adapter ("Column type 'name'
// could not be deserialized"), and spawning the CLI for SQLite costs a second at every start.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, sqliteFile, type DbProvider } from "./prisma-client.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
/** Prisma Migrate's advisory lock key, so our runner and Prisma's never migrate at once. */
const ADVISORY_LOCK = 72707369;

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsOf(provider: DbProvider): Migration[] {
  const dir = join(root, "prisma", provider, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** Which migrations still need applying; refuses to go on over an edited or half-applied one. */
function pending(all: Migration[], applied: AppliedRow[]): Migration[] {
  const done = new Map<string, AppliedRow>();
  for (const row of applied) if (row.rolled_back_at === null || row.rolled_back_at === undefined) done.set(row.migration_name, row);
  for (const [name, row] of done) {
    if (row.finished_at === null) throw new Error(`migration ${name} failed earlier and must be resolved by hand`);
    const local = all.find((m) => m.name === name);
    if (local && local.checksum !== row.checksum) throw new Error(`migration ${name} was edited after it was applied`);
  }
  return all.filter((m) => !done.has(m.name));
}

function migrateSqlite(url: string): string[] {
  const file = sqliteFile(url);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
      "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const applied: string[] = [];
    // IMMEDIATE: take the write lock before reading what is applied, so two processes starting
    // together apply each migration once.
    db.transaction(() => {
      const rows = db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as AppliedRow[];
      for (const m of pending(migrationsOf("sqlite"), rows)) {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), m.checksum, Date.now(), m.name, Date.now());
        applied.push(m.name);
      }
    }).immediate();
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    const applied: string[] = [];
    for (const m of pending(migrationsOf("postgres"), rows)) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}

export async function migrateDatabase(databaseUrl: string): Promise<{ applied: string[] }> {
  const provider = providerOf(databaseUrl);
  const applied = provider === "sqlite" ? migrateSqlite(databaseUrl) : await migratePostgres(databaseUrl);
  return { applied };
}
