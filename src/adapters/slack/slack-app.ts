// Builds the Slack side of the bot: Bolt on the shared Express server at /slack/events (signatures
// verified by the receiver), or Socket Mode when SLACK_APP_TOKEN is set; the handlers; and the
// ChatPlatform the outbox delivers through.
import { App, ExpressReceiver, SocketModeReceiver, type Receiver } from "@slack/bolt";
import type { Router } from "express";
import type { AppContext } from "../../app/context.js";
import type { CommandTable } from "../../app/commands/run-command.js";
import type { ChatPlatform } from "../../ports/chat-platform.js";
import { boltLogger } from "./bolt-logger.js";
import { dedupeMiddleware } from "./dedupe.js";
import { identityCache } from "./identity.js";
import { channelPacer } from "./pacing.js";
import { registerCommandHandlers } from "./slash-command.js";
import { slackPlatform } from "./slack-platform.js";
import { registerSurveyHandlers } from "./survey-actions.js";
import { outboxClient, withSlash } from "./web-client.js";
import { singleWorkspace, type SlackWorkspaces } from "./workspaces.js";

export interface SlackSettings {
  botToken: string | null;
  signingSecret: string | null;
  apiUrl: string | null;
  teamChannel: string | null;
  /** SLACK_APP_TOKEN: Socket Mode instead of HTTP (no public URL needed). */
  appToken: string | null;
  oauth: { clientId: string; clientSecret: string; stateSecret: string } | null;
}

export interface SlackAdapter {
  platform: ChatPlatform;
  /** Mounted on the HTTP server (empty in Socket Mode). */
  routers: Router[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const SLACK_EVENTS_PATH = "/slack/events";

function handlerClientOptions(apiUrl: string | null) {
  // Handlers answer a person waiting for the screen to change: retry once, briefly, not for minutes.
  return { ...(apiUrl ? { slackApiUrl: withSlash(apiUrl) } : {}), retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 500 } };
}

export function createSlackAdapter(ctx: AppContext, commands: CommandTable, settings: SlackSettings): SlackAdapter {
  if (!settings.botToken) throw new Error("Slack needs SLACK_BOT_TOKEN");
  const logger = boltLogger(ctx.logger);
  let receiver: Receiver;
  let routers: Router[] = [];
  if (settings.appToken) {
    receiver = new SocketModeReceiver({ appToken: settings.appToken, logger });
  } else {
    if (!settings.signingSecret) throw new Error("Slack over HTTP needs SLACK_SIGNING_SECRET");
    const express = new ExpressReceiver({ signingSecret: settings.signingSecret, endpoints: SLACK_EVENTS_PATH, processBeforeResponse: true, logger });
    receiver = express;
    routers = [express.router as Router];
  }
  const botToken = settings.botToken;
  const app = new App({ receiver, token: botToken, logger, clientOptions: handlerClientOptions(settings.apiUrl) });
  wireHandlers(app, ctx, commands);
  const workspaces: SlackWorkspaces = singleWorkspace(outboxClient(settings.botToken, { apiUrl: settings.apiUrl }));
  const platform = slackPlatform({ ctx, workspaces, teamChannel: settings.teamChannel, pacer: channelPacer() });
  return {
    platform,
    routers,
    // Over HTTP the shared Express server is the receiver's server: nothing to start here.
    start: async () => {
      if (settings.appToken) await app.start();
    },
    stop: async () => {
      if (settings.appToken) await app.stop();
    },
  };
}

function wireHandlers(app: App, ctx: AppContext, commands: CommandTable): void {
  const identities = identityCache();
  app.use(dedupeMiddleware());
  registerSurveyHandlers(app, { ctx, identities });
  registerCommandHandlers(app, { ctx, identities, commands });
  app.error(async (error) => {
    // Bolt has already answered Slack; say what failed without the payload (it may hold comments).
    ctx.logger.error({ err: { message: error.message, code: (error as { code?: string }).code } }, "slack handler failed");
  });
}
