// What the requester sees once they answered: the answered card or page, withdrawal.
import type { Bilingual } from "../format.js";

const fr = {
  thanks: "Merci pour votre réponse !",
  rating: "Évaluation",
  comment: "Votre commentaire",
  noComment: "(sans commentaire)",
  willBeShared: "Vous avez accepté qu'il soit partagé avec l'équipe.",
  notShared: "Il ne sera montré qu'au technicien et à la direction.",
  counted: (added: string) => `Votre commentaire ajoute ${added} à la cagnotte solidaire.`,
  notCounted: "Votre réponse est bien enregistrée et transmise au technicien.",
  withdraw: "Retirer mon commentaire",
  withdrawConfirmTitle: "Retirer le commentaire ?",
  withdrawConfirmText: "Le texte sera effacé et ne comptera plus dans la cagnotte.",
  withdrawConfirm: "Retirer",
  withdrawnTitle: "Commentaire retiré",
  withdrawn: (reversed: boolean): string => (reversed ? "Votre commentaire a été effacé et retiré de la cagnotte." : "Votre commentaire a été effacé."),
  /** Withdrawn after the campaign closed: the money it added stays (rule 7). */
  moneyStays: (amount: string) => `La campagne étant close, les ${amount} qu'il avait ajoutés restent dans la cagnotte.`,
};

export const answer: Bilingual<typeof fr> = {
  fr,
  en: {
    thanks: "Thank you for your answer!",
    rating: "Rating",
    comment: "Your comment",
    noComment: "(no comment)",
    willBeShared: "You agreed that it may be shared with the team.",
    notShared: "Only the technician and management will see it.",
    counted: (added) => `Your comment adds ${added} to the charity pot.`,
    notCounted: "Your answer is recorded and passed on to the technician.",
    withdraw: "Withdraw my comment",
    withdrawConfirmTitle: "Withdraw the comment?",
    withdrawConfirmText: "The text will be erased and no longer count in the pot.",
    withdrawConfirm: "Withdraw",
    withdrawnTitle: "Comment withdrawn",
    withdrawn: (reversed) => (reversed ? "Your comment was erased and taken out of the pot." : "Your comment was erased."),
    moneyStays: (amount) => `The campaign has closed, so the ${amount} it added stay in the pot.`,
  },
};
