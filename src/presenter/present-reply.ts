// `/cagnotte …` (Slack) and `cagnotte …` (Teams) replies: status, history, help, charities, the
// moderation queue, the audit log, files, confirmations and refusals.
import type { CampaignHistory, CommandReply, Confirmation, ModerationQueueItem, StatusReport, AuditView } from "../core/views.js";
import type { Charity } from "../core/model.js";
import { formatDay, formatEuros, formatMoment, formatPercent } from "../i18n/index.js";
import type { Block, Message } from "./message.js";
import { presentRefusal } from "./present-survey.js";
import { chartBlock } from "./present-chart.js";
import { textsOf, type Presentation } from "./presentation.js";

export function presentStatus(r: StatusReport, p: Presentation): Message {
  const { status: t } = textsOf(p);
  const amount = formatEuros(r.amountCents, p.locale);
  const blocks: Block[] = [
    {
      type: "facts",
      facts: [
        { label: t.charity, value: r.charityName ?? t.noCharity },
        { label: t.amount, value: amount },
        { label: t.countedComments, value: String(r.countedComments) },
        { label: t.answers, value: t.answersOf(r.answers, r.surveys) },
        { label: t.responseRate, value: formatPercent(r.responseRate, p.locale) },
        { label: t.positiveShare, value: formatPercent(r.positiveShare, p.locale) },
        r.open ? { label: t.daysLeft, value: String(r.daysLeft) } : { label: t.daysLeft, value: t.closed },
      ],
    },
  ];
  if (r.needsCharity) blocks.push({ type: "text", text: t.needsCharity, style: "subtle" });
  if (r.management) {
    const m = r.management;
    blocks.push({ type: "text", text: t.managementTitle, style: "strong" });
    blocks.push({ type: "list", heading: t.topTechnicians, items: m.topTechnicians.length ? m.topTechnicians.map((x) => t.technicianPraise(x.name, x.praiseCount)) : [t.noPraise] });
    blocks.push({
      type: "facts",
      facts: [
        { label: t.pendingModeration, value: String(m.pendingModeration) },
        { label: t.caps, value: t.capsValue(m.requestersAtCap, m.clientsAtCap) },
      ],
    });
    if (r.chart) blocks.push(chartBlock(r.chart, p));
  }
  const title = t.title(r.campaignLabel);
  return { title, tone: "accent", summary: `${title}: ${amount}`, blocks };
}

export function presentHistory(h: CampaignHistory, p: Presentation): Message {
  const { status: t } = textsOf(p);
  const money = (cents: number) => formatEuros(cents, p.locale);
  const items = h.campaigns.map((c) => {
    const paidOn = c.payout ? formatDay(c.payout.paidOn, p.locale, p.timeZone) : "";
    const state =
      c.status === "open"
        ? t.inProgress
        : !c.payout
          ? t.unpaid
          : c.payout.amountCents === c.amountCents
            ? t.paid(money(c.payout.amountCents), paidOn, c.payout.reference)
            : t.paidDiffers(money(c.payout.amountCents), money(c.amountCents), paidOn, c.payout.reference, c.payout.reason);
    return t.historyLine(c.campaignLabel, c.charityName ?? t.noCharity, formatEuros(c.amountCents, p.locale), c.countedComments, state);
  });
  const blocks: Block[] = [
    items.length ? { type: "list", items } : { type: "text", text: t.noHistory },
    { type: "text", text: t.totalGiven(formatEuros(h.totalGivenCents, p.locale)), style: "strong" },
    ...(h.chart ? [chartBlock(h.chart, p)] : []),
  ];
  return { title: t.historyTitle, tone: "default", summary: t.historyTitle, blocks };
}

/** Platform-only commands (Slack's slack-install, Teams' channel and demo) join the right list. */
export interface HelpExtras {
  everyone?: ("teamsDemo")[];
  management?: ("slackInstall" | "teamsChannel")[];
}

export function presentHelp(management: boolean, p: Presentation, extras: HelpExtras = {}): Message {
  const { help: t } = textsOf(p);
  const line = (e: Parameters<typeof t.line>[1]) => t.line(p.commandPrefix, e);
  const everyone = [...t.everyoneEntries, ...(extras.everyone ?? []).map((k) => t[k])].map(line);
  const blocks: Block[] = [{ type: "list", heading: t.everyone, items: everyone }];
  if (management) blocks.push({ type: "list", heading: t.management, items: [...t.managementEntries, ...(extras.management ?? []).map((k) => t[k])].map(line) });
  return { title: t.title, tone: "default", summary: t.title, blocks };
}

export function presentCharities(charities: Charity[], current: { campaignLabel: string; charityName: string | null } | null, p: Presentation): Message {
  const { management: t } = textsOf(p);
  const blocks: Block[] = [];
  if (current) blocks.push({ type: "text", text: t.currentCharity(current.campaignLabel, current.charityName), style: "strong" });
  blocks.push(
    charities.length
      ? { type: "list", heading: t.queueTitle, items: charities.map((c, i) => `${i + 1}. ${c.name}${c.url ? ` – ${c.url}` : ""}${c.description ? ` – ${c.description}` : ""}`) }
      : { type: "text", text: t.noCharities },
  );
  return { title: t.charitiesTitle, tone: "default", summary: t.charitiesTitle, blocks };
}

/** Slack refuses more than 50 blocks in a message: the oldest items first, the rest next time. */
const MAX_QUEUE_ITEMS = 20;

export function presentModerationQueue(items: ModerationQueueItem[], p: Presentation): Message {
  const { management: t, praise: pr } = textsOf(p);
  const title = t.moderationTitle(items.length);
  const blocks: Block[] = items.length ? [] : [{ type: "text", text: t.noModeration }];
  for (const item of items.slice(0, MAX_QUEUE_ITEMS)) {
    const verdict = t.verdicts[item.verdict] ?? item.verdict;
    blocks.push({ type: "text", style: "strong", text: t.moderationItem(item.ticketRef, item.requesterName ?? pr.unknown, item.clientName ?? pr.unknown, verdict) });
    if (item.comment) blocks.push({ type: "quote", label: pr.theirComment, text: item.comment });
    blocks.push({ type: "text", style: "subtle", text: t.moderationTerms(item.terms.join(", ") || "—", formatMoment(item.createdAt, p.locale, p.timeZone)) });
    blocks.push({
      type: "actions",
      actions: [
        { id: "moderation.approve", label: t.approve, value: item.id, style: "primary" },
        { id: "moderation.reject", label: t.reject, value: item.id, style: "danger" },
      ],
    });
  }
  return { title, tone: "default", summary: title, blocks };
}

export function presentAudit(entries: AuditView[], p: Presentation): Message {
  const { management: t } = textsOf(p);
  const items = entries.slice(0, 40).map((e) => t.auditLine(formatMoment(e.at, p.locale, p.timeZone), e.actor, e.action, e.subject, e.reason));
  return { title: t.auditTitle, tone: "default", summary: t.auditTitle, blocks: [items.length ? { type: "list", items } : { type: "text", text: t.noAudit }] };
}

export function presentReply(reply: CommandReply, p: Presentation, extras: HelpExtras = {}): Message {
  const { management: t } = textsOf(p);
  switch (reply.kind) {
    case "status":
      return presentStatus(reply.report, p);
    case "history":
      return presentHistory(reply.history, p);
    case "help":
      return presentHelp(reply.management, p, extras);
    case "charities":
      return presentCharities(reply.charities, reply.current, p);
    case "moderation-queue":
      return presentModerationQueue(reply.items, p);
    case "audit":
      return presentAudit(reply.entries, p);
    case "file": {
      const title = t.fileTitle(reply.title);
      return { title, tone: "default", summary: `${title} (${reply.filename})`, blocks: [{ type: "text", text: reply.filename, style: "subtle" }] };
    }
    case "download": {
      const { charts: c } = textsOf(p);
      const title = c.downloadTitle(reply.filename);
      return { title, tone: "default", summary: title, blocks: [{ type: "link", text: c.downloadText(reply.minutes), label: c.downloadLabel, url: reply.url }] };
    }
    case "done": {
      const done = t.done[reply.done.kind] as (c: Confirmation, money: (cents: number) => string) => string;
      const text = done(reply.done, (cents) => formatEuros(cents, p.locale));
      return { title: text, tone: "good", summary: text, blocks: [] };
    }
    case "refused":
      return presentRefusal(reply.refusal, p);
    case "dashboard-link": {
      const d = textsOf(p).dashboard;
      return {
        title: d.linkTitle,
        tone: "accent",
        summary: d.linkTitle,
        blocks: [
          { type: "link", text: d.linkText(reply.minutes), label: d.linkLabel, url: reply.url },
          { type: "deadline", label: d.linkExpires, at: reply.expiresAt, text: formatMoment(reply.expiresAt, p.locale, p.timeZone) },
        ],
      };
    }
  }
}
