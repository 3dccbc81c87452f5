// Builds the Slack side of the bot: Bolt on the shared Express server at /slack/events (signatures
// verified by the receiver), or Socket Mode when SLACK_APP_TOKEN is set; the OAuth install flow
// for client workspaces when SLACK_CLIENT_ID… are set; the handlers; and the ChatPlatform the
// outbox delivers through.
import { App, ExpressReceiver, SocketModeReceiver, type InstallationQuery, type Receiver } from "@slack/bolt";
import type { Router } from "express";
import type { AppContext } from "../../app/context.js";
import type { CommandTable } from "../../app/commands/run-command.js";
import type { ChatPlatform } from "../../ports/chat-platform.js";
import type { HelpExtras } from "../../presenter/index.js";
import type { SlackInstallationRepository } from "../../ports/slack-installations.js";
import { boltLogger } from "./bolt-logger.js";
import { dedupeMiddleware } from "./dedupe.js";
import { identityCache } from "./identity.js";
import { installRouter, INSTALL_PATH, REDIRECT_PATH, type InstallPathHandler } from "./install-link.js";
import { databaseInstallationStore, homeWorkspace, type HomeWorkspace } from "./installation-store.js";
import { channelPacer, measuredPacer } from "./pacing.js";
import { blockActions } from "./block-actions.js";
import { registerCommandHandlers } from "./slash-command.js";
import { slackPlatform } from "./slack-platform.js";
import { registerSurveyHandlers } from "./survey-actions.js";
import { registerWorkspaceEvents, type WorkspaceEventDeps } from "./workspace-events.js";
import { outboxClient, withSlash, type WebClient } from "./web-client.js";
import { ackDeadline, eventsGuard, refuseMalformed, slackConnection, SLACK_BODY_LIMIT } from "./resilience.js";
import { clientsByToken, oauthWorkspaces, singleWorkspace, type SlackWorkspaces } from "./workspaces.js";
import type { Config } from "../../config.js";

/**
 * Every Bolt app here: auth.test is deferred to start() (retried there, resilience.ts), and Bolt's
 * in-memory conversation store is off — nothing reads context.conversation, and its lookup builds
 * (and throws away) an Error with a stack trace for every request.
 */
const APP_OPTIONS = { deferInitialization: true, convoStore: false } as const;

/** The Slack part of the configuration (src/config.ts), as the adapter receives it. */
export type SlackSettings = NonNullable<Config["slack"]>;

export interface SlackAdapter {
  platform: ChatPlatform;
  /** Mounted on the HTTP server (empty in Socket Mode). */
  routers: Router[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const SLACK_EVENTS_PATH = "/slack/events";
/** Keep in line with manifest/slack/manifest.yml (a test checks it). */
export const BOT_SCOPES = ["commands", "chat:write", "im:write", "channels:join", "users:read", "users:read.email", "files:write"];

function handlerClientOptions(apiUrl: string | null) {
  // Handlers answer a person waiting for the screen to change: retry once, briefly, not for minutes,
  // and never wait on a Slack that accepts the connection but does not answer.
  return { ...(apiUrl ? { slackApiUrl: withSlash(apiUrl) } : {}), timeout: 1_000, retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 500 } };
}

/** Over HTTP: a body Bolt cannot read is refused with 400, and at most SLACK_BODY_LIMIT is read. */
function receiverOptions(ctx: AppContext) {
  return { processBeforeResponse: true, bodyLimit: SLACK_BODY_LIMIT, processEventErrorHandler: refuseMalformed(ctx.logger.child({ component: "slack" })) };
}

/** GovSlack and test servers: the authorize page lives next to the Web API. */
function authorizationUrl(apiUrl: string | null): string | undefined {
  return apiUrl ? withSlash(apiUrl).replace(/api\/$/, "oauth/v2/authorize") : undefined;
}

export interface SlackAdapterDeps {
  /** Needed for the OAuth install flow (several workspaces). */
  installations?: SlackInstallationRepository;
  /** Benchmarks against a fake Slack on a faster clock: Slack's windows and Retry-After × this (1). */
  timeScale?: number;
  /** Waits between attempts to reach Slack at start-up (tests shorten them). */
  connectRetryMs?: readonly number[];
}

export function createSlackAdapter(ctx: AppContext, commands: CommandTable, settings: SlackSettings, deps: SlackAdapterDeps = {}): SlackAdapter {
  const logger = boltLogger(ctx.logger);
  const outbox = clientsByToken((token) => outboxClient(token, { apiUrl: settings.apiUrl, logger: ctx.logger }));
  const home = outbox(settings.botToken);
  const clientOptions = handlerClientOptions(settings.apiUrl);
  let app: App;
  let routers: Router[] = [];
  let workspaces: SlackWorkspaces = singleWorkspace(home);
  // One workspace: every signed request comes from it. Several: only the home one is trusted.
  let trustedTeam = async (_teamId: string | undefined) => true;
  let forget: WorkspaceEventDeps["forget"];
  if (settings.appToken) {
    // The installer's client options are the ones Bolt gives the socket client (apps.connections.open).
    const socketClientOptions = settings.apiUrl ? { slackApiUrl: withSlash(settings.apiUrl) } : {};
    const receiver: Receiver = new SocketModeReceiver({ appToken: settings.appToken, logger, installerOptions: { clientOptions: socketClientOptions } });
    app = new App({ receiver, token: settings.botToken, logger, clientOptions, ...APP_OPTIONS });
  } else if (settings.oauth && deps.installations) {
    const built = oauthApp(ctx, settings, { logger, clientOptions, installations: deps.installations, home });
    app = built.app;
    routers = built.routers;
    trustedTeam = async (teamId) => teamId !== undefined && teamId === (await built.home()).teamId;
    forget = built.forget;
    workspaces = oauthWorkspaces({ home, people: ctx.store.people, installations: deps.installations, clientFor: outbox });
  } else {
    if (!settings.signingSecret) throw new Error("Slack over HTTP needs SLACK_SIGNING_SECRET");
    const receiver = new ExpressReceiver({ signingSecret: settings.signingSecret, endpoints: SLACK_EVENTS_PATH, logger, ...receiverOptions(ctx) });
    // Deferred: auth.test runs in start(), after the HTTP server is up, and is retried (resilience.ts).
    app = new App({ receiver, token: settings.botToken, logger, clientOptions, ...APP_OPTIONS });
    routers = [receiver.router as Router];
  }
  // slack-install only exists with the OAuth install (main.ts adds it to the table then).
  const connection = slackConnection(app, { logger: ctx.logger, socketMode: !!settings.appToken, ...(deps.connectRetryMs ? { retryMs: deps.connectRetryMs } : {}) });
  wireHandlers(app, ctx, commands, trustedTeam, settings.oauth ? { management: ["slackInstall"] } : {});
  registerWorkspaceEvents(app, { logger: ctx.logger, forget });
  const timeScale = deps.timeScale ?? 1;
  // One post a second per channel, and a margin for timers and the network: 10 %, at least 50 ms.
  const pacer = measuredPacer(channelPacer(Math.max(1_100 * timeScale, 1_000 * timeScale + 50)), (ms) => ctx.metrics?.rateLimitWait("slack", "pacing", ms));
  const platform = slackPlatform({ ctx, workspaces, teamChannel: settings.teamChannel, pacer, timeScale });
  return {
    platform,
    // Over HTTP the shared Express server is the receiver's server; the guard goes first.
    routers: routers.length ? [eventsGuard(SLACK_EVENTS_PATH, connection.ready), ...routers] : [],
    start: () => connection.start(),
    stop: () => connection.stop(),
  };
}

function oauthApp(
  ctx: AppContext,
  settings: SlackSettings,
  deps: { logger: ReturnType<typeof boltLogger>; clientOptions: ReturnType<typeof handlerClientOptions>; installations: SlackInstallationRepository; home: WebClient },
): { app: App; routers: Router[]; home: () => Promise<HomeWorkspace>; forget: NonNullable<WorkspaceEventDeps["forget"]> } {
  const oauth = settings.oauth!;
  if (!settings.signingSecret) throw new Error("Slack OAuth needs SLACK_SIGNING_SECRET");
  const redirectUri = `${ctx.publicUrl}${REDIRECT_PATH}`;
  const home = homeWorkspace(deps.home, settings.botToken);
  const installationStore = databaseInstallationStore({ repo: deps.installations, clients: ctx.store.clients, clock: ctx.clock, home });
  const url = authorizationUrl(settings.apiUrl);
  const receiver = new ExpressReceiver({
    signingSecret: settings.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger: deps.logger,
    ...receiverOptions(ctx),
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: BOT_SCOPES,
    redirectUri,
    installationStore,
    installerOptions: {
      directInstall: true,
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      clientOptions: settings.apiUrl ? { slackApiUrl: withSlash(settings.apiUrl) } : {},
      ...(url ? { authorizationUrl: url } : {}),
    },
  });
  const app = new App({ receiver, logger: deps.logger, clientOptions: deps.clientOptions, ...APP_OPTIONS });
  const installer = receiver.installer as unknown as InstallPathHandler;
  // Our signed install path is mounted first, so it answers /slack/install instead of Bolt's own.
  const forget = async (query: Parameters<NonNullable<WorkspaceEventDeps["forget"]>>[0]) => {
    await installationStore.deleteInstallation?.({ teamId: query.teamId, enterpriseId: query.enterpriseId, isEnterpriseInstall: query.isEnterpriseInstall } as InstallationQuery<boolean>);
  };
  return { app, home, forget, routers: [installRouter(installer, { secret: oauth.stateSecret, scopes: BOT_SCOPES, redirectUri, defaultLocale: ctx.rules.defaultLocale }), receiver.router as Router] };
}

function wireHandlers(app: App, ctx: AppContext, commands: CommandTable, trustedTeam: (teamId: string | undefined) => Promise<boolean>, helpExtras: HelpExtras): void {
  const identities = identityCache();
  // First: whatever the handlers wait for, Slack has its acknowledgement within 3 s.
  app.use(ackDeadline(ctx.logger.child({ component: "slack" })));
  app.use(dedupeMiddleware());
  const actions = blockActions(app);
  registerSurveyHandlers(app, { ctx, identities, actions });
  registerCommandHandlers(app, { ctx, identities, commands, trustedTeam, helpExtras, actions });
  app.error(async (error) => {
    // Bolt has already answered Slack; say what failed without the payload (it may hold comments).
    ctx.logger.error({ err: { message: error.message, code: (error as { code?: string }).code } }, "slack handler failed");
  });
}
