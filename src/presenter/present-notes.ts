// What the outbox delivers besides the survey: praise, follow-ups, the team channel's progress,
// milestones and shared comments, lifecycle posts and notices to management.
import type { ChatContent, CommentRemoved, FollowUpNote, Notice, PotProgress, TeamPost, ThankYouNote } from "../core/views.js";
import { formatEuros, formatPercent } from "../i18n/index.js";
import type { Block, Message } from "./message.js";
import { presentAnswered, presentSurvey } from "./present-survey.js";
import { chartBlock } from "./present-chart.js";
import { ratingLabel, textsOf, ticketLine, type Presentation } from "./presentation.js";

/**
 * A quoted comment, and the button to report it when `reportable`; else, when a comment was
 * written but is no longer shown, the line that says so (every copy already sent is edited to this).
 */
function commentBlocks(comment: string | null, removed: CommentRemoved, answerId: string | null, label: string, p: Presentation): Block[] {
  const { praise: t } = textsOf(p);
  if (comment === null) return removed ? [{ type: "text", text: t.commentRemoved[removed], style: "subtle" }] : [];
  const quote: Block = { type: "quote", label, text: comment };
  if (answerId === null) return [quote];
  return [
    quote,
    {
      type: "actions",
      actions: [
        {
          id: "comment.report",
          label: t.report,
          value: answerId,
          confirm: { title: t.reportConfirmTitle, text: t.reportConfirmText, confirm: t.reportConfirm, deny: t.cancel },
        },
      ],
    },
  ];
}

export function presentThankYou(note: ThankYouNote, p: Presentation): Message {
  const { praise: t, survey: s } = textsOf(p);
  const body = t.thankYouBody(note.requesterName ?? t.unknown, note.clientName ?? t.unknown, note.ticketRef);
  const blocks: Block[] = [
    { type: "text", text: body },
    {
      type: "facts",
      facts: [
        { label: s.ticket, value: ticketLine(note.ticketRef, note.ticketTitle) },
        { label: textsOf(p).answer.rating, value: ratingLabel(note.rating, note.ratingScale, p) },
      ],
    },
    // The technician may report a comment the automatic moderation let through.
    ...commentBlocks(note.comment, note.commentRemoved, note.answerId, t.theirComment, p),
    {
      type: "text",
      style: "subtle",
      text: note.addedCents > 0 ? t.addedToPot(formatEuros(note.addedCents, p.locale), formatEuros(note.potCents, p.locale)) : t.notCounted,
    },
  ];
  return { title: t.thankYouTitle, tone: "good", summary: `${t.thankYouTitle} ${body}`, blocks };
}

export function presentFollowUp(note: FollowUpNote, p: Presentation): Message {
  const { praise: t, survey: s, answer: a } = textsOf(p);
  const title = t.followUpTitle(note.technicianName, note.ticketRef);
  const rating = ratingLabel(note.rating, note.ratingScale, p);
  const blocks: Block[] = [
    { type: "text", text: t.followUpIntro, style: "subtle" },
    { type: "text", text: t.followUpBody(note.requesterName ?? t.unknown, note.clientName ?? t.unknown, note.technicianName, rating) },
    {
      type: "facts",
      facts: [
        { label: s.ticket, value: ticketLine(note.ticketRef, note.ticketTitle) },
        { label: a.rating, value: rating },
      ],
    },
    // Management retracts rather than reports: no button here.
    ...(note.comment === null && note.commentRemoved === null ? [{ type: "text" as const, text: a.noComment, style: "subtle" as const }] : commentBlocks(note.comment, note.commentRemoved, null, t.theirComment, p)),
  ];
  return { title, tone: "attention", summary: title, blocks };
}

const BAR_CELLS = 10;

/** Progress towards the next milestone as a text bar: ▰▰▰▱▱▱▱▱▱▱  3,00 € / 10,00 €. */
function progressBar(amountCents: number, p: Presentation): string | null {
  if (p.milestoneCents <= 0) return null;
  const target = (Math.floor(amountCents / p.milestoneCents) + 1) * p.milestoneCents;
  const filled = Math.round(((amountCents - (target - p.milestoneCents)) / p.milestoneCents) * BAR_CELLS);
  const bar = `${"▰".repeat(filled)}${"▱".repeat(BAR_CELLS - filled)}`;
  return textsOf(p).status.progressBar(bar, formatEuros(amountCents, p.locale), formatEuros(target, p.locale));
}

export function presentProgress(progress: PotProgress, p: Presentation): Message {
  const { status: t } = textsOf(p);
  const charity = progress.charityName ?? t.noCharity;
  const line = t.progressLine(charity, formatEuros(progress.amountCents, p.locale), progress.countedComments, progress.daysLeft);
  const bar = progressBar(progress.amountCents, p);
  const blocks: Block[] = [
    {
      type: "facts",
      facts: [
        { label: t.charity, value: charity },
        { label: t.amount, value: formatEuros(progress.amountCents, p.locale) },
        { label: t.countedComments, value: String(progress.countedComments) },
        { label: t.daysLeft, value: String(progress.daysLeft) },
      ],
    },
    ...(bar ? [{ type: "text" as const, text: bar, style: "subtle" as const }] : []),
  ];
  return { title: t.title(progress.campaignLabel), tone: "accent", summary: line, blocks };
}

export function presentMilestone(progress: PotProgress, p: Presentation): Message {
  const { status: t } = textsOf(p);
  const charity = progress.charityName ?? t.noCharity;
  const title = t.milestone(formatEuros(progress.milestoneCents ?? progress.amountCents, p.locale), charity);
  const line = t.progressLine(charity, formatEuros(progress.amountCents, p.locale), progress.countedComments, progress.daysLeft);
  return { title, tone: "good", summary: title, blocks: [{ type: "text", text: line }] };
}

export function presentSharedComment(progress: PotProgress, p: Presentation): Message {
  const { status: t } = textsOf(p);
  // Rule 8: the comment is here only because its author ticked "may be shared". Anyone in the
  // channel may see it; the technicians there may report it.
  const blocks = commentBlocks(progress.sharedComment, progress.commentRemoved, progress.sharedAnswerId, t.sharedComment, p);
  return { title: t.sharedComment, tone: "default", summary: t.sharedComment, blocks };
}

export function presentTeamPost(post: TeamPost, p: Presentation): Message {
  const { lifecycle: t, status: st } = textsOf(p);
  let title: string;
  let lines: string[];
  switch (post.kind) {
    case "campaign-closed": {
      const f = post.figures;
      title = t.closedTitle(f.campaignLabel, f.early, formatEuros(f.amountCents, p.locale), f.charityName ?? st.noCharity);
      lines = [t.closedCounted(f.countedComments), t.closedAnswers(f.answers, formatPercent(f.positiveShare, p.locale)), t.closedThanks];
      break;
    }
    case "campaign-opened":
      title = t.openedTitle(post.campaignLabel);
      lines = [post.charityName ? t.openedCharity(post.charityName) : t.openedNoCharity, t.openedHow];
      break;
    case "weekly-digest":
      title = t.digestTitle(post.campaignLabel);
      lines = [
        t.digestPraise(post.praise),
        t.digestAnswers(post.answers, formatPercent(post.positiveShare, p.locale)),
        t.digestPot(formatEuros(post.potCents, p.locale), post.charityName),
      ];
      break;
  }
  const blocks: Block[] = lines.map((text) => ({ type: "text", text }));
  if (post.kind === "weekly-digest" && post.chart) blocks.push(chartBlock(post.chart, p));
  return { title, tone: post.kind === "campaign-closed" ? "good" : "default", summary: title, blocks };
}

export function presentNotice(notice: Notice, p: Presentation): Message {
  const { lifecycle: t } = textsOf(p);
  const text =
    notice.kind === "choose-charity"
      ? t.chooseCharity(notice.campaignLabel)
      : notice.kind === "comment-reported"
        ? t.commentReported(notice.ticketRef, notice.technicianName)
        : t.payoutReminder(notice.campaignLabel, formatEuros(notice.amountCents, p.locale), notice.charityName);
  return { title: t.noticeTitle, tone: "attention", summary: text, blocks: [{ type: "text", text }] };
}

/** Whatever the outbox delivers, as a neutral message in the reader's language. */
export function presentContent(content: ChatContent, p: Presentation): Message {
  switch (content.kind) {
    case "survey":
      return presentSurvey(content.prompt, p);
    case "answered":
      return presentAnswered(content.view, p);
    case "thank-you":
      return presentThankYou(content.note, p);
    case "follow-up":
      return presentFollowUp(content.note, p);
    case "progress":
      return presentProgress(content.progress, p);
    case "milestone":
      return presentMilestone(content.progress, p);
    case "shared-comment":
      return presentSharedComment(content.progress, p);
    case "notice":
      return presentNotice(content.notice, p);
    case "team-post":
      return presentTeamPost(content.post, p);
  }
}
