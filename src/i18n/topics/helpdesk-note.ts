// The private note Cagnotte writes on a helpdesk ticket (write-back), read by the support team in
// their helpdesk: the requester's rating and comment, and what is left once the comment is withdrawn;
// and the public comment that carries a survey's link to the requester through the helpdesk's e-mail.
import type { Bilingual } from "../format.js";

const fr = {
  heading: "Avis du demandeur, recueilli par Cagnotte",
  rating: (label: string, rating: number, scale: number) => `Note : ${label} (${rating}/${scale})`,
  comment: "Commentaire :",
  noComment: "Sans commentaire.",
  withdrawn: "Le demandeur a retiré son commentaire.",
  // Survey link (connectors-finish): the public comment that carries the survey's link in the
  // helpdesk's own e-mail to the requester (CAGNOTTE_HELPDESK_SURVEY_LINK); the original practice's subject.
  surveyLinkSubject: "Clôture de votre ticket : votre avis compte !",
  surveyLinkIntro: "Votre ticket vient d'être résolu. Qu'avez-vous pensé de l'intervention ? Répondre prend moins d'une minute :",
  surveyLinkPersonal: "Ce lien vous est personnel : il sert seulement à donner votre avis sur ce ticket.",
};

export const helpdeskNote: Bilingual<typeof fr> = {
  fr,
  en: {
    heading: "Requester's feedback, collected by Cagnotte",
    rating: (label, rating, scale) => `Rating: ${label} (${rating}/${scale})`,
    comment: "Comment:",
    noComment: "No comment.",
    withdrawn: "The requester withdrew their comment.",
    // Survey link (connectors-finish)
    surveyLinkSubject: "Your ticket is closed: your opinion counts!",
    surveyLinkIntro: "Your ticket has just been resolved. How did it go? Answering takes less than a minute:",
    surveyLinkPersonal: "This link is yours alone: it only serves to give your opinion on this ticket.",
  },
};
