// The real bot (HTTP server, outbox worker, store) on 127.0.0.1 with a test database.
import { loadConfig } from "../../src/config.js";
import { start, type StartOverrides } from "../../src/main.js";
import { silentLogger } from "../../src/ports/logger.js";
import { createTestDatabase, type Provider } from "./databases.js";

export async function startTestBot(env: Record<string, string> = {}, overrides: StartOverrides = {}, provider: Provider = "sqlite") {
  const database = await createTestDatabase(provider);
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: "0",
    HOST: "127.0.0.1",
    TICKET_WEBHOOK_SECRET: "test-webhook-secret",
    CAGNOTTE_ADMINS: "boss@esn.example",
    LOG_LEVEL: "silent",
    // Scheduled jobs would post and open campaigns at start-up; tests that want them say so.
    CAGNOTTE_SCHEDULER: "off",
    ...env,
  });
  const bot = await start(config, { logger: silentLogger, outboxPollMs: 3_600_000, ...overrides });
  return {
    ...bot,
    async stop() {
      await bot.stop();
      await database.drop();
    },
  };
}
