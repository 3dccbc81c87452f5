// Renders every CommandReply kind as an Adaptive Card. Command logic stays in runCommand; this
// only turns its neutral replies into cards, escaping every string once (noteCard does it).
import type { Locale } from "../../core/model.js";
import type { CampaignHistory, StatusReport } from "../../core/views.js";
import type { CommandReply, ModerationQueueItem } from "../../app/commands/replies.js";
import { formatEuros, messages } from "../../i18n/messages.js";
import { expandCard, type AdaptiveCard } from "./card-templates.js";
import { markdownSafe } from "./markdown-safe.js";
import { noteCard } from "./note-cards.js";
import { teamsTexts } from "./teams-texts.js";

/** A card carries at most this much of a CSV file (Teams caps a message at about 28 KB). */
export const MAX_FILE_LINES = 60;
const MAX_FILE_CHARS = 12_000;

const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)} %`);

export function statusCard(report: StatusReport, locale: Locale): AdaptiveCard {
  const t = teamsTexts[locale];
  const m = messages[locale];
  const facts = [
    { title: t.charity, value: report.charityName ?? m.noCharity },
    { title: t.amount, value: formatEuros(report.amountCents, locale) },
    { title: t.countedComments, value: String(report.countedComments) },
    { title: t.answers, value: `${report.answers} / ${report.surveys}` },
    { title: t.responseRate, value: percent(report.responseRate) },
    { title: t.positiveShare, value: percent(report.positiveShare) },
    { title: t.daysLeft, value: report.open ? String(report.daysLeft) : t.campaignClosed },
  ];
  const lines: string[] = report.needsCharity ? [t.needsCharity] : [];
  const mgmt = report.management;
  if (mgmt) {
    facts.push({ title: t.pendingModeration, value: String(mgmt.pendingModeration) });
    if (mgmt.topTechnicians.length) lines.push(`${t.topTechnicians} ${mgmt.topTechnicians.map((p) => `${p.name} (${p.praiseCount})`).join(", ")}`);
    if (mgmt.requestersAtCap || mgmt.clientsAtCap) lines.push(t.atCap(mgmt.requestersAtCap, mgmt.clientsAtCap));
  }
  return noteCard({ title: t.statusTitle(report.campaignLabel), color: "Accent", facts, lines });
}

export function historyCard(history: CampaignHistory, locale: Locale): AdaptiveCard {
  const t = teamsTexts[locale];
  const m = messages[locale];
  const lines = history.campaigns.map((c) => {
    const paid = c.payout ? t.paid(formatEuros(c.payout.amountCents, locale), c.payout.paidOn.toISOString().slice(0, 10), c.payout.reference) : t.notPaid;
    return `${c.campaignLabel} – ${c.charityName ?? m.noCharity} – ${formatEuros(c.amountCents, locale)} (${c.countedComments}) – ${c.status === "open" ? "…" : paid}`;
  });
  return noteCard({ title: t.historyTitle, lines, footer: [t.totalGiven(formatEuros(history.totalGivenCents, locale))] });
}

function moderationCard(items: ModerationQueueItem[], locale: Locale): AdaptiveCard {
  const t = teamsTexts[locale];
  return expandCard("moderation-queue", {
    title: t.moderationTitle,
    empty: t.moderationEmpty,
    approve: t.approve,
    reject: t.reject,
    items: items.map((item) => ({
      id: item.id,
      heading: markdownSafe(`${item.ticketRef} – ${item.requesterName ?? "?"} (${item.clientName ?? "?"}) – ${item.verdict}`),
      comment: markdownSafe(item.comment ?? ""),
      detail: markdownSafe(`${item.terms.join(", ")} – ${item.createdAt.toISOString().slice(0, 16).replace("T", " ")}`),
    })),
  });
}

/** Teams bots cannot attach an arbitrary file to a message without a consent flow: show the CSV in the card. */
function fileCard(reply: Extract<CommandReply, { kind: "file" }>, locale: Locale): AdaptiveCard {
  const all = reply.content.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
  const shown: string[] = [];
  let size = 0;
  for (const line of all.slice(0, MAX_FILE_LINES)) {
    size += line.length;
    if (size > MAX_FILE_CHARS) break;
    shown.push(line);
  }
  const hidden = all.length - shown.length;
  return expandCard("file", {
    title: markdownSafe(reply.title[locale]),
    filename: markdownSafe(reply.filename),
    lines: shown.map((text) => ({ text: markdownSafe(text) || " " })),
    truncated: hidden > 0 ? teamsTexts[locale].fileTruncated(hidden) : "",
  });
}

export function replyCard(reply: CommandReply, locale: Locale): AdaptiveCard {
  const t = teamsTexts[locale];
  switch (reply.kind) {
    case "status":
      return statusCard(reply.report, locale);
    case "history":
      return historyCard(reply.history, locale);
    case "help":
      return noteCard({ title: t.helpTitle, lines: reply.management ? [...t.helpEveryone, ...t.helpManagement] : t.helpEveryone });
    case "charities":
      return noteCard({
        title: t.charitiesTitle,
        lines: reply.charities.length ? reply.charities.map((c, i) => `${i + 1}. ${c.name}${c.url ? ` – ${c.url}` : ""}`) : [t.noCharities],
      });
    case "moderation-queue":
      return moderationCard(reply.items, locale);
    case "audit":
      return noteCard({
        title: t.auditTitle,
        lines: reply.entries.length
          ? reply.entries.map((e) => `${e.at.toISOString().slice(0, 16).replace("T", " ")} – ${e.actor} – ${e.action} ${e.subject}${e.reason ? ` (${e.reason})` : ""}`)
          : [t.auditEmpty],
      });
    case "file":
      return fileCard(reply, locale);
    case "done":
      return noteCard({ title: reply.text[locale], color: "Good" });
    case "refused":
      return noteCard({ title: reply.text[locale], color: "Attention" });
  }
}
