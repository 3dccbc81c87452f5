// The lines of the private note written back on a ticket, in the requester's language (the
// catalogue's words): who wrote it, the rating, then the comment or what became of it.
import { textsFor } from "../../i18n/index.js";
import type { WriteBackAnswer } from "../../ports/helpdesk.js";

export function noteLines(answer: WriteBackAnswer, commentWithdrawn: boolean): string[] {
  const t = textsFor(answer.locale).helpdeskNote;
  const lines = [t.heading, t.rating(answer.ratingLabel, answer.rating, answer.ratingScale)];
  if (commentWithdrawn) lines.push(t.withdrawn);
  else if (answer.comment) lines.push(t.comment, answer.comment);
  else lines.push(t.noComment);
  return lines;
}
