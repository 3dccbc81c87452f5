// Campaign management commands (charity queue, early close, moderation, payouts, exports, audit)
// and `forget-me` for everyone. Parsing and permissions only: the use cases do the work.
import { DateTime } from "luxon";
import { formatEuros } from "../../i18n/messages.js";
import type { AppContext } from "../context.js";
import { addCharity, listCharities, removeCharity, reorderCharity } from "../management/charities.js";
import { closeCampaign } from "../management/close-campaign.js";
import { moderationQueue, resolveModeration } from "../management/resolve-moderation.js";
import { parseAmountCents, recordPayout } from "../management/record-payout.js";
import { EXPORT_KINDS, exportCsv, type ExportKind } from "../management/export-csv.js";
import { exportPerson, forgetMe } from "../management/personal-data.js";
import { readAudit } from "../management/audit.js";
import type { CommandHandler, CommandTable } from "./run-command.js";
import type { Actor, CommandReply } from "./replies.js";
import { refusal } from "./refusals.js";

const done = (fr: string, en: string): CommandReply => ({ kind: "done", text: { fr, en } });
const actorEmail = (actor: Actor) => actor.email ?? "";
const position = (text: string | undefined) => (text && /^\d{1,4}$/.test(text) ? Number(text) : NaN);

const charity: CommandHandler = async (ctx, actor, [sub = "list", ...args]) => {
  switch (sub.toLowerCase()) {
    case "list":
      return { kind: "charities", charities: await listCharities(ctx) };
    case "add": {
      const [name = "", url] = args;
      const r = await addCharity(ctx, { actorEmail: actorEmail(actor), name, url: url ?? null });
      if (!r.ok) return refusal(r.reason);
      return r.assignedTo
        ? done(`${r.charity.name} est la bénéficiaire de la campagne ${r.assignedTo}.`, `${r.charity.name} is the beneficiary of campaign ${r.assignedTo}.`)
        : done(`${r.charity.name} ajoutée à la file.`, `${r.charity.name} added to the queue.`);
    }
    case "reorder": {
      const r = await reorderCharity(ctx, { actorEmail: actorEmail(actor), from: position(args[0]), to: position(args[1]) });
      return r.ok ? { kind: "charities", charities: r.queue } : refusal(r.reason);
    }
    case "remove": {
      const r = await removeCharity(ctx, { actorEmail: actorEmail(actor), position: position(args[0]) });
      return r.ok ? done(`${r.charity.name} retirée de la file.`, `${r.charity.name} taken off the queue.`) : refusal(r.reason);
    }
    default:
      return refusal("usage", 'charity list | add "<name>" [url] | reorder <from> <to> | remove <position>');
  }
};

const campaign: CommandHandler = async (ctx, actor, [sub, ...reason]) => {
  if (sub?.toLowerCase() !== "close") return refusal("usage", "campaign close [reason]");
  const r = await closeCampaign(ctx, { actorEmail: actorEmail(actor), reason: reason.join(" ") || null });
  return r.ok ? done(`Campagne ${r.campaign} close. Les chiffres finaux sont publiés.`, `Campaign ${r.campaign} closed. The final figures are posted.`) : refusal(r.reason);
};

const moderation: CommandHandler = async (ctx, actor, [sub, id, ...reason]) => {
  if (!sub) return { kind: "moderation-queue", items: await moderationQueue(ctx) };
  const decision = sub.toLowerCase();
  if ((decision !== "approve" && decision !== "reject") || !id) return refusal("usage", "moderation [approve|reject <id> [reason]]");
  const r = await resolveModeration(ctx, { actorEmail: actorEmail(actor), itemId: id, decision, reason: reason.join(" ") || null });
  if (!r.ok) return refusal(r.reason);
  if (r.decision === "reject") return done("Commentaire rejeté : il ne comptera jamais.", "Comment rejected: it will never count.");
  return r.counted ? done("Commentaire approuvé et compté.", "Comment approved and counted.") : done(`Commentaire approuvé, non compté (${r.reason}).`, `Comment approved, not counted (${r.reason}).`);
};

function parsePaidOn(ctx: AppContext, text: string | undefined): Date | undefined | null {
  if (text === undefined) return undefined;
  const d = DateTime.fromISO(text, { zone: ctx.rules.timeZone });
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && d.isValid ? d.set({ hour: 12 }).toJSDate() : null;
}

const payout: CommandHandler = async (ctx, actor, [label, amount, reference, date]) => {
  if (!label || !amount || !reference) return refusal("usage", "payout <2026-Q3> <123.00> <reference> [YYYY-MM-DD]");
  const amountCents = parseAmountCents(amount);
  if (amountCents === null) return refusal("bad-amount");
  const paidOn = parsePaidOn(ctx, date);
  if (paidOn === null) return refusal("bad-date");
  const r = await recordPayout(ctx, { actorEmail: actorEmail(actor), campaignLabel: label, amountCents, reference, paidOn });
  if (!r.ok) return refusal(r.reason);
  return done(`Versement de ${formatEuros(r.amountCents, "fr")} enregistré pour ${r.campaign}.`, `Payout of ${formatEuros(r.amountCents, "en")} recorded for ${r.campaign}.`);
};

const isExportKind = (a: string): a is ExportKind => (EXPORT_KINDS as readonly string[]).includes(a);
const isCampaignLabel = (a: string) => /^\d{4}-?Q[1-4]$/i.test(a);

const exportCommand: CommandHandler = async (ctx, actor, rawArgs) => {
  const args = rawArgs.map((a) => a.toLowerCase());
  if (args.some((a) => !isExportKind(a) && !isCampaignLabel(a))) return refusal("usage", "export [answers|contributions|technicians] [2026-Q3]");
  const kind = args.find(isExportKind) ?? "answers";
  const label = args.find(isCampaignLabel) ?? null;
  const r = await exportCsv(ctx, { actorEmail: actorEmail(actor), kind, campaignLabel: label, forManagement: true });
  if (!r.ok) return refusal(r.reason);
  return { kind: "file", filename: r.filename, contentType: "text/csv; charset=utf-8", content: r.content, title: { fr: `Export ${kind} (${r.rows} lignes)`, en: `${kind} export (${r.rows} rows)` } };
};

const exportPersonCommand: CommandHandler = async (ctx, actor, [email]) => {
  if (!email) return refusal("usage", "export-person <email>");
  const r = await exportPerson(ctx, { actorEmail: actorEmail(actor), email });
  if (!r.ok) return refusal(r.reason, email);
  return { kind: "file", filename: r.filename, contentType: "application/json", content: r.content, title: { fr: `Données de ${email}`, en: `Data of ${email}` } };
};

const audit: CommandHandler = async (ctx, _actor, [n]) => ({ kind: "audit", entries: await readAudit(ctx, { limit: n ? position(n) || undefined : undefined }) });

const forget: CommandHandler = async (ctx, actor, [confirm]) => {
  if (confirm?.toLowerCase() !== "confirm") {
    return done(
      "Tous vos commentaires seront effacés (et retirés de la cagnotte en cours). Pour confirmer : « forget-me confirm ».",
      "All your comments will be erased (and taken out of the current pot). To confirm: “forget-me confirm”.",
    );
  }
  // The platform vouches for the e-mail: it finds the person even before their identity is linked.
  const personId = actor.personId ?? (actor.email ? (await ctx.store.people.findByEmail(actor.email.trim().toLowerCase()))?.id : null);
  if (!personId) return done("Nous n'avons aucun commentaire de vous.", "We hold no comment of yours.");
  const r = await forgetMe(ctx, { personId });
  return done(`${r.erased} commentaire(s) effacé(s).`, `${r.erased} comment(s) erased.`);
};

export const managementCommands: Partial<CommandTable> = {
  everyone: { "forget-me": forget },
  management: { charity, campaign, moderation, payout, export: exportCommand, "export-person": exportPersonCommand, audit },
};
