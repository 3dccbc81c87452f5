// The règlement page (GET /reglement): the campaign's rules with this installation's figures.
import type { Bilingual } from "../format.js";

const fr = {
  title: "Règlement de la campagne solidaire",
  intro: (amount: string) =>
    `Après chaque incident résolu, le demandeur reçoit une courte enquête. Chaque commentaire écrit qu'il laisse ajoute ${amount} à une cagnotte versée chaque trimestre à une association.`,
  countsTitle: "Ce qui compte",
  counts: (perRequester: number, perClient: number) => [
    "un commentaire écrit (pas seulement une note), laissé par le demandeur du ticket lui-même ;",
    "unique : la répétition d'un commentaire déjà compté du même demandeur ne compte pas ;",
    "laissé pendant la campagne : l'heure du commentaire décide du trimestre ;",
    "correct : un commentaire raciste, antisémite, xénophobe, haineux ou injurieux n'est jamais compté ni montré ;",
    `au plus ${perRequester} commentaires comptés par personne et ${perClient} par société cliente et par trimestre.`,
  ],
  campaignTitle: "La campagne en cours",
  campaign: "Campagne",
  charity: "Association",
  noCharity: "à choisir par la direction",
  collected: "Montant collecté",
  counted: "Commentaires comptés",
  daysLeft: "Jours restants",
  closed: "campagne close",
  rightsTitle: "Vos droits",
  rights: (days: number) => [
    "Répondre est facultatif et ne vous apporte aucune contrepartie.",
    `Vous pouvez répondre pendant ${days} jours après la résolution du ticket, et au moins jusqu'à la fin du trimestre.`,
    "Votre commentaire n'est jamais publié hors de l'entreprise sans votre accord ; l'équipe ne le voit que si vous cochez « peut être partagé ». Le technicien concerné et la direction le lisent.",
    "Vous pouvez retirer votre commentaire à tout moment (bouton « Retirer mon commentaire », lien de l'enquête, ou commande « withdraw ») : il est effacé de la base et de tous les messages envoyés ; tant que la campagne est ouverte, il ne compte plus.",
    "« forget-me » efface tous vos commentaires.",
  ],
  charityTitle: "L'association et le versement",
  charityRules: [
    "Une association par trimestre, choisie par la direction : ni religieuse, ni politique, ni syndicale, et dont la probité a été vérifiée.",
    "Le mois qui suit la fin de la campagne, la cagnotte est versée et le versement est enregistré (date, montant, référence).",
    "Tout client peut demander le total collecté et le nombre de commentaires ; ces chiffres sont publics, sans aucune donnée personnelle.",
  ],
  acceptance: "Répondre à une enquête vaut acceptation de ce règlement.",
  contact: (contact: string | null) => (contact ? `Une question ? ${contact}` : "Une question ? Adressez-vous au support de votre prestataire informatique."),
};

export const reglement: Bilingual<typeof fr> = {
  fr,
  en: {
    title: "Charity campaign rules",
    intro: (amount) =>
      `After each resolved incident, the requester gets a short survey. Each written comment they leave adds ${amount} to a pot given each quarter to a charity.`,
    countsTitle: "What counts",
    counts: (perRequester, perClient) => [
      "a written comment (not just a rating), left by the ticket's own requester;",
      "unique: repeating a comment already counted from the same requester does not count;",
      "left during the campaign: the time of the comment decides the quarter;",
      "acceptable: a racist, antisemitic, xenophobic, hateful or abusive comment is never counted nor shown;",
      `at most ${perRequester} counted comments per person and ${perClient} per client company each quarter.`,
    ],
    campaignTitle: "The current campaign",
    campaign: "Campaign",
    charity: "Charity",
    noCharity: "to be chosen by management",
    collected: "Collected",
    counted: "Counted comments",
    daysLeft: "Days left",
    closed: "campaign closed",
    rightsTitle: "Your rights",
    rights: (days) => [
      "Answering is optional and brings you nothing in return.",
      `You may answer for ${days} days after your ticket was resolved, and at least until the end of the quarter.`,
      "Your comment is never published outside the company without your consent; the team sees it only if you tick “may be shared”. The technician concerned and management read it.",
      "You may withdraw your comment at any time (“Withdraw my comment” button, the survey link, or the “withdraw” command): it is erased from the database and from every message sent; while the campaign is open it no longer counts.",
      "“forget-me” erases all your comments.",
    ],
    charityTitle: "The charity and the payout",
    charityRules: [
      "One charity per quarter, chosen by management: neither religious, political nor union-affiliated, and whose probity was checked.",
      "In the month after the campaign ends, the pot is paid and the payout is recorded (date, amount, reference).",
      "Any client may ask for the total collected and the number of comments; these figures are public, with no personal data.",
    ],
    acceptance: "Answering a survey means accepting these rules.",
    contact: (contact) => (contact ? `A question? ${contact}` : "A question? Ask your IT provider's support team."),
  },
};
