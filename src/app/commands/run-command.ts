// The `cagnotte` command language, shared by Slack's slash command and Teams' typed commands.
// Parsing and permission checks live here so that both platforms behave the same; French command
// words (« statut », « aide », « retirer »…) are read as their English equivalents.
import { refusal } from "../../core/refusal.js";
import { canonicalArgument, canonicalCommand } from "../../i18n/index.js";
import { getHistory, readStatus } from "../get-status.js";
import { COMMAND_CHART_TTL_MS, quartersPotChart, withStatusChart } from "../charts/charts.js";
import { overrideCount } from "../override-count.js";
import { withdrawComment } from "../withdraw-comment.js";
import type { AppContext } from "../context.js";
import { isAdmin } from "../context.js";
import type { Actor, CommandReply } from "./replies.js";

export type CommandHandler = (ctx: AppContext, actor: Actor, args: string[]) => Promise<CommandReply>;

export interface CommandTable {
  /** Subcommands anyone may use. */
  everyone: Record<string, CommandHandler>;
  /** Subcommands for CAGNOTTE_ADMINS only. */
  management: Record<string, CommandHandler>;
}

export const refused = (code: Parameters<typeof refusal>[0], detail?: string): CommandReply => ({ kind: "refused", refusal: refusal(code, detail) });

const baseEveryone: Record<string, CommandHandler> = {
  // Management's status carries a chart of the pot (a picture link), everyone else's does not.
  status: async (ctx, actor) => {
    const { report, campaign } = await readStatus(ctx, { email: actor.email });
    return { kind: "status", report: await withStatusChart(ctx, report, campaign, actor.locale) };
  },
  help: async (ctx, actor) => ({ kind: "help", management: isAdmin(ctx, actor.email) }),
  withdraw: async (ctx, actor, args) => {
    const by = actor.personId ? { personId: actor.personId } : { platform: actor.platform, userId: actor.platformUserId };
    const r = await withdrawComment(ctx, { by, answerId: args[0] ?? null });
    if (!r.ok) return { kind: "refused", refusal: r.refusal };
    return { kind: "done", done: { kind: "comment-withdrawn", reversedCents: r.reversedCents, ...(r.keptCents > 0 ? { keptCents: r.keptCents } : {}) } };
  },
};

const baseManagement: Record<string, CommandHandler> = {
  history: async (ctx, actor) => ({ kind: "history", history: { ...(await getHistory(ctx)), chart: await quartersPotChart(ctx, { locale: actor.locale, ttlMs: COMMAND_CHART_TTL_MS }) } }),
  override: async (ctx, actor, args) => {
    const [answerId, ...reason] = args;
    if (!answerId) return refused("usage", "override <answer-id> <reason>");
    const r = await overrideCount(ctx, { actorEmail: actor.email ?? "", answerId, reason: reason.join(" ") });
    if (!r.ok) return refused(r.reason);
    return { kind: "done", done: { kind: "override-counted" } };
  },
};

/** The command table: the base commands plus those of other modules (built in main.ts). */
export function commandTable(...extra: Partial<CommandTable>[]): CommandTable {
  return {
    everyone: Object.assign({}, baseEveryone, ...extra.map((e) => e.everyone ?? {})),
    management: Object.assign({}, baseManagement, ...extra.map((e) => e.management ?? {})),
  };
}

export function tokenize(text: string): string[] {
  // Words, or "quoted phrases" for names with spaces: charity add "Les Amis du Village" https://…
  // Typographic quotes count too: phones and Teams turn " into « » or “ ”.
  return [...text.matchAll(/["“«]\s*([^"”»]*?)\s*["”»]|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
}

export async function runCommand(ctx: AppContext, table: CommandTable, actor: Actor, text: string): Promise<CommandReply> {
  const [first, ...rest] = tokenize(text.trim());
  const name = canonicalCommand(first ?? "status");
  // Keyword arguments in French too (association ajouter, moderation approuver); names and reasons unchanged.
  const args = rest.map((a, i) => (i === 0 ? canonicalArgument(a) : a));
  const open = table.everyone[name];
  if (open) return open(ctx, actor, args);
  const restricted = table.management[name];
  if (!restricted) return refused("unknown-command", first ?? name);
  if (!isAdmin(ctx, actor.email)) return refused("not-management");
  return restricted(ctx, actor, args);
}
