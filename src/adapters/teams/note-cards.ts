// Cards for praise, follow-ups, pot progress, notices and team posts, from the neutral view models.
import type { Locale } from "../../core/model.js";
import type { FollowUpNote, PotProgress, ThankYouNote } from "../../core/views.js";
import { formatEuros, messages } from "../../i18n/messages.js";
import type { LocalizedText, TeamPost } from "../../ports/chat-platform.js";
import { expandCard, type AdaptiveCard } from "./card-templates.js";
import { markdownSafe } from "./markdown-safe.js";
import { ratingLabel } from "./survey-cards.js";
import { teamsTexts } from "./teams-texts.js";

interface NoteData {
  title: string;
  color?: "Default" | "Good" | "Attention" | "Warning" | "Accent";
  lines?: string[];
  facts?: { title: string; value: string }[];
  quoteIntro?: string;
  quote?: string | null;
  footer?: string[];
}

/** Every string is escaped here, once: callers pass plain text. */
export function noteCard(data: NoteData): AdaptiveCard {
  return expandCard("note", {
    title: markdownSafe(data.title),
    color: data.color ?? "Default",
    lines: (data.lines ?? []).map((text) => ({ text: markdownSafe(text) })),
    facts: (data.facts ?? []).map((f) => ({ title: markdownSafe(f.title), value: markdownSafe(f.value) })),
    quoteIntro: markdownSafe(data.quoteIntro ?? ""),
    quote: markdownSafe(data.quote ?? ""),
    footer: (data.footer ?? []).map((text) => ({ text: markdownSafe(text) })),
  });
}

export function thankYouCard(note: ThankYouNote): AdaptiveCard {
  const m = messages[note.locale];
  const t = teamsTexts[note.locale];
  return noteCard({
    title: m.thankYouTitle,
    color: "Good",
    lines: [m.thankYouBody(note.requesterName ?? "?", note.clientName ?? "?", note.ticketRef)],
    facts: [
      { title: t.ticket, value: note.ticketTitle ? `${note.ticketRef} – ${note.ticketTitle}` : note.ticketRef },
      { title: t.answeredRating, value: ratingLabel(note.rating, note.ratingScale, note.locale) },
    ],
    quoteIntro: note.comment ? t.answeredComment : "",
    quote: note.comment,
    footer: [note.addedCents > 0 ? m.addedToPot(formatEuros(note.addedCents, note.locale), formatEuros(note.potCents, note.locale)) : m.notCounted],
  });
}

export function followUpCard(note: FollowUpNote): AdaptiveCard {
  const m = messages[note.locale];
  const t = teamsTexts[note.locale];
  return noteCard({
    title: m.followUpTitle(note.technicianName, note.ticketRef),
    color: "Attention",
    lines: [t.followUpIntro, m.thankYouBody(note.requesterName ?? "?", note.clientName ?? "?", note.ticketRef)],
    facts: [
      { title: t.ticket, value: note.ticketTitle ? `${note.ticketRef} – ${note.ticketTitle}` : note.ticketRef },
      { title: t.answeredRating, value: ratingLabel(note.rating, note.ratingScale, note.locale) },
    ],
    quoteIntro: t.answeredComment,
    quote: note.comment ?? t.noComment,
  });
}

export function potProgressCard(progress: PotProgress, locale: Locale): AdaptiveCard {
  const m = messages[locale];
  const t = teamsTexts[locale];
  const charity = progress.charityName ?? m.noCharity;
  return noteCard({
    title: t.progressTitle(progress.campaignLabel),
    color: "Accent",
    lines: [m.potProgress(charity, formatEuros(progress.amountCents, locale), progress.countedComments, progress.daysLeft)],
    // Rule 8: the comment is here only because its requester consented to sharing it.
    quoteIntro: progress.sharedComment ? t.sharedCommentIntro : "",
    quote: progress.sharedComment,
  });
}

export function milestoneCard(progress: PotProgress, locale: Locale): AdaptiveCard {
  const m = messages[locale];
  return noteCard({
    title: m.milestone(formatEuros(progress.milestoneCents ?? progress.amountCents, locale), progress.charityName ?? m.noCharity),
    color: "Good",
    lines: [m.potProgress(progress.charityName ?? m.noCharity, formatEuros(progress.amountCents, locale), progress.countedComments, progress.daysLeft)],
  });
}

export function noticeCard(text: LocalizedText, locale: Locale): AdaptiveCard {
  return noteCard({ title: "Cagnotte", lines: text[locale].split("\n") });
}

export function teamPostCard(post: TeamPost, locale: Locale): AdaptiveCard {
  return noteCard({ title: post.title[locale], color: post.kind === "campaign-closed" ? "Good" : "Default", lines: post.lines[locale] });
}
