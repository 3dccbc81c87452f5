// Prisma CLI configuration for PostgreSQL (production and scale-out).
// DATABASE_URL is read here because this file configures a tool, not the bot (see src/config.ts).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  schema: "postgres/schema.prisma",
  migrations: { path: "postgres/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is required for PostgreSQL (postgres://user:pass@host:5432/db)");
    return new PrismaPg({ connectionString: url });
  },
});
