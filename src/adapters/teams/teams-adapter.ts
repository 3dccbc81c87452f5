// Builds the Teams side: botbuilder's CloudAdapter behind POST /api/messages on the bot's own
// HTTP server, the activity handler, and the ChatPlatform that sends proactive cards.
import express, { Router } from "express";
import { CallerIdConstants, CloudAdapter, type TurnContext } from "botbuilder";
import { AuthenticationConstants } from "botframework-connector";
import { CONNECTOR_TIMEOUT_MS, NoRetryBotFrameworkAuthentication } from "./connector-without-retries.js";
import type { AppContext } from "../../app/context.js";
import type { CommandTable } from "../../app/commands/run-command.js";
import type { Config } from "../../config.js";
import type { ChatPlatform } from "../../ports/chat-platform.js";
import { ConversationPacer, type PacerClock } from "./pacing.js";
import { CagnotteTeamsBot } from "./teams-bot.js";
import { textsFor } from "../../i18n/index.js";
import { teamsPlatform } from "./teams-platform.js";
import { withTeamsCommands } from "./teams-commands.js";
import { readerLocale } from "./teams-presentation.js";
import { refuseNonActivity } from "./activity-shape.js";
import { withLibraryConsole } from "./library-console.js";

export type TeamsSettings = NonNullable<Config["teams"]>;

export interface TeamsAdapter {
  router: Router;
  platform: ChatPlatform;
}

export interface TeamsAdapterDeps {
  /** Where the Bot Framework's signing keys are published (tests serve their own). */
  openIdMetadataUrl?: string;
}

export function teamsAdapter(ctx: AppContext, settings: TeamsSettings, commands: CommandTable, deps: TeamsAdapterDeps = {}): TeamsAdapter {
  const log = ctx.logger.child({ component: "teams" });
  const auth = new NoRetryBotFrameworkAuthentication(
    {
      MicrosoftAppId: settings.local ? "" : settings.appId,
      MicrosoftAppPassword: settings.local ? "" : (settings.appPassword ?? ""),
      MicrosoftAppType: settings.appType,
      MicrosoftAppTenantId: settings.tenantId ?? "",
      // One parameter set means all of them (BotFrameworkAuthenticationFactory): the public cloud's, but the keys.
      ...(deps.openIdMetadataUrl
        ? {
            ToBotFromChannelOpenIdMetadataUrl: deps.openIdMetadataUrl,
            ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
            ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
            ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
            OAuthUrl: AuthenticationConstants.OAuthUrl,
            ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
            CallerId: CallerIdConstants.PublicAzureChannel,
            ValidateAuthority: true,
          }
        : {}),
    },
    CONNECTOR_TIMEOUT_MS,
    (reason) => log.warn({ reason }, "teams: request refused (401): not authenticated"),
  );
  const adapter = new CloudAdapter(auth);
  const sender = { adapter, appId: settings.local ? "" : settings.appId, pacer: new ConversationPacer(undefined, pacerClock(ctx), (ms) => ctx.metrics?.rateLimitWait("teams", "pacing", ms)) };
  const bot = new CagnotteTeamsBot({ ctx, commands: withTeamsCommands(commands, settings.local), sender, local: settings.local });

  adapter.onTurnError = async (turn: TurnContext, error: unknown) => {
    // Never log the activity itself: it may hold a comment.
    ctx.logger.error({ err: error, type: turn.activity.type, name: turn.activity.name }, "teams: turn failed");
    const locale = readerLocale(ctx, null, turn.activity.locale);
    if (turn.activity.type === "message") await turn.sendActivity(textsFor(locale).refusals["something-wrong"]("")).catch(() => undefined);
  };

  if (settings.local) {
    ctx.logger.warn("teams: LOCAL MODE (TEAMS_LOCAL=true): /api/messages accepts activities WITHOUT AUTHENTICATION. For local trials only; never expose this port.");
  }

  const router = Router();
  router.post("/api/messages", express.json({ limit: "256kb" }), refuseNonActivity, async (req, res) => {
    // botbuilder's own console lines (stack traces) go to the JSON log, not to stdout/stderr.
    await withLibraryConsole(log, () => adapter.process(req, res, (turn) => bot.run(turn)));
  });
  return { router, platform: teamsPlatform(ctx, sender) };
}

/** The pacer counts on the application's clock (the outbox's): a 429 pause ends when the outbox brings the message back. */
function pacerClock(ctx: AppContext): PacerClock {
  return { now: () => ctx.clock.now().getTime(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
}
