// Slack tells the app when a workspace uninstalls it or revokes its tokens: forget that
// workspace's installation (OAuth), or say in the log that Slack deliveries will now fail.
import type { App } from "@slack/bolt";
import type { Logger } from "../../ports/logger.js";

export interface WorkspaceEventDeps {
  logger: Logger;
  /** Forgets an OAuth installation; absent in the single-token setup. */
  forget?: (query: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }) => Promise<void>;
}

export function registerWorkspaceEvents(app: App, deps: WorkspaceEventDeps): void {
  // `event`: Slack's event name, said in the log line.
  const handle = async (teamId: string | undefined, enterpriseId: string | undefined, isEnterpriseInstall: boolean, event: string) => {
    if (deps.forget) {
      await deps.forget({ teamId, enterpriseId, isEnterpriseInstall });
      deps.logger.warn({ teamId, enterpriseId }, `slack: ${event}; installation forgotten`);
    } else {
      deps.logger.error({ teamId }, `slack: ${event}; Slack deliveries will fail until the app is installed again and SLACK_BOT_TOKEN updated`);
    }
  };
  // One Bolt listener for both (Bolt runs every listener's chain for every request: block-actions.ts).
  app.event(/^(app_uninstalled|tokens_revoked)$/, async ({ event, context }) => {
    // Only the bot token matters when tokens are revoked; a revoked user token changes nothing for Cagnotte.
    if (event.type === "tokens_revoked" && !event.tokens.bot?.length) return;
    await handle(context.teamId, context.enterpriseId, !!context.isEnterpriseInstall, event.type);
  });
}
