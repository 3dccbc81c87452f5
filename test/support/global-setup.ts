// Once per test run: a migrated SQLite template file and a real PostgreSQL server with a migrated
// template database. Each test then copies its own database from a template in milliseconds.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../src/adapters/store/migrate.js";
import { startPostgres } from "../../scripts/throwaway-postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresUrl: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "cagnotte-test-"));
  const sqliteTemplate = join(dir, "template.db");
  const server = await startPostgres();
  const template = `cagnotte_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${server.url}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await Promise.all([migrateDatabase(`file:${sqliteTemplate}`), migrateDatabase(`${server.url}/${template}`)]);
  project.provide("sqliteTemplate", sqliteTemplate);
  project.provide("postgresUrl", server.url);
  project.provide("postgresTemplate", template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
