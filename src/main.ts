// The only place where everything is built and wired: configuration, storage, use-case context,
// chat platform, outbox worker and HTTP server. `npm start` runs it.
import type { Server } from "node:http";
import { dirname, join } from "node:path";
import { pino } from "pino";
import { ConfigError, loadConfig, type Config } from "./config.js";
import type { AppContext } from "./app/context.js";
import { outboxWorker, type OutboxWorker } from "./app/outbox/outbox-worker.js";
import { createHttpApp } from "./adapters/http/http-app.js";
import { resolveWebhookSecret } from "./adapters/http/webhook-secret.js";
import { logChatPlatform } from "./adapters/log/log-chat-platform.js";
import { teamsAdapter } from "./adapters/teams/teams-adapter.js";
import { chatRouter } from "./adapters/chat-router.js";
import { commandTable } from "./app/commands/run-command.js";
import { migrateDatabase } from "./adapters/store/migrate.js";
import { openStore } from "./adapters/store/prisma-store.js";
import { sqliteFile } from "./adapters/store/prisma-client.js";
import { systemClock, type Clock } from "./ports/clock.js";
import type { ChatPlatform } from "./ports/chat-platform.js";
import type { Logger } from "./ports/logger.js";

export interface RunningBot {
  url: string;
  ctx: AppContext;
  worker: OutboxWorker;
  server: Server;
  stop(): Promise<void>;
}

export interface StartOverrides {
  clock?: Clock;
  logger?: Logger;
  platform?: ChatPlatform;
  /** Outbox polling interval; tests drain by hand with a long interval. */
  outboxPollMs?: number;
}

function dataDirOf(config: Config): string {
  return config.database.provider === "sqlite" ? dirname(sqliteFile(config.database.url)) : join(process.cwd(), "data");
}

function describeDatabase(config: Config): string {
  if (config.database.provider === "sqlite") return `SQLite file ${sqliteFile(config.database.url)}`;
  const url = new URL(config.database.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

function reportSettings(config: Config, logger: Logger, webhook: ReturnType<typeof resolveWebhookSecret>): void {
  logger.info(`database: ${describeDatabase(config)}`);
  if (webhook.source === "environment") logger.info("ticket webhook: POST /webhooks/tickets, secret from TICKET_WEBHOOK_SECRET");
  else logger.warn(`ticket webhook: TICKET_WEBHOOK_SECRET not set; ${webhook.created ? "generated a secret in" : "using the secret kept in"} ${webhook.file} (configure your helpdesk with it, or set TICKET_WEBHOOK_SECRET)`);
  if (config.slack) logger.info(`slack: configured${config.slack.apiUrl ? ` (Web API at ${config.slack.apiUrl})` : ""}`);
  else logger.warn("slack: not configured; set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it");
  if (config.teams?.local) logger.warn("teams: LOCAL MODE, authentication OFF (TEAMS_LOCAL=true); for local trials only");
  else if (config.teams) logger.info(`teams: configured (${config.teams.appType})`);
  else logger.warn("teams: not configured; set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to enable it");
  if (!config.slack && !config.teams) logger.warn("no chat platform: surveys and praise are written to this log instead of being sent");
  if (config.admins.length === 0) logger.warn("management: CAGNOTTE_ADMINS is empty; nobody can use the management commands");
  else logger.info(`management: ${config.admins.length} address(es) in CAGNOTTE_ADMINS`);
}

export async function start(config: Config, overrides: StartOverrides = {}): Promise<RunningBot> {
  const logger: Logger = overrides.logger ?? pino({ level: config.logLevel, base: { app: "cagnotte" } });
  if (config.database.autoMigrate) {
    const { applied } = await migrateDatabase(config.database.url);
    logger.info(applied.length ? `database: applied ${applied.length} migration(s)` : "database: schema up to date");
  }
  const store = await openStore(config.database.url);
  const ctx: AppContext = {
    store,
    clock: overrides.clock ?? systemClock,
    logger,
    rules: config.rules,
    publicUrl: config.publicUrl,
    admins: config.admins,
  };
  const webhook = resolveWebhookSecret(config.ticketWebhookSecret, join(dataDirOf(config), "ticket-webhook-secret"));
  reportSettings(config, logger, webhook);

  const commands = commandTable();
  const teams = config.teams ? teamsAdapter(ctx, config.teams, commands) : null;
  const platforms = [teams?.platform].filter((p): p is ChatPlatform => !!p);
  const platform = overrides.platform ?? (platforms.length ? chatRouter(platforms) : logChatPlatform(logger));
  const worker = outboxWorker(ctx, platform, { pollMs: overrides.outboxPollMs ?? 1_000 });
  const app = createHttpApp(ctx, { ticketWebhookSecret: webhook.secret, routers: [teams?.router].filter((r) => !!r) });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once("error", reject);
  });
  worker.start();
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  logger.info(`listening on ${url} (public URL ${config.publicUrl})`);

  return {
    url,
    ctx,
    worker,
    server,
    async stop() {
      await worker.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    // eslint-disable-next-line no-restricted-syntax -- the entry point hands the environment to loadConfig, once
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`cagnotte: configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const bot = await start(config);
  const shutdown = (signal: string) => {
    bot.ctx.logger.info(`${signal}: shutting down`);
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`cagnotte: failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
