// The text a helpdesk note says (GLPI follow-up, Jira internal comment), in the requester's
// language from the catalogue: the rating's label, then the comment while it may be shown.
import { textsFor } from "../../i18n/index.js";
import type { WriteBackAnswer } from "../../ports/helpdesk.js";

export interface NoteText {
  rating: string;
  /** "Commentaire :" / "Comment:", and the comment; null when there is none. */
  comment: { label: string; text: string } | null;
  /** Set when the comment was withdrawn (or hidden) since it was written. */
  withdrawn: string | null;
}

export function noteText(answer: WriteBackAnswer, withdrawn = false): NoteText {
  const t = textsFor(answer.locale).helpdesk;
  return {
    rating: t.noteRating(answer.ratingLabel),
    comment: answer.comment !== null && !withdrawn ? { label: t.noteComment, text: answer.comment } : null,
    withdrawn: withdrawn ? t.noteCommentWithdrawn : null,
  };
}

/** As plain lines (GLPI follow-ups are HTML: each part is escaped by the caller). */
export function noteLines(note: NoteText): string[] {
  return [note.rating, ...(note.comment ? [`${note.comment.label} ${note.comment.text}`] : []), ...(note.withdrawn ? [note.withdrawn] : [])];
}
