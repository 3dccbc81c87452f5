// A fresh, migrated database per test, SQLite or PostgreSQL, copied from the run's templates.
import { copyFileSync, mkdtempSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openStore } from "../../src/adapters/store/prisma-store.js";

export type Provider = "sqlite" | "postgres";
export const providers: Provider[] = ["sqlite", "postgres"];

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const file = join(mkdtempSync(join(tmpdir(), "cagnotte-db-")), "test.db");
    copyFileSync(inject("sqliteTemplate"), file);
    return { url: `file:${file}`, drop: async () => {} };
  }
  const name = `cagnotte_t_${randomBytes(6).toString("hex")}`;
  const base = inject("postgresUrl");
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
  await admin.end();
  return {
    url: `${base}/${name}`,
    async drop() {
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestStore(provider: Provider) {
  const database = await createTestDatabase(provider);
  const store = await openStore(database.url);
  return {
    store,
    url: database.url,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}
