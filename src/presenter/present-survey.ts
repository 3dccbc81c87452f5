// The requester's side: the survey, the answered survey, a refusal.
import { MAX_COMMENT_LENGTH } from "../core/rules/comment.js";
import type { Refusal } from "../core/refusal.js";
import type { AnsweredView, SurveyPrompt } from "../core/views.js";
import { formatEuros, formatMoment } from "../i18n/index.js";
import type { Block, Message } from "./message.js";
import { ratingLabel, textsOf, ticketLine, type Presentation } from "./presentation.js";

export function presentSurvey(prompt: SurveyPrompt, p: Presentation): Message {
  const { survey: s } = textsOf(p);
  const options = Array.from({ length: prompt.ratingScale }, (_, i) => prompt.ratingScale - i).map((value) => ({
    value,
    label: ratingLabel(value, prompt.ratingScale, p),
  }));
  const facts = [
    { label: s.ticket, value: ticketLine(prompt.ticketRef, prompt.ticketTitle) },
    { label: s.technician, value: prompt.technicianName },
    ...(prompt.clientName ? [{ label: s.client, value: prompt.clientName }] : []),
  ];
  const blocks: Block[] = [
    ...(prompt.reminder ? [{ type: "text" as const, text: s.reminder, style: "subtle" as const }] : []),
    { type: "text", text: s.intro(prompt.technicianName, prompt.ticketRef) },
    { type: "facts", facts },
    { type: "input", input: { kind: "rating", label: s.ratingLegend, requiredMessage: s.ratingRequired, options } },
    { type: "input", input: { kind: "comment", label: s.commentLabel, placeholder: s.commentPlaceholder, hint: s.commentHint(MAX_COMMENT_LENGTH), maxLength: MAX_COMMENT_LENGTH } },
    { type: "input", input: { kind: "share", label: s.shareLabel, hint: s.shareHint, heading: s.sharing } },
    { type: "text", text: s.optional(formatEuros(prompt.amountCents, p.locale), prompt.caps.perRequester, prompt.caps.perClient), style: "subtle" },
    { type: "deadline", label: s.openUntil, at: prompt.expiresAt, text: formatMoment(prompt.expiresAt, p.locale, p.timeZone) },
    { type: "link", text: s.rulesLine, label: s.rulesLink, url: prompt.rulesUrl },
    { type: "actions", actions: [{ id: "survey.answer", label: s.submit, value: prompt.surveyId, style: "primary" }] },
  ];
  return { title: s.header(prompt.ticketRef), tone: "default", summary: s.fallback(prompt.ticketRef), blocks };
}

export function presentAnswered(view: AnsweredView, p: Presentation): Message {
  const { survey: s, answer: a } = textsOf(p);
  const blocks: Block[] = [
    {
      type: "facts",
      facts: [
        { label: s.ticket, value: ticketLine(view.ticketRef, view.ticketTitle) },
        { label: a.rating, value: ratingLabel(view.rating, view.ratingScale, p) },
      ],
    },
  ];
  if (view.withdrawn) {
    blocks.push({ type: "text", text: a.withdrawn(view.withdrawn.reversedCents > 0) });
    if (view.withdrawn.keptCents) blocks.push({ type: "text", text: a.moneyStays(formatEuros(view.withdrawn.keptCents, p.locale)), style: "subtle" });
  } else if (view.comment || view.commentRemoved) {
    if (view.comment) {
      blocks.push({ type: "quote", label: a.comment, text: view.comment });
      blocks.push({ type: "text", text: view.shareConsent ? a.willBeShared : a.notShared, style: "subtle" });
    } else if (view.commentRemoved) {
      // Retracted by management, or reported: hidden from its author's card too; they may still erase it.
      blocks.push({ type: "text", text: textsOf(p).praise.commentRemoved[view.commentRemoved], style: "subtle" });
    }
    blocks.push({ type: "text", text: view.addedCents > 0 ? a.counted(formatEuros(view.addedCents, p.locale)) : a.notCounted });
    if (view.addedCents === 0 && view.notCounted) blocks.push({ type: "text", text: a.notCountedBecause[view.notCounted], style: "subtle" });
    blocks.push({
      type: "actions",
      actions: [
        {
          id: "comment.withdraw",
          label: a.withdraw,
          value: view.answerId,
          style: "danger",
          confirm: { title: a.withdrawConfirmTitle, text: a.withdrawConfirmText, confirm: a.withdrawConfirm, deny: s.cancel },
        },
      ],
    });
  } else {
    blocks.push({ type: "text", text: a.notCounted });
    if (view.notCounted) blocks.push({ type: "text", text: a.notCountedBecause[view.notCounted], style: "subtle" });
  }
  const title = view.withdrawn ? a.withdrawnTitle : a.thanks;
  return { title, tone: "good", summary: `${title} ${ticketLine(view.ticketRef, view.ticketTitle)}`, blocks };
}

export function presentRefusal(r: Refusal, p: Presentation): Message {
  const text = textsOf(p).refusals[r.code](r.detail ?? "");
  return { title: text, tone: "attention", summary: text, blocks: [] };
}
