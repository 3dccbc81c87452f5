// The `cagnotte` command language, shared by Slack's slash command and Teams' typed commands.
// Parsing and permission checks live here so that both platforms behave the same.
import { getHistory, getStatus } from "../get-status.js";
import { overrideCount } from "../override-count.js";
import { withdrawComment } from "../withdraw-comment.js";
import type { AppContext } from "../context.js";
import { isAdmin } from "../context.js";
import type { Actor, CommandReply } from "./replies.js";
import { refusal } from "./refusals.js";

export type CommandHandler = (ctx: AppContext, actor: Actor, args: string[]) => Promise<CommandReply>;

export interface CommandTable {
  /** Subcommands anyone may use. */
  everyone: Record<string, CommandHandler>;
  /** Subcommands for CAGNOTTE_ADMINS only. */
  management: Record<string, CommandHandler>;
}

const baseEveryone: Record<string, CommandHandler> = {
  status: async (ctx, actor) => ({ kind: "status", report: await getStatus(ctx, { email: actor.email }) }),
  help: async (ctx, actor) => ({ kind: "help", management: isAdmin(ctx, actor.email) }),
  withdraw: async (ctx, actor, args) => {
    if (!actor.personId) return refusal("nothing-to-withdraw");
    const r = await withdrawComment(ctx, { personId: actor.personId, answerId: args[0] ?? null });
    if (!r.ok) return refusal(r.reason);
    return {
      kind: "done",
      text: {
        fr: r.reversedCents > 0 ? "Votre commentaire a été effacé et retiré de la cagnotte." : "Votre commentaire a été effacé.",
        en: r.reversedCents > 0 ? "Your comment was erased and taken out of the pot." : "Your comment was erased.",
      },
    };
  },
};

const baseManagement: Record<string, CommandHandler> = {
  history: async (ctx) => ({ kind: "history", history: await getHistory(ctx) }),
  override: async (ctx, actor, args) => {
    const [answerId, ...reason] = args;
    if (!answerId) return refusal("usage", "override <answer-id> <reason>");
    const r = await overrideCount(ctx, { actorEmail: actor.email ?? "", answerId, reason: reason.join(" ") });
    if (!r.ok) return refusal(r.reason);
    return { kind: "done", text: { fr: "Réponse comptée dans la cagnotte.", en: "Answer counted in the pot." } };
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
  // Words, or "quoted phrases" for names with spaces: charity add "Rêves de Gosse" https://…
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
}

export async function runCommand(ctx: AppContext, table: CommandTable, actor: Actor, text: string): Promise<CommandReply> {
  const [first, ...args] = tokenize(text.trim());
  const name = (first ?? "status").toLowerCase();
  const open = table.everyone[name];
  if (open) return open(ctx, actor, args);
  const restricted = table.management[name];
  if (!restricted) return refusal("unknown-command", name);
  if (!isAdmin(ctx, actor.email)) return refusal("not-management");
  return restricted(ctx, actor, args);
}
