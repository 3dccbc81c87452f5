// Teams' own commands, joined to the shared command table: `channel` (management, typed in a team
// channel: the pot's progress goes there) and, in a local trial only, `demo` (closes a demo ticket
// for whoever types it, so that the survey arrives at once). Their replies are neutral
// CommandReplies, worded by the presenter like every other command's.
import type { AppContext } from "../../app/context.js";
import type { CommandHandler, CommandTable } from "../../app/commands/run-command.js";
import { refused } from "../../app/commands/run-command.js";
import type { Actor, CommandReply } from "../../app/commands/replies.js";
import { ticketClosed } from "../../app/ticket-closed.js";
import { ticketRef } from "../../core/ticket-ref.js";
import { textsFor } from "../../i18n/index.js";
import { saveProgressChannel } from "./team-channel.js";
import { EXPORT_USAGE, parseExportArgs } from "../../app/commands/management-commands.js";
import { EXPORT_LINK_TTL_MS, exportLink } from "../../app/management/export-links.js";

const DEMO_SOURCE = "demo";
const DEMO_EMAIL = "demo.user@example.com";

const channel: CommandHandler = async (ctx, actor) => {
  const where = actor.conversation;
  if (actor.platform !== "teams" || where?.kind !== "channel" || !where.reference) return refused("channel-only");
  await saveProgressChannel(ctx.store, where.reference, ctx.clock.now());
  ctx.logger.info({ by: actor.email }, "teams: progress channel set");
  return { kind: "done", done: { kind: "channel-set" } };
};

/** The sender is both requester and technician of a made-up ticket, in their own language. */
async function closeDemoTicket(ctx: AppContext, actor: Actor): Promise<CommandReply> {
  const person = actor.personId ? await ctx.store.people.findById(actor.personId) : null;
  const who = { email: actor.email ?? DEMO_EMAIL, name: person?.name ?? null };
  const texts = textsFor(actor.locale).chat;
  const now = ctx.clock.now();
  const ticketId = `DEMO-${now.getTime().toString(36).toUpperCase()}`;
  const result = await ticketClosed(ctx, {
    source: DEMO_SOURCE,
    ticketId,
    title: texts.demoTicketTitle,
    kind: ctx.rules.surveyedKinds[0] ?? "incident",
    closedAt: now,
    requester: who,
    technician: who,
    client: { id: "demo-client", name: texts.demoClientName },
  });
  return result.status === "scheduled"
    ? { kind: "done", done: { kind: "demo-scheduled", ticketRef: ticketRef({ source: DEMO_SOURCE, externalId: ticketId }) } }
    : { kind: "done", done: { kind: "demo-ignored", reason: result.reason } };
}

/**
 * `export` in Teams: a link to download the CSV (valid a few minutes, for this manager) instead of
 * the file, which a Teams message cannot carry. Slack keeps uploading the file itself.
 */
const exportAsLink: CommandHandler = async (ctx, actor, args) => {
  const parsed = parseExportArgs(args);
  if (!parsed) return refused("usage", EXPORT_USAGE);
  const r = await exportLink(ctx, { actorEmail: actor.email ?? "", kind: parsed.kind, campaignLabel: parsed.label, format: "csv" });
  if (!r.ok) return refused(r.reason);
  return { kind: "download", url: r.url, filename: r.filename, minutes: Math.round(EXPORT_LINK_TTL_MS / 60_000) };
};

export function teamsCommands(local: boolean): Partial<CommandTable> {
  return { management: { channel, export: exportAsLink }, everyone: local ? { demo: closeDemoTicket } : {} };
}

/** The shared table with Teams' commands added: Slack's table stays without them. */
export function withTeamsCommands(table: CommandTable, local: boolean): CommandTable {
  const own = teamsCommands(local);
  return { everyone: { ...table.everyone, ...own.everyone }, management: { ...table.management, ...own.management } };
}
