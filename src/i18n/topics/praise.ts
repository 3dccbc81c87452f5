// The technician's thank-you, and the follow-up management gets instead for a poor rating.
import type { Bilingual } from "../format.js";

const fr = {
  thankYouTitle: "Un client vous remercie !",
  thankYouBody: (requester: string, client: string, ticketRef: string) => `${requester} (${client}) a évalué votre intervention sur le ticket ${ticketRef}.`,
  theirComment: "Son commentaire",
  addedToPot: (added: string, pot: string) => `+${added} pour la cagnotte, qui atteint ${pot}.`,
  notCounted: "Cette réponse n'ajoute rien à la cagnotte.",
  followUpTitle: (technician: string, ticketRef: string) => `Évaluation à suivre : ticket ${ticketRef} (${technician})`,
  followUpBody: (requester: string, client: string, technician: string, rating: string) =>
    `${requester} (${client}) a donné l'évaluation « ${rating} » à l'intervention de ${technician}. À suivre avec le technicien et le client.`,
  followUpIntro: "Évaluation basse : à suivre par la direction, elle n'est pas transmise au technicien comme un remerciement.",
  unknown: "?",
  /** In place of a comment once quoted, in every copy the bot sent (thank-you, follow-up, team channel). */
  commentRemoved: { withdrawn: "Commentaire retiré.", hidden: "Commentaire masqué en attendant la modération." },
  report: "Signaler ce commentaire",
  reportConfirmTitle: "Signaler ce commentaire ?",
  reportConfirmText: "Il sera masqué partout et ne comptera plus jusqu'à la décision de la direction, qui est prévenue.",
  reportConfirm: "Signaler",
  cancel: "Annuler",
};

export const praise: Bilingual<typeof fr> = {
  fr,
  en: {
    thankYouTitle: "A client thanks you!",
    thankYouBody: (requester, client, ticketRef) => `${requester} (${client}) rated your work on ticket ${ticketRef}.`,
    theirComment: "Their comment",
    addedToPot: (added, pot) => `+${added} for the pot, now at ${pot}.`,
    notCounted: "This answer adds nothing to the pot.",
    followUpTitle: (technician, ticketRef) => `Rating to follow up: ticket ${ticketRef} (${technician})`,
    followUpBody: (requester, client, technician, rating) =>
      `${requester} (${client}) rated ${technician}'s work “${rating}”. To follow up with the technician and the client.`,
    followUpIntro: "Low rating: for management to follow up; it is not passed on to the technician as praise.",
    unknown: "?",
    commentRemoved: { withdrawn: "Comment withdrawn.", hidden: "Comment hidden pending moderation." },
    report: "Report this comment",
    reportConfirmTitle: "Report this comment?",
    reportConfirmText: "It will be hidden everywhere and stop counting until management decides; management is told.",
    reportConfirm: "Report",
    cancel: "Cancel",
  },
};
