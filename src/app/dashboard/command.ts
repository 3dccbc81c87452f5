// `dashboard` (« tableau », « tableau-de-bord »): management asks the bot for a one-time sign-in link
// to the web dashboard. Slack answers ephemerally (the asker alone sees it); in Teams the link is
// only given in a personal chat, never in a channel or group where others would read it.
import type { CommandHandler, CommandTable } from "../commands/run-command.js";
import { refused } from "../commands/run-command.js";
import { DASHBOARD_LINK_MINUTES, requestDashboardLink } from "./sign-in.js";

const dashboard: CommandHandler = async (ctx, actor) => {
  if (actor.platform === "teams" && actor.conversation && actor.conversation.kind !== "personal") return refused("private-chat-only");
  const r = await requestDashboardLink(ctx, { email: actor.email, personId: actor.personId });
  if (!r.ok) return refused(r.reason);
  return { kind: "dashboard-link", url: r.url, expiresAt: r.expiresAt, minutes: DASHBOARD_LINK_MINUTES };
};

export const dashboardCommands: Partial<CommandTable> = { management: { dashboard } };
