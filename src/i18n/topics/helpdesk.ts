// What write-back writes on a helpdesk ticket (GLPI follow-up, Jira internal comment), in the
// requester's language: read by the support team in their helpdesk.
import type { Bilingual } from "../format.js";

const fr = {
  /** The note's first line: whose answer, and the rating's label. */
  noteRating: (rating: string) => `Évaluation du demandeur (Cagnotte) : ${rating}`,
  noteComment: "Commentaire :",
  /** Once the comment may no longer be shown (withdrawn, hidden, retracted). */
  noteCommentWithdrawn: "Commentaire retiré.",
};

export const helpdesk: Bilingual<typeof fr> = {
  fr,
  en: {
    noteRating: (rating) => `Requester's rating (Cagnotte): ${rating}`,
    noteComment: "Comment:",
    noteCommentWithdrawn: "Comment withdrawn.",
  },
};
