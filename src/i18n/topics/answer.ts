// What the requester sees once they answered: the answered card or page, withdrawal.
import type { NotCountedReason } from "../../core/rules/counting.js";
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
  // --- why an answer added nothing to the pot (web) ---
  notCountedBecause: {
    "no-comment": "Sans commentaire écrit, elle ne compte pas pour la cagnotte : seuls les commentaires comptent.",
    "campaign-closed": "La campagne solidaire étant close, elle ne compte plus pour la cagnotte.",
    "not-requester": "Seul le commentaire du demandeur du ticket compte pour la cagnotte.",
    "duplicate-comment": "Vous avez déjà écrit ce même commentaire ce trimestre : il ne compte qu'une fois pour la cagnotte.",
    "moderation-rejected": "Ce commentaire ne respecte pas le règlement (propos injurieux ou haineux) : il ne compte pas pour la cagnotte.",
    "moderation-pending": "Votre commentaire sera relu avant de compter pour la cagnotte.",
    "requester-cap-reached": "Vous avez atteint ce trimestre le nombre de commentaires comptés par personne : celui-ci ne compte pas pour la cagnotte.",
    "client-cap-reached": "Votre société a atteint ce trimestre le nombre de commentaires comptés : celui-ci ne compte pas pour la cagnotte.",
  } satisfies Record<NotCountedReason, string>,
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
    // --- why an answer added nothing to the pot (web) ---
    notCountedBecause: {
      "no-comment": "Without a written comment it does not count for the pot: only comments count.",
      "campaign-closed": "The charity campaign has closed, so it no longer counts for the pot.",
      "not-requester": "Only the ticket requester's comment counts for the pot.",
      "duplicate-comment": "You already wrote this same comment this quarter: it counts only once for the pot.",
      "moderation-rejected": "This comment breaks the rules (abusive or hateful words): it does not count for the pot.",
      "moderation-pending": "Your comment will be reviewed before it counts for the pot.",
      "requester-cap-reached": "You have reached this quarter's number of counted comments per person: this one does not count for the pot.",
      "client-cap-reached": "Your company has reached this quarter's number of counted comments: this one does not count for the pot.",
    },
  },
};
