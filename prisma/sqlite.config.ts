// Prisma CLI configuration for the embedded SQLite database (the default).
// The CLI runs its bundled Wasm schema engine through the driver adapter, so it works offline.
// DATABASE_URL is read here because this file configures a tool, not the bot (see src/config.ts).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  schema: "sqlite/schema.prisma",
  migrations: { path: "sqlite/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/cagnotte.db" });
  },
});
