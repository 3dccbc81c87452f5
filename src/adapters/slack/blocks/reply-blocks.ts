// Renders each `/cagnotte` reply (CommandReply) as Block Kit. Every text from storage or from
// people (charity names, comments, references) is escaped.
import type { KnownBlock } from "./block-types.js";
import type { Charity, Locale } from "../../../core/model.js";
import type { CampaignHistory, StatusReport } from "../../../core/views.js";
import type { AuditView, CommandReply, ModerationQueueItem } from "../../../app/commands/replies.js";
import { formatEuros } from "../../../i18n/messages.js";
import { escapeMrkdwn, mrkdwn, plain, quoteMrkdwn } from "../escape.js";
import { ids } from "../ids.js";
import type { SlackMessage } from "./survey-blocks.js";
import { replyTexts } from "./reply-texts.js";

const percent = (share: number, locale: Locale) =>
  new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-IE", { style: "percent", maximumFractionDigits: 0 }).format(share);
const day = (d: Date, locale: Locale) => new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(d);
const section = (text: string): KnownBlock => ({ type: "section", text: mrkdwn(text) });

export function renderStatus(r: StatusReport, locale: Locale): SlackMessage {
  const t = replyTexts[locale];
  const amount = formatEuros(r.amountCents, locale);
  const lines = [
    r.charityName ? t.charity(escapeMrkdwn(r.charityName)) : t.needsCharity,
    t.amount(amount, r.countedComments),
    t.answers(r.answers, r.surveys),
    ...(r.responseRate === null ? [] : [t.responseRate(percent(r.responseRate, locale))]),
    ...(r.positiveShare === null ? [] : [t.positive(percent(r.positiveShare, locale))]),
    r.open ? t.daysLeft(r.daysLeft) : t.closed,
  ];
  const blocks: KnownBlock[] = [{ type: "header", text: plain(t.statusTitle(r.campaignLabel), 150) }, section(lines.join("\n"))];
  if (r.management) {
    const m = r.management;
    const top = m.topTechnicians.length
      ? m.topTechnicians.map((p, i) => `${i + 1}. ${escapeMrkdwn(p.name)} (${p.praiseCount})`).join("\n")
      : `_${t.noPraise}_`;
    blocks.push({ type: "divider" });
    blocks.push(section(`*${t.managementTitle}*\n${t.topTechnicians}\n${top}\n${t.pendingModeration(m.pendingModeration)}\n${t.caps(m.requestersAtCap, m.clientsAtCap)}`));
  }
  return { text: `${t.statusTitle(r.campaignLabel)}: ${amount}`, blocks };
}

export function renderHistory(h: CampaignHistory, locale: Locale): SlackMessage {
  const t = replyTexts[locale];
  const lines = h.campaigns.map((c) => {
    const charity = escapeMrkdwn(c.charityName ?? "—");
    const paid = c.payout ? t.paid(formatEuros(c.payout.amountCents, locale), day(c.payout.paidOn, locale), escapeMrkdwn(c.payout.reference)) : c.status === "closed" ? t.unpaid : "";
    return `• *${escapeMrkdwn(c.campaignLabel)}* · ${charity} · ${formatEuros(c.amountCents, locale)} (${c.countedComments})${paid ? ` · ${paid}` : ""}`;
  });
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(t.historyTitle, 150) },
    section(lines.length ? lines.join("\n") : t.noHistory),
    { type: "context", elements: [mrkdwn(t.totalGiven(formatEuros(h.totalGivenCents, locale)))] },
  ];
  return { text: t.historyTitle, blocks };
}

export function renderCharities(charities: Charity[], locale: Locale): SlackMessage {
  const t = replyTexts[locale];
  const lines = charities.map((c, i) => `${i + 1}. *${escapeMrkdwn(c.name)}*${c.url ? ` · ${escapeMrkdwn(c.url)}` : ""}${c.description ? `\n   ${escapeMrkdwn(c.description)}` : ""}`);
  return { text: t.charitiesTitle, blocks: [{ type: "header", text: plain(t.charitiesTitle, 150) }, section(lines.length ? lines.join("\n") : escapeMrkdwn(t.noCharities))] };
}

function moderationItem(item: ModerationQueueItem, locale: Locale): KnownBlock[] {
  const t = replyTexts[locale];
  const who = [item.requesterName, item.clientName].filter(Boolean).map((s) => escapeMrkdwn(String(s))).join(" · ");
  const terms = item.terms.length ? ` · _${escapeMrkdwn(item.terms.join(", "))}_` : "";
  return [
    section(`*${escapeMrkdwn(item.ticketRef)}* · ${who} · ${escapeMrkdwn(item.verdict)}${terms}\n${item.comment ? quoteMrkdwn(item.comment) : ""}`),
    {
      type: "actions",
      block_id: `moderation_${item.id}`.slice(0, 255),
      elements: [
        { type: "button", action_id: ids.moderationActionFor("approve"), text: plain(t.approve), value: item.id, style: "primary" },
        { type: "button", action_id: ids.moderationActionFor("reject"), text: plain(t.reject), value: item.id, style: "danger" },
      ],
    },
  ];
}

// Slack refuses more than 50 blocks in a message: show the oldest items first, the rest next time.
const MAX_QUEUE_ITEMS = 20;

export function renderModerationQueue(items: ModerationQueueItem[], locale: Locale): SlackMessage {
  const t = replyTexts[locale];
  const blocks: KnownBlock[] = [{ type: "header", text: plain(t.moderationTitle(items.length), 150) }];
  if (!items.length) blocks.push(section(t.noModeration));
  for (const item of items.slice(0, MAX_QUEUE_ITEMS)) blocks.push(...moderationItem(item, locale));
  return { text: t.moderationTitle(items.length), blocks };
}

export function renderAudit(entries: AuditView[], locale: Locale): SlackMessage {
  const t = replyTexts[locale];
  const lines = entries
    .slice(0, 40)
    .map((e) => `• ${e.at.toISOString().slice(0, 16).replace("T", " ")} · ${escapeMrkdwn(e.actor)} · ${escapeMrkdwn(e.action)} · ${escapeMrkdwn(e.subject)}${e.reason ? ` · ${escapeMrkdwn(e.reason)}` : ""}`);
  return { text: t.auditTitle, blocks: [{ type: "header", text: plain(t.auditTitle, 150) }, section(lines.length ? lines.join("\n") : t.noAudit)] };
}

export function renderHelp(management: boolean, locale: Locale): SlackMessage {
  const t = replyTexts[locale];
  const lines = [...t.helpEveryone, ...(management ? t.helpManagement : [])];
  return { text: t.helpTitle, blocks: [{ type: "header", text: plain(t.helpTitle, 150) }, section(lines.join("\n"))] };
}

export function renderPlain(text: string, icon: string): SlackMessage {
  return { text, blocks: [section(`${icon} ${escapeMrkdwn(text)}`)] };
}

export function renderReply(reply: CommandReply, locale: Locale): SlackMessage {
  switch (reply.kind) {
    case "status":
      return renderStatus(reply.report, locale);
    case "history":
      return renderHistory(reply.history, locale);
    case "help":
      return renderHelp(reply.management, locale);
    case "charities":
      return renderCharities(reply.charities, locale);
    case "moderation-queue":
      return renderModerationQueue(reply.items, locale);
    case "audit":
      return renderAudit(reply.entries, locale);
    case "file":
      return renderPlain(`${reply.title[locale]} (${reply.filename})`, ":page_facing_up:");
    case "done":
      return renderPlain(reply.text[locale], ":white_check_mark:");
    case "refused":
      return renderPlain(reply.text[locale], ":no_entry:");
  }
}
