// User-facing text in French and English. Adapters pick the recipient's locale (their platform's
// locale, else CAGNOTTE_DEFAULT_LOCALE). Typed so that a missing translation fails the build.
import type { Locale } from "../core/model.js";

export interface Messages {
  ratingLabels3: [string, string, string];
  surveyIntro(technician: string, ticketRef: string): string;
  surveyOptional(amountPerComment: string): string;
  surveyReminder: string;
  thankYouTitle: string;
  thankYouBody(requester: string, client: string, ticketRef: string): string;
  addedToPot(added: string, pot: string): string;
  notCounted: string;
  followUpTitle(technician: string, ticketRef: string): string;
  potProgress(charity: string, amount: string, comments: number, daysLeft: number): string;
  milestone(amount: string, charity: string): string;
  noCharity: string;
}

export function formatEuros(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-IE", { style: "currency", currency: "EUR" }).format(cents / 100);
}

// French puts 0 and 1 in the singular ("0 commentaire"), English only 1.
const pluralFr = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;
const pluralEn = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const messages: Record<Locale, Messages> = {
  fr: {
    ratingLabels3: ["Mauvaise", "Correct", "Efficace"],
    surveyIntro: (technician, ticketRef) => `Votre ticket ${ticketRef} a été résolu par ${technician}. Qu'avez-vous pensé de l'intervention ?`,
    surveyOptional: (amount) =>
      `Répondre est facultatif et ne vous apporte aucune contrepartie : chaque commentaire écrit ajoute ${amount} à la cagnotte solidaire de l'équipe.`,
    surveyReminder: "Petit rappel : votre avis sur ce ticket nous aiderait.",
    thankYouTitle: "Un client vous remercie !",
    thankYouBody: (requester, client, ticketRef) => `${requester} (${client}) a évalué votre intervention sur le ticket ${ticketRef}.`,
    addedToPot: (added, pot) => `+${added} pour la cagnotte, qui atteint ${pot}.`,
    notCounted: "Cette réponse n'ajoute rien à la cagnotte.",
    followUpTitle: (technician, ticketRef) => `Évaluation à suivre : ticket ${ticketRef} (${technician})`,
    potProgress: (charity, amount, comments, daysLeft) =>
      `Cagnotte pour ${charity} : ${amount} (${pluralFr(comments, "commentaire", "commentaires")}), ${pluralFr(daysLeft, "jour restant", "jours restants")}.`,
    milestone: (amount, charity) => `La cagnotte pour ${charity} vient de passer ${amount} !`,
    noCharity: "association à choisir",
  },
  en: {
    ratingLabels3: ["Poor", "OK", "Great"],
    surveyIntro: (technician, ticketRef) => `Your ticket ${ticketRef} was resolved by ${technician}. How did it go?`,
    surveyOptional: (amount) => `Answering is optional and brings you nothing in return: each written comment adds ${amount} to the team's charity pot.`,
    surveyReminder: "A gentle reminder: your opinion on this ticket would help us.",
    thankYouTitle: "A client thanks you!",
    thankYouBody: (requester, client, ticketRef) => `${requester} (${client}) rated your work on ticket ${ticketRef}.`,
    addedToPot: (added, pot) => `+${added} for the pot, now at ${pot}.`,
    notCounted: "This answer adds nothing to the pot.",
    followUpTitle: (technician, ticketRef) => `Rating to follow up: ticket ${ticketRef} (${technician})`,
    potProgress: (charity, amount, comments, daysLeft) =>
      `Pot for ${charity}: ${amount} (${pluralEn(comments, "comment", "comments")}), ${pluralEn(daysLeft, "day", "days")} left.`,
    milestone: (amount, charity) => `The pot for ${charity} just passed ${amount}!`,
    noCharity: "charity to be chosen",
  },
};
