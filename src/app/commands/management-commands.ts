// Campaign management commands (charity queue, early close, moderation, payouts, exports, audit)
// and `forget-me` for everyone. Parsing and permissions only: the use cases do the work.
import { DateTime } from "luxon";
import { canonicalArgument, formatEuros } from "../../i18n/index.js";
import type { AppContext } from "../context.js";
import { addCharity, listCharities, removeCharity, reorderCharity } from "../management/charities.js";
import { closeCampaign } from "../management/close-campaign.js";
import { moderationQueue, resolveModeration } from "../management/resolve-moderation.js";
import { parseAmountCents, recordPayout } from "../management/record-payout.js";
import { EXPORT_KINDS, exportCsv, type ExportKind } from "../management/export-csv.js";
import { exportPerson, forgetMe } from "../management/personal-data.js";
import { readAudit } from "../management/audit.js";
import { retractComment } from "../management/retract-comment.js";
import type { Confirmation } from "../../core/views.js";
import { refused, type CommandHandler, type CommandTable } from "./run-command.js";
import type { Actor, CommandReply } from "./replies.js";

const done = (confirmation: Confirmation): CommandReply => ({ kind: "done", done: confirmation });
const actorEmail = (actor: Actor) => actor.email ?? "";
const position = (text: string | undefined) => (text && /^\d{1,4}$/.test(text) ? Number(text) : NaN);

const charity: CommandHandler = async (ctx, actor, [sub = "list", ...args]) => {
  switch (sub.toLowerCase()) {
    case "list":
      return { kind: "charities", ...(await listCharities(ctx)) };
    case "add": {
      // charity add "Name" [url] vetted YYYY-MM-DD (« vérifiée » in French)
      const [name = "", ...rest] = args;
      const words = rest.map(canonicalArgument);
      const at = words.indexOf("vetted");
      const url = (at === -1 ? words : words.slice(0, at))[0] ?? null;
      const vettedOn = at === -1 ? null : (parseDay(ctx, words[at + 1]) ?? new Date(Number.NaN));
      const r = await addCharity(ctx, { actorEmail: actorEmail(actor), name, url, vettedOn });
      if (!r.ok) return refused(r.reason);
      return r.assignedTo ? done({ kind: "charity-assigned", name: r.charity.name, campaignLabel: r.assignedTo }) : done({ kind: "charity-added", name: r.charity.name });
    }
    case "reorder": {
      const r = await reorderCharity(ctx, { actorEmail: actorEmail(actor), from: position(args[0]), to: position(args[1]) });
      return r.ok ? { kind: "charities", charities: r.queue, current: null } : refused(r.reason);
    }
    case "remove": {
      const r = await removeCharity(ctx, { actorEmail: actorEmail(actor), position: position(args[0]) });
      return r.ok ? done({ kind: "charity-removed", name: r.charity.name }) : refused(r.reason);
    }
    default:
      return refused("usage", 'charity list | add "<name>" [url] vetted <YYYY-MM-DD> | reorder <from> <to> | remove <position>');
  }
};

const campaign: CommandHandler = async (ctx, actor, [sub, ...reason]) => {
  if (sub?.toLowerCase() !== "close") return refused("usage", "campaign close [reason]");
  const r = await closeCampaign(ctx, { actorEmail: actorEmail(actor), reason: reason.join(" ") || null });
  return r.ok ? done({ kind: "campaign-closed", campaignLabel: r.campaign }) : refused(r.reason);
};

const moderation: CommandHandler = async (ctx, actor, [sub, id, ...reason]) => {
  if (!sub) return { kind: "moderation-queue", items: await moderationQueue(ctx) };
  const decision = sub.toLowerCase();
  if ((decision !== "approve" && decision !== "reject") || !id) return refused("usage", "moderation [approve|reject <id> [reason]]");
  const r = await resolveModeration(ctx, { actorEmail: actorEmail(actor), itemId: id, decision, reason: reason.join(" ") || null });
  if (!r.ok) return refused(r.reason);
  if (r.decision === "reject") return done({ kind: "moderation-rejected" });
  return done({ kind: "moderation-approved", counted: r.counted, reason: r.reason });
};

// retract <answer-id> <reason>: any answer, any time; the reason goes to the audit log.
const retract: CommandHandler = async (ctx, actor, [answerId, ...reason]) => {
  if (!answerId) return refused("usage", "retract <answer-id> <reason>");
  const r = await retractComment(ctx, { actorEmail: actorEmail(actor), answerId, reason: reason.join(" ") });
  if (!r.ok) return refused(r.reason);
  return done({ kind: "comment-retracted", reversedCents: r.reversedCents, keptCents: r.keptCents });
};

/** "2026-10-05" → noon that day in CAGNOTTE_TIME_ZONE; null when not such a date. */
function parseDay(ctx: AppContext, text: string | undefined): Date | null {
  if (text === undefined) return null;
  const d = DateTime.fromISO(text, { zone: ctx.rules.timeZone });
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && d.isValid ? d.set({ hour: 12 }).toJSDate() : null;
}

const isDay = (text: string | undefined) => !!text && /^\d{4}-\d{2}-\d{2}$/.test(text);

// payout <campaign> <amount> <reference> [YYYY-MM-DD] [reason when the amount differs from the pot]
const payout: CommandHandler = async (ctx, actor, [label, amount, reference, ...rest]) => {
  if (!label || !amount || !reference) return refused("usage", "payout <2026-Q3> <123.00> <reference> [YYYY-MM-DD] [reason]");
  const amountCents = parseAmountCents(amount);
  if (amountCents === null) return refused("bad-amount");
  const [date, ...reasonWords] = isDay(rest[0]) ? rest : [undefined, ...rest];
  const paidOn = date === undefined ? undefined : parseDay(ctx, date);
  if (paidOn === null) return refused("bad-date");
  const reason = reasonWords.join(" ") || null;
  const r = await recordPayout(ctx, { actorEmail: actorEmail(actor), campaignLabel: label, amountCents, reference, paidOn, reason });
  if (!r.ok) return refused(r.reason, r.potCents === undefined ? undefined : formatEuros(r.potCents, actor.locale));
  return done({ kind: "payout-recorded", amountCents: r.amountCents, campaignLabel: r.campaign });
};

const isExportKind = (a: string): a is ExportKind => (EXPORT_KINDS as readonly string[]).includes(a);
const isCampaignLabel = (a: string) => /^\d{4}-?Q[1-4]$/i.test(a);

/** `export [kind] [campaign]`, in any order; null when something else was typed. */
export function parseExportArgs(rawArgs: string[]): { kind: ExportKind; label: string | null } | null {
  const args = rawArgs.map((a) => canonicalArgument(a).toLowerCase());
  if (args.some((a) => !isExportKind(a) && !isCampaignLabel(a))) return null;
  return { kind: args.find(isExportKind) ?? "answers", label: args.find(isCampaignLabel) ?? null };
}
export const EXPORT_USAGE = "export [answers|contributions|technicians|campaigns] [2026-Q3]";

const exportCommand: CommandHandler = async (ctx, actor, rawArgs) => {
  const parsed = parseExportArgs(rawArgs);
  if (!parsed) return refused("usage", EXPORT_USAGE);
  const { kind, label } = parsed;
  const r = await exportCsv(ctx, { actorEmail: actorEmail(actor), kind, campaignLabel: label, forManagement: true });
  if (!r.ok) return refused(r.reason);
  return { kind: "file", filename: r.filename, contentType: "text/csv; charset=utf-8", content: r.content, title: { of: "export", exportKind: kind, rows: r.rows } };
};

const exportPersonCommand: CommandHandler = async (ctx, actor, [email]) => {
  if (!email) return refused("usage", "export-person <email>");
  const r = await exportPerson(ctx, { actorEmail: actorEmail(actor), email });
  if (!r.ok) return refused(r.reason, email);
  return { kind: "file", filename: r.filename, contentType: "application/json", content: r.content, title: { of: "person", email } };
};

const audit: CommandHandler = async (ctx, _actor, [n]) => ({ kind: "audit", entries: await readAudit(ctx, { limit: n ? position(n) || undefined : undefined }) });

const forget: CommandHandler = async (ctx, actor, [confirm]) => {
  if (confirm?.toLowerCase() !== "confirm") return done({ kind: "forget-me-ask" });
  const r = await forgetMe(ctx, { personId: actor.personId, email: actor.email });
  return done(r ? { kind: "forget-me-done", erased: r.erased, ...(r.keptCents > 0 ? { keptCents: r.keptCents } : {}) } : { kind: "forget-me-nothing" });
};

export const managementCommands: Partial<CommandTable> = {
  everyone: { "forget-me": forget },
  management: { charity, campaign, moderation, retract, payout, export: exportCommand, "export-person": exportPersonCommand, audit },
};
