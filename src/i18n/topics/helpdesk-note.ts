// The private note Cagnotte writes on a helpdesk ticket (write-back), read by the support team in
// their helpdesk: the requester's rating and comment, and what is left once the comment is withdrawn.
import type { Bilingual } from "../format.js";

const fr = {
  heading: "Avis du demandeur, recueilli par Cagnotte",
  rating: (label: string, rating: number, scale: number) => `Note : ${label} (${rating}/${scale})`,
  comment: "Commentaire :",
  noComment: "Sans commentaire.",
  withdrawn: "Le demandeur a retiré son commentaire.",
};

export const helpdeskNote: Bilingual<typeof fr> = {
  fr,
  en: {
    heading: "Requester's feedback, collected by Cagnotte",
    rating: (label, rating, scale) => `Rating: ${label} (${rating}/${scale})`,
    comment: "Comment:",
    noComment: "No comment.",
    withdrawn: "The requester withdrew their comment.",
  },
};
