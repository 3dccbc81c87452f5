// `npm run db:migrate`: applies pending migrations to DATABASE_URL (SQLite or PostgreSQL).
import { loadConfig, ConfigError } from "../config.js";
import { migrateDatabase } from "../adapters/store/migrate.js";

try {
  // eslint-disable-next-line no-restricted-syntax -- entry point: the one place a CLI reads its environment
  const config = loadConfig(process.env);
  const { applied } = await migrateDatabase(config.database.url);
  console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(", ")}` : "database is up to date");
} catch (error) {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : (error as Error).message);
  process.exit(1);
}
