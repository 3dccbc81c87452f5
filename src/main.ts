// The only place where everything is built and wired: configuration, storage, use-case context,
// chat platform, outbox worker and HTTP server. `npm start` runs it.
import type { Server } from "node:http";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { pino, type DestinationStream } from "pino";
import { ConfigError, loadConfig, type Config } from "./config.js";
import type { AppContext } from "./app/context.js";
import { outboxWorker, type OutboxWorker } from "./app/outbox/outbox-worker.js";
import { createHttpApp } from "./adapters/http/http-app.js";
import { helpdeskConnectors } from "./adapters/helpdesks/index.js";
import type { Helpdesk } from "./ports/helpdesk.js";
import { requestScopedLogger } from "./adapters/http/request-context.js";
import { instrumentedPlatform } from "./adapters/metrics/instrumented-platform.js";
import { prometheusMetrics } from "./adapters/metrics/prometheus.js";
import { outboxStats } from "./adapters/store/outbox-stats.js";
import { resolveWebhookSecret } from "./adapters/http/webhook-secret.js";
import { logChatPlatform } from "./adapters/log/log-chat-platform.js";
import { migrateDatabase } from "./adapters/store/migrate.js";
import { openStore } from "./adapters/store/prisma-store.js";
import { sqliteFile } from "./adapters/store/prisma-client.js";
import { systemClock, type Clock } from "./ports/clock.js";
import type { ChatPlatform } from "./ports/chat-platform.js";
import type { Logger } from "./ports/logger.js";
import { commandTable, type CommandTable } from "./app/commands/run-command.js";
import { dashboardCommands } from "./app/dashboard/command.js";
import { managementCommands } from "./app/commands/management-commands.js";
import { mailCommands } from "./app/commands/mail-commands.js";
import { unsubscribeRouter } from "./adapters/http/unsubscribe-router.js";
import type { MailChannel } from "./ports/mail-channel.js";
import { createScheduler, type Scheduler } from "./jobs/scheduler.js";
import { ensureFirstCharity } from "./app/management/charities.js";
import { boundHeapGrowth } from "./adapters/runtime/heap-growth.js";

export interface RunningBot {
  url: string;
  ctx: AppContext;
  worker: OutboxWorker;
  server: Server;
  /** The `cagnotte` command table the chat adapters run commands through. */
  commands: CommandTable;
  /** Scheduled jobs; null when CAGNOTTE_SCHEDULER=off or disabled by the overrides. */
  scheduler: Scheduler | null;
  stop(): Promise<void>;
}

export interface StartOverrides {
  clock?: Clock;
  logger?: Logger;
  platform?: ChatPlatform;
  /** Several platforms, in the order a person is tried (wins over `platform`). */
  platforms?: readonly ChatPlatform[];
  /** Outbox polling interval; tests drain by hand with a long interval. */
  outboxPollMs?: number;
  /** Outbox lease (renewed while sending; after a crash, the message in flight is due again this much later). */
  outboxLeaseMs?: number;
  /** false: do not run the scheduled jobs in this process (whatever CAGNOTTE_SCHEDULER says). */
  scheduler?: boolean;
  /** Outbox messages in flight at once (8). */
  outboxConcurrency?: number;
  /** Benchmarks against a fake Slack on a faster clock: Slack's windows and Retry-After × this (1). */
  slackTimeScale?: number;
  /** Process metrics (CPU, memory, event loop) in GET /metrics: on for `npm start`, off in tests. */
  processMetrics?: boolean;
  /** The e-mail channel instead of the one SMTP_URL configures (null: none, whatever SMTP_URL says). */
  mail?: MailChannel | null;
}

/**
 * JSON lines for log collectors, written to stdout synchronously: a line logged before a crash or a
 * kill -9 is in the journal (pino's default buffers them). Readable lines when a person watches a
 * terminal. `destination`: where tests capture them.
 */
export function createLogger(config: Pick<Config, "logLevel">, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, base: { app: "cagnotte" } };
  if (destination) return pino(options, destination);
  if (process.stdout.isTTY) return pino({ ...options, transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,app" } } });
  return pino(options, pino.destination({ dest: 1, sync: true }));
}

/** How long SIGTERM waits for the bot to stop before exiting anyway (systemd's default is 90 s). */
const SHUTDOWN_LIMIT_MS = 15_000;

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
  if (config.slack) {
    const s = config.slack;
    logger.info(`slack: ${s.appToken ? "Socket Mode" : "HTTP at POST /slack/events"}${s.oauth ? ", OAuth install at GET /slack/install" : ""}${s.apiUrl ? ` (Web API at ${s.apiUrl})` : ""}`);
    if (!s.teamChannel) logger.warn("slack: SLACK_TEAM_CHANNEL not set; the pot's progress is not posted to a team channel");
  } else logger.warn("slack: not configured; set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it");
  if (config.teams?.local) logger.warn("teams: LOCAL MODE, authentication OFF (TEAMS_LOCAL=true); for local trials only");
  else if (config.teams) logger.info(`teams: configured (${config.teams.appType}) at POST /api/messages`);
  else logger.warn("teams: not configured; set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to enable it");
  if (config.mail) logger.info(`e-mail: surveys by e-mail through ${config.mail.host} when no chat platform reaches the requester (and first for clients set to e-mail first)`);
  else logger.info("e-mail: not configured; set SMTP_URL and MAIL_FROM to send surveys by e-mail to requesters outside Slack and Teams");
  if (!config.slack && !config.teams) logger.warn(`no chat platform: ${config.mail ? "surveys go by e-mail; praise and posts" : "surveys and praise"} are written to this log instead of being sent`);
  if (config.admins.length === 0) logger.warn("management: CAGNOTTE_ADMINS is empty; nobody can use the management commands");
  else logger.info(`management: ${config.admins.length} address(es) in CAGNOTTE_ADMINS`);
  if (!config.firstCharity) logger.info("charity: CAGNOTTE_CHARITY not set; management adds charities with `charity add \"Name\" [url]`");
}

function reportHelpdesks(config: Config, logger: Logger, helpdesks: AppContext["helpdesks"]): void {
  for (const helpdesk of helpdesks ?? []) {
    const api = config[helpdesk.name]?.api ? "API set" : `API not set, so e-mails come only from the webhook's body (npm run connector:check -- ${helpdesk.name})`;
    logger.info(`helpdesk ${helpdesk.name}: webhook at POST /webhooks/${helpdesk.name}; ${api}; write-back ${helpdesk.writeBack ? "on" : "off"}; survey link ${helpdesk.surveyLink ? "on" : "off"}`);
  }
  const settings = [
    ["CAGNOTTE_WRITE_BACK", config.writeBack, (h: Helpdesk) => h.writeBack !== null, "nothing is written back"],
    ["CAGNOTTE_HELPDESK_SURVEY_LINK", config.surveyLink.helpdesks, (h: Helpdesk) => h.surveyLink !== null, "no survey link is written on its tickets"],
  ] as const;
  for (const [variable, setting, enabled, consequence] of settings) {
    if (setting === "off") continue;
    const wanted = setting === "on" ? (helpdesks ?? []).map((h) => h.name) : setting;
    for (const name of wanted) {
      const helpdesk = helpdesks?.find((h) => h.name === name);
      if (!helpdesk || !enabled(helpdesk)) logger.warn(`helpdesk ${name}: ${variable} names it but its webhook or API settings are missing; ${consequence} (npm run connector:check -- ${name})`);
    }
  }
}

/** The first hour: what to try once the bot runs (log lines, for whoever started it). */
function reportNextSteps(config: Config, logger: Logger, webhook: ReturnType<typeof resolveWebhookSecret>): void {
  const secret = webhook.source === "environment" ? "$TICKET_WEBHOOK_SECRET" : `$(cat ${webhook.file})`;
  const lines = [
    "next steps:",
    `  1. close a test ticket: see README "Try it" (POST ${config.publicUrl}/webhooks/tickets, signed with ${secret})`,
    `  2. open the surveyUrl it answers (${config.publicUrl}/s/…) to answer the survey in a browser`,
    `  3. GET ${config.publicUrl}/api/pot shows the pot; in chat, \`/cagnotte status\` (Slack) or \`cagnotte status\` (Teams)`,
    config.teams?.local ? "  4. Teams local mode: chat with the bot in Agents Playground (npm run playground), type `demo`" : "  4. try Teams locally without Microsoft's cloud: TEAMS_LOCAL=true npm start, then npm run playground",
  ];
  logger.info(lines.join("\n"));
}

async function loadSlack() {
  const [app, install, installations] = await Promise.all([
    import("./adapters/slack/slack-app.js"),
    import("./adapters/slack/install-link.js"),
    import("./adapters/store/slack-installation-repository.js"),
  ]);
  return { createSlackAdapter: app.createSlackAdapter, slackInstallCommands: install.slackInstallCommands, slackInstallationRepository: installations.slackInstallationRepository };
}

export async function start(config: Config, overrides: StartOverrides = {}): Promise<RunningBot> {
  // Inside an HTTP request, every line carries the request's id (src/adapters/http/request-context.ts).
  const logger: Logger = requestScopedLogger(overrides.logger ?? createLogger(config));
  if (config.database.autoMigrate) {
    const { applied } = await migrateDatabase(config.database.url);
    logger.info(applied.length ? `database: applied ${applied.length} migration(s)` : "database: schema up to date");
  }
  const store = await openStore(config.database.url);
  const clock = overrides.clock ?? systemClock;
  const prometheus = prometheusMetrics({ outboxStats: outboxStats(store.db), now: () => clock.now(), logger, processMetrics: overrides.processMetrics ?? false });
  const ctx: AppContext = {
    store,
    clock,
    logger,
    rules: config.rules,
    publicUrl: config.publicUrl,
    admins: config.admins,
    metrics: prometheus.metrics,
  };
  // The helpdesks' webhooks use ctx; write-back (answers, outbox) finds them in ctx.helpdesks.
  const helpdesks = helpdeskConnectors(ctx, config);
  ctx.helpdesks = helpdesks.map((c) => c.helpdesk);
  const webhook = resolveWebhookSecret(config.ticketWebhookSecret, join(dataDirOf(config), "ticket-webhook-secret"));
  reportSettings(config, logger, webhook);
  reportHelpdesks(config, logger, ctx.helpdesks);
  const firstCharity = await ensureFirstCharity(ctx, config.firstCharity);
  if (firstCharity) logger.info(`charity: ${firstCharity} (CAGNOTTE_CHARITY) is the first charity`);

  // The platform SDKs (Bolt, botbuilder: about 80 MiB together) load only when configured.
  const slackModules = config.slack ? await loadSlack() : null;
  const slackOauth = config.slack?.oauth;
  const commands = commandTable(managementCommands, mailCommands, dashboardCommands, ...(slackModules && slackOauth ? [slackModules.slackInstallCommands(config.publicUrl, slackOauth.stateSecret)] : []));
  const slack =
    slackModules && config.slack
      ? slackModules.createSlackAdapter(ctx, commands, config.slack, { installations: slackModules.slackInstallationRepository(store.db), timeScale: overrides.slackTimeScale })
      : null;
  const teams = config.teams ? (await import("./adapters/teams/teams-adapter.js")).teamsAdapter(ctx, config.teams, commands) : null;
  // Slack first: it finds people by e-mail; Teams reaches only those it has met.
  const platforms = [slack?.platform, teams?.platform].filter((p): p is ChatPlatform => !!p);
  const mail =
    overrides.mail !== undefined
      ? overrides.mail
      : config.mail
        ? // nodemailer (about 15 MiB) loads only when e-mail is configured
          (await import("./adapters/mail/smtp-mail-channel.js")).smtpMailChannel(config.mail, { defaultLocale: config.rules.defaultLocale, timeZone: config.rules.timeZone, milestoneCents: config.rules.milestoneCents }, { logger, metrics: prometheus.metrics })
        : null;
  const chatPlatforms = (overrides.platforms ?? (overrides.platform ? [overrides.platform] : platforms.length ? platforms : [logChatPlatform(logger, { surveysByMail: mail !== null })])).map((p) =>
    instrumentedPlatform(p, prometheus.metrics),
  );
  const worker = outboxWorker(ctx, chatPlatforms, { mail, pollMs: overrides.outboxPollMs ?? 1_000, ...(overrides.outboxLeaseMs ? { leaseMs: overrides.outboxLeaseMs } : {}), ...(overrides.outboxConcurrency ? { concurrency: overrides.outboxConcurrency } : {}) });
  const app = createHttpApp(ctx, {
    ticketWebhookSecret: webhook.secret,
    helpdesks,
    retentionDays: config.schedule.retentionDays,
    middleware: [prometheus.httpMiddleware],
    // Slack's and Teams' first: each router a request passes through costs Express a walk of its routes.
    routers: [...(slack?.routers ?? []), ...(teams ? [teams.router] : []), prometheus.router, unsubscribeRouter(ctx)],
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once("error", reject);
  });
  await slack?.start();
  worker.start();
  // Each process has its own lease holder name: on one database, one of them runs each job.
  const scheduler =
    config.schedule.enabled && overrides.scheduler !== false
      ? createScheduler({ ...ctx, schedule: config.schedule }, { holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` })
      : null;
  if (scheduler) logger.info(`schedules: on (time zone ${config.rules.timeZone}; reminders after ${config.schedule.reminderDelayHours} h in business hours)`);
  else logger.info("schedules: off in this process (CAGNOTTE_SCHEDULER=off)");
  await scheduler?.start();
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;
  logger.info(`listening on ${url} (public URL ${config.publicUrl})`);
  reportNextSteps(config, logger, webhook);

  return {
    url,
    ctx,
    worker,
    server,
    commands,
    scheduler,
    async stop() {
      await scheduler?.stop();
      await worker.stop();
      await slack?.stop();
      mail?.close?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/** Reads the environment, starts the bot, and stops it cleanly on SIGINT or SIGTERM. */
export async function main(): Promise<void> {
  // The process is ours (tests start bots in theirs): its heap grows to at most twice what is alive.
  boundHeapGrowth();
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
  const bot = await start(config, { processMetrics: true });
  const shutdown = (signal: string) => {
    bot.ctx.logger.info(`${signal}: shutting down`);
    // Whatever hangs (a database that no longer answers, a Slack call), the process ends.
    setTimeout(() => {
      bot.ctx.logger.error(`${signal}: not stopped after ${SHUTDOWN_LIMIT_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        bot.ctx.logger.error({ err: error }, `${signal}: shutdown failed`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

// Run directly (`node dist/main.js`, `tsx src/main.ts`); scripts/start.mjs imports and calls main().
if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`cagnotte: failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
