// What Cagnotte writes on a helpdesk ticket, in the requester's language (the catalogue's words),
// the same for all four helpdesks: the private note of write-back (who wrote it, the rating, then
// the comment or what became of it) and the public comment that carries a survey's link. As plain
// lines, or as HTML (GLPI follow-ups, Freshdesk notes and replies) with every string escaped.
import { textsFor } from "../../i18n/index.js";
import type { SurveyLinkPost, WriteBackAnswer } from "../../ports/helpdesk.js";
import { escapeHtml } from "../http/web-survey/html.js";

export function noteLines(answer: WriteBackAnswer, commentWithdrawn: boolean): string[] {
  const t = textsFor(answer.locale).helpdeskNote;
  const lines = [t.heading, t.rating(answer.ratingLabel, answer.rating, answer.ratingScale)];
  if (commentWithdrawn) lines.push(t.withdrawn);
  else if (answer.comment) lines.push(t.comment, answer.comment);
  else lines.push(t.noComment);
  return lines;
}

/** The note as HTML: one paragraph a line, line breaks inside a comment kept. */
export function noteHtml(answer: WriteBackAnswer, commentWithdrawn: boolean): string {
  return noteLines(answer, commentWithdrawn)
    .map((line) => `<p>${escapeHtml(line).replace(/\r?\n/g, "<br>")}</p>`)
    .join("");
}

/** The survey link's public comment as plain text (Zendesk turns the bare URL into a link). */
export function surveyLinkText(link: SurveyLinkPost): string {
  return [link.subject, "", ...link.lines].join("\n");
}

/** The survey link's public comment as HTML: the subject in bold, the URL as a link. */
export function surveyLinkHtml(link: SurveyLinkPost): string {
  const line = (text: string) => (text === link.surveyUrl ? `<a href="${escapeHtml(text)}">${escapeHtml(text)}</a>` : escapeHtml(text));
  return [`<p><strong>${escapeHtml(link.subject)}</strong></p>`, ...link.lines.map((l) => `<p>${line(l)}</p>`)].join("");
}
