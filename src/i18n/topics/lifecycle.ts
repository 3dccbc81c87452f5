// The campaign lifecycle: team posts (final figures, new campaign, weekly digest) and notices to
// management (choose a charity, record the payout).
import { count, type Bilingual } from "../format.js";

const fr = {
  closedTitle: (campaign: string, early: boolean, amount: string, charity: string) =>
    `Campagne ${campaign} ${early ? "close avant terme" : "terminée"} : ${amount} pour ${charity}`,
  closedCounted: (n: number) => count("fr", n, "commentaire compté", "commentaires comptés"),
  closedAnswers: (n: number, positive: string) => `${count("fr", n, "réponse", "réponses")}, ${positive} d'évaluations positives`,
  closedThanks: "Merci à toutes et à tous !",
  openedTitle: (campaign: string) => `Nouvelle campagne ${campaign}`,
  openedCharity: (charity: string) => `Bénéficiaire : ${charity}`,
  openedNoCharity: "L'association bénéficiaire sera choisie par la direction.",
  openedHow: "Chaque commentaire compté ajoute à la cagnotte.",
  digestTitle: (campaign: string) => `La semaine de la cagnotte (${campaign})`,
  digestPraise: (n: number) => `${count("fr", n, "remerciement reçu", "remerciements reçus")} cette semaine`,
  digestAnswers: (n: number, positive: string) => `${count("fr", n, "réponse", "réponses")}, ${positive} d'évaluations positives`,
  digestPot: (amount: string, charity: string | null) => `Cagnotte : ${amount}${charity ? ` pour ${charity}` : ""}`,
  noticeTitle: "Cagnotte : à faire",
  chooseCharity: (campaign: string) =>
    `La campagne ${campaign} est ouverte sans association : la file est vide. Ajoutez-en une avec « charity add "Nom" [url] ».`,
  commentReported: (ticketRef: string, technician: string) =>
    `Un commentaire sur le ticket ${ticketRef} (${technician}) a été signalé : il est masqué partout et ne compte plus en attendant votre décision. Voir « moderation ».`,
  payoutReminder: (campaign: string, amount: string, charity: string | null) =>
    `Versement à enregistrer : campagne ${campaign}, ${amount} pour ${charity ?? "l'association choisie"}. Une fois payé : « payout ${campaign} <montant> <référence> ».`,
};

export const lifecycle: Bilingual<typeof fr> = {
  fr,
  en: {
    closedTitle: (campaign, early, amount, charity) => `Campaign ${campaign} ${early ? "closed early" : "is over"}: ${amount} for ${charity}`,
    closedCounted: (n) => count("en", n, "counted comment", "counted comments"),
    closedAnswers: (n, positive) => `${count("en", n, "answer", "answers")}, ${positive} positive ratings`,
    closedThanks: "Thank you all!",
    openedTitle: (campaign) => `New campaign ${campaign}`,
    openedCharity: (charity) => `Beneficiary: ${charity}`,
    openedNoCharity: "Management will choose the beneficiary charity.",
    openedHow: "Every counted comment adds to the pot.",
    digestTitle: (campaign) => `The pot this week (${campaign})`,
    digestPraise: (n) => `${count("en", n, "praise message", "praise messages")} received this week`,
    digestAnswers: (n, positive) => `${count("en", n, "answer", "answers")}, ${positive} positive ratings`,
    digestPot: (amount, charity) => `Pot: ${amount}${charity ? ` for ${charity}` : ""}`,
    noticeTitle: "Cagnotte: to do",
    chooseCharity: (campaign) => `Campaign ${campaign} opened without a charity: the queue is empty. Add one with “charity add "Name" [url]”.`,
    commentReported: (ticketRef, technician) =>
      `A comment on ticket ${ticketRef} (${technician}) was reported: it is hidden everywhere and stops counting until you decide. See “moderation”.`,
    payoutReminder: (campaign, amount, charity) =>
      `Payout to record: campaign ${campaign}, ${amount} for ${charity ?? "the chosen charity"}. Once paid: “payout ${campaign} <amount> <reference>”.`,
  },
};
