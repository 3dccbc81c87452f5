// Praise to the technician, follow-ups and notices to management, posts to the team channel.
import type { KnownBlock } from "./block-types.js";
import type { Locale } from "../../../core/model.js";
import type { FollowUpNote, PotProgress, ThankYouNote } from "../../../core/views.js";
import type { LocalizedText, TeamPost } from "../../../ports/chat-platform.js";
import { formatEuros, messages } from "../../../i18n/messages.js";
import { escapeMrkdwn, mrkdwn, plain, quoteMrkdwn } from "../escape.js";
import { slackTexts } from "../texts.js";
import { ratingLabel, type SlackMessage } from "./survey-blocks.js";

function ticketLine(note: { ticketRef: string; ticketTitle: string | null }): string {
  return escapeMrkdwn(note.ticketTitle ? `${note.ticketRef} — ${note.ticketTitle}` : note.ticketRef);
}

export function renderThankYou(note: ThankYouNote): SlackMessage {
  const m = messages[note.locale];
  const t = slackTexts[note.locale];
  const label = ratingLabel(note.rating, note.ratingScale, note.locale);
  const who = m.thankYouBody(note.requesterName ?? "?", note.clientName ?? "?", note.ticketRef);
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(m.thankYouTitle, 150) },
    { type: "section", text: mrkdwn(`${escapeMrkdwn(who)}\n*${ticketLine(note)}* · ${escapeMrkdwn(label)}`) },
  ];
  if (note.comment) blocks.push({ type: "section", text: mrkdwn(`${t.thankYouComment}\n${quoteMrkdwn(note.comment)}`) });
  const pot =
    note.addedCents > 0 ? m.addedToPot(formatEuros(note.addedCents, note.locale), formatEuros(note.potCents, note.locale)) : m.notCounted;
  blocks.push({ type: "context", elements: [mrkdwn(escapeMrkdwn(pot))] });
  return { text: `${m.thankYouTitle} ${who}`, blocks };
}

export function renderFollowUp(note: FollowUpNote): SlackMessage {
  const m = messages[note.locale];
  const t = slackTexts[note.locale];
  const title = m.followUpTitle(note.technicianName, note.ticketRef);
  const label = ratingLabel(note.rating, note.ratingScale, note.locale);
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(`:warning: *${escapeMrkdwn(title)}*\n*${ticketLine(note)}*`) },
    { type: "section", text: mrkdwn(t.followUpBody(escapeMrkdwn(note.requesterName ?? "?"), escapeMrkdwn(note.clientName ?? "?"), escapeMrkdwn(label))) },
  ];
  if (note.comment) blocks.push({ type: "section", text: mrkdwn(`${t.thankYouComment}\n${quoteMrkdwn(note.comment)}`) });
  return { text: title, blocks };
}

export function renderText(text: LocalizedText, locale: Locale): SlackMessage {
  const body = text[locale];
  return { text: body, blocks: [{ type: "section", text: mrkdwn(escapeMrkdwn(body)) }] };
}

export function renderTeamPost(post: TeamPost, locale: Locale): SlackMessage {
  const title = post.title[locale];
  const lines = post.lines[locale].map(escapeMrkdwn);
  const blocks: KnownBlock[] = [{ type: "header", text: plain(title, 150) }];
  if (lines.length) blocks.push({ type: "section", text: mrkdwn(lines.join("\n")) });
  return { text: title, blocks };
}

const BAR_CELLS = 10;

/** Progress towards the next milestone, as a text bar: ▰▰▰▱▱▱▱▱▱▱ 3,00 € / 10,00 €. */
export function progressBar(amountCents: number, milestoneCents: number, locale: Locale): string {
  if (milestoneCents <= 0) return formatEuros(amountCents, locale);
  const target = (Math.floor(amountCents / milestoneCents) + 1) * milestoneCents;
  const filled = Math.round(((amountCents - (target - milestoneCents)) / milestoneCents) * BAR_CELLS);
  return `${"▰".repeat(filled)}${"▱".repeat(BAR_CELLS - filled)}  ${formatEuros(amountCents, locale)} / ${formatEuros(target, locale)}`;
}

/** The one progress message per campaign, edited in place at each change. */
export function renderProgress(p: PotProgress, locale: Locale, milestoneCents: number): SlackMessage {
  const t = slackTexts[locale];
  const charity = p.charityName ?? messages[locale].noCharity;
  const amount = formatEuros(p.amountCents, locale);
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(t.progressTitle(p.campaignLabel), 150) },
    { type: "section", text: mrkdwn(`:heart: *${escapeMrkdwn(charity)}*\n${t.progressLine(amount, p.countedComments, p.daysLeft)}`) },
    { type: "context", elements: [mrkdwn(progressBar(p.amountCents, milestoneCents, locale))] },
  ];
  return { text: messages[locale].potProgress(charity, amount, p.countedComments, p.daysLeft), blocks };
}

/** A new post for what the team should notice: a milestone crossed, a comment shared with consent. */
export function renderProgressNews(p: PotProgress, locale: Locale): SlackMessage | null {
  if (p.milestoneCents === null && p.sharedComment === null) return null;
  const charity = p.charityName ?? messages[locale].noCharity;
  const blocks: KnownBlock[] = [];
  const texts: string[] = [];
  if (p.milestoneCents !== null) {
    const text = messages[locale].milestone(formatEuros(p.milestoneCents, locale), charity);
    texts.push(text);
    blocks.push({ type: "section", text: mrkdwn(`:tada: *${escapeMrkdwn(text)}*`) });
  }
  if (p.sharedComment !== null) {
    const title = slackTexts[locale].sharedCommentTitle;
    texts.push(title);
    blocks.push({ type: "section", text: mrkdwn(`:speech_balloon: ${title}\n${quoteMrkdwn(p.sharedComment)}`) });
  }
  return { text: texts.join(" "), blocks };
}
