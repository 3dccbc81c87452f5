// Teams-only texts, French and English (shared texts live in src/i18n/messages.ts). Plain text:
// the card renderer escapes whatever it binds, so nothing here is Markdown.
import type { Locale } from "../../core/model.js";

export interface TeamsTexts {
  surveyTitle: string;
  ratingLabel: string;
  ratingLabels5: [string, string, string, string, string];
  commentLabel: string;
  commentPlaceholder: string;
  shareLabel: string;
  submit: string;
  answerBy: string;
  ratingRequired: string;
  answeredTitle: string;
  answeredRating: string;
  answeredComment: string;
  answeredCounted(added: string): string;
  answeredNotCounted: string;
  withdraw: string;
  withdrawnTitle: string;
  withdrawnBody: string;
  alreadyAnswered: string;
  expired: string;
  notRequester: string;
  surveyMissing: string;
  invalidRating: string;
  commentTooLong: string;
  somethingWrong: string;
  ticket: string;
  technician: string;
  progressTitle(label: string): string;
  sharedCommentIntro: string;
  statusTitle(label: string): string;
  charity: string;
  amount: string;
  countedComments: string;
  answers: string;
  responseRate: string;
  positiveShare: string;
  daysLeft: string;
  campaignClosed: string;
  needsCharity: string;
  topTechnicians: string;
  pendingModeration: string;
  atCap(requesters: number, clients: number): string;
  historyTitle: string;
  totalGiven(amount: string): string;
  paid(amount: string, on: string, ref: string): string;
  notPaid: string;
  helpTitle: string;
  helpEveryone: string[];
  helpManagement: string[];
  charitiesTitle: string;
  noCharities: string;
  moderationTitle: string;
  moderationEmpty: string;
  approve: string;
  reject: string;
  auditTitle: string;
  auditEmpty: string;
  fileTruncated(lines: number): string;
  channelSet: string;
  channelOnlyInChannel: string;
  welcome: string;
  demoScheduled(ref: string): string;
  demoIgnored(reason: string): string;
  followUpIntro: string;
  noComment: string;
}

export const teamsTexts: Record<Locale, TeamsTexts> = {
  fr: {
    surveyTitle: "Votre avis sur l'intervention",
    ratingLabel: "Votre note",
    ratingLabels5: ["Très mauvaise", "Mauvaise", "Correcte", "Bonne", "Excellente"],
    commentLabel: "Un commentaire pour le technicien (facultatif)",
    commentPlaceholder: "Ce qui vous a plu, ce qui pourrait être mieux…",
    shareLabel: "Mon commentaire peut être montré à l'équipe support",
    submit: "Envoyer",
    answerBy: "Enquête ouverte jusqu'au",
    ratingRequired: "Choisissez une note.",
    answeredTitle: "Merci pour votre réponse !",
    answeredRating: "Note",
    answeredComment: "Commentaire",
    answeredCounted: (added) => `Votre commentaire ajoute ${added} à la cagnotte solidaire.`,
    answeredNotCounted: "Votre réponse est bien enregistrée et transmise au technicien.",
    withdraw: "Retirer mon commentaire",
    withdrawnTitle: "Commentaire retiré",
    withdrawnBody: "Votre commentaire a été effacé.",
    alreadyAnswered: "Vous avez déjà répondu à cette enquête : une seule réponse par ticket.",
    expired: "Cette enquête a expiré.",
    notRequester: "Seul le demandeur du ticket peut répondre à cette enquête.",
    surveyMissing: "Cette enquête n'existe plus.",
    invalidRating: "Cette note n'est pas valide.",
    commentTooLong: "Le commentaire dépasse 1 000 caractères.",
    somethingWrong: "Un problème est survenu ; il a été consigné. Réessayez plus tard.",
    ticket: "Ticket",
    technician: "Technicien",
    progressTitle: (label) => `Cagnotte solidaire – ${label}`,
    sharedCommentIntro: "Dernier commentaire partagé :",
    statusTitle: (label) => `Cagnotte – ${label}`,
    charity: "Association",
    amount: "Montant",
    countedComments: "Commentaires comptés",
    answers: "Réponses / enquêtes",
    responseRate: "Taux de réponse",
    positiveShare: "Notes positives",
    daysLeft: "Jours restants",
    campaignClosed: "Campagne close",
    needsCharity: "Aucune association choisie : utilisez « cagnotte charity ».",
    topTechnicians: "Techniciens les plus remerciés :",
    pendingModeration: "En attente de modération",
    atCap: (r, c) => `Plafonds atteints : ${r} demandeur(s), ${c} client(s)`,
    historyTitle: "Campagnes passées",
    totalGiven: (amount) => `Total versé : ${amount}`,
    paid: (amount, on, ref) => `versé ${amount} le ${on} (réf. ${ref})`,
    notPaid: "non versé",
    helpTitle: "Commandes cagnotte",
    helpEveryone: [
      "cagnotte status : la cagnotte du trimestre",
      "cagnotte withdraw : retirer votre dernier commentaire",
      "cagnotte forget-me : effacer tous vos commentaires",
      "cagnotte help : cette aide",
    ],
    helpManagement: [
      "cagnotte history : campagnes passées",
      "cagnotte charity list | add \"Nom\" [url] | reorder <de> <à> | remove <position> : associations",
      "cagnotte campaign close [raison] : clore la campagne",
      "cagnotte override <réponse> <raison> : compter une réponse",
      "cagnotte moderation : file de modération",
      "cagnotte payout <campagne> <montant> <référence> : enregistrer un versement",
      "cagnotte export [answers|contributions|technicians] [campagne] : export CSV",
      "cagnotte export-person <e-mail> : données d'une personne",
      "cagnotte audit : journal des actions de la direction",
      "cagnotte channel : (dans un canal) y publier la progression",
    ],
    charitiesTitle: "Associations en attente",
    noCharities: "Aucune association dans la file.",
    moderationTitle: "File de modération",
    moderationEmpty: "Rien à modérer.",
    approve: "Compter",
    reject: "Rejeter",
    auditTitle: "Journal",
    auditEmpty: "Journal vide.",
    fileTruncated: (lines) => `… ${lines} ligne(s) de plus non affichées.`,
    channelSet: "Ce canal recevra la progression de la cagnotte.",
    channelOnlyInChannel: "Tapez « cagnotte channel » dans le canal d'équipe choisi (en mentionnant le bot).",
    welcome: "Bonjour ! Je vous enverrai une courte enquête quand un de vos tickets sera résolu. Tapez « help » pour les commandes.",
    demoScheduled: (ref) => `Ticket de démonstration ${ref} clos : l'enquête arrive dans un instant.`,
    demoIgnored: (reason) => `Ticket de démonstration ignoré (${reason}).`,
    followUpIntro: "Note basse : à suivre par la direction, pas transmise comme remerciement.",
    noComment: "(sans commentaire)",
  },
  en: {
    surveyTitle: "Your opinion on the support you got",
    ratingLabel: "Your rating",
    ratingLabels5: ["Very poor", "Poor", "OK", "Good", "Excellent"],
    commentLabel: "A comment for the technician (optional)",
    commentPlaceholder: "What you liked, what could be better…",
    shareLabel: "My comment may be shared with the support team",
    submit: "Send",
    answerBy: "Open until",
    ratingRequired: "Choose a rating.",
    answeredTitle: "Thank you for your answer!",
    answeredRating: "Rating",
    answeredComment: "Comment",
    answeredCounted: (added) => `Your comment adds ${added} to the charity pot.`,
    answeredNotCounted: "Your answer is recorded and passed on to the technician.",
    withdraw: "Withdraw my comment",
    withdrawnTitle: "Comment withdrawn",
    withdrawnBody: "Your comment was erased.",
    alreadyAnswered: "You have already answered this survey: one answer per ticket.",
    expired: "This survey has expired.",
    notRequester: "Only the ticket's requester can answer this survey.",
    surveyMissing: "This survey no longer exists.",
    invalidRating: "This rating is not valid.",
    commentTooLong: "The comment is longer than 1,000 characters.",
    somethingWrong: "Something went wrong; it has been logged. Please try again later.",
    ticket: "Ticket",
    technician: "Technician",
    progressTitle: (label) => `Charity pot – ${label}`,
    sharedCommentIntro: "Latest shared comment:",
    statusTitle: (label) => `Charity pot – ${label}`,
    charity: "Charity",
    amount: "Amount",
    countedComments: "Counted comments",
    answers: "Answers / surveys",
    responseRate: "Response rate",
    positiveShare: "Positive ratings",
    daysLeft: "Days left",
    campaignClosed: "Campaign closed",
    needsCharity: "No charity chosen yet: use “cagnotte charity”.",
    topTechnicians: "Most thanked technicians:",
    pendingModeration: "Waiting for moderation",
    atCap: (r, c) => `Caps reached: ${r} requester(s), ${c} client(s)`,
    historyTitle: "Past campaigns",
    totalGiven: (amount) => `Total given: ${amount}`,
    paid: (amount, on, ref) => `paid ${amount} on ${on} (ref. ${ref})`,
    notPaid: "not paid yet",
    helpTitle: "Cagnotte commands",
    helpEveryone: [
      "cagnotte status: this quarter's pot",
      "cagnotte withdraw: withdraw your latest comment",
      "cagnotte forget-me: erase all your comments",
      "cagnotte help: this help",
    ],
    helpManagement: [
      "cagnotte history: past campaigns",
      "cagnotte charity list | add \"Name\" [url] | reorder <from> <to> | remove <position>: charities",
      "cagnotte campaign close [reason]: close the campaign",
      "cagnotte override <answer> <reason>: count an answer",
      "cagnotte moderation: moderation queue",
      "cagnotte payout <campaign> <amount> <reference>: record a payout",
      "cagnotte export [answers|contributions|technicians] [campaign]: CSV export",
      "cagnotte export-person <e-mail>: one person's data",
      "cagnotte audit: log of management actions",
      "cagnotte channel: (in a channel) post the pot's progress there",
    ],
    charitiesTitle: "Charities in the queue",
    noCharities: "No charity in the queue.",
    moderationTitle: "Moderation queue",
    moderationEmpty: "Nothing to moderate.",
    approve: "Count it",
    reject: "Reject",
    auditTitle: "Audit log",
    auditEmpty: "The audit log is empty.",
    fileTruncated: (lines) => `… ${lines} more line(s) not shown.`,
    channelSet: "This channel will get the pot's progress.",
    channelOnlyInChannel: "Type “cagnotte channel” in the team channel you choose (mentioning the bot).",
    welcome: "Hello! I will send you a short survey when one of your tickets is resolved. Type “help” for the commands.",
    demoScheduled: (ref) => `Demo ticket ${ref} closed: the survey is on its way.`,
    demoIgnored: (reason) => `Demo ticket ignored (${reason}).`,
    followUpIntro: "Low rating: for management to follow up, not passed on as praise.",
    noComment: "(no comment)",
  },
};

/** Teams sends locales such as "fr-FR" or "en-US"; anything not French reads English. */
export function localeOf(activityLocale: string | undefined | null, fallback: Locale): Locale {
  if (!activityLocale) return fallback;
  return activityLocale.toLowerCase().startsWith("fr") ? "fr" : "en";
}
