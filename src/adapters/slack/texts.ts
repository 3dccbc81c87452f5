// Slack-only texts, French and English. Shared texts (rating labels, praise) come from
// src/i18n/messages.ts; these are the ones only the Slack screens need. Plain text: callers escape
// the user-supplied parts they insert.
import type { Locale } from "../../core/model.js";
import { messages } from "../../i18n/messages.js";

export interface SlackTexts {
  surveyHeader(ticketRef: string): string;
  resolvedBy(technician: string): string;
  client(name: string): string;
  fallbackSurvey(ticketRef: string): string;
  modalTitle: string;
  modalSubmit: string;
  modalClose: string;
  modalRating(label: string): string;
  commentLabel: string;
  commentPlaceholder: string;
  commentHint: string;
  shareLabel: string;
  shareOption: string;
  shareHint: string;
  commentTooLong(max: number): string;
  notRequester: string;
  alreadyAnswered: string;
  expired: string;
  surveyGone: string;
  answeredTitle(rating: string): string;
  yourComment: string;
  willBeShared: string;
  notShared: string;
  withdrawButton: string;
  withdrawConfirmTitle: string;
  withdrawConfirmText: string;
  withdrawConfirm: string;
  cancel: string;
  withdrawn: string;
  withdrawnPot: string;
  noComment: string;
  ratingOf(rating: number, scale: number): string;
  thankYouComment: string;
  followUpBody(requester: string, client: string, rating: string): string;
  progressTitle(label: string): string;
  progressLine(amount: string, comments: number, daysLeft: number): string;
  sharedCommentTitle: string;
  somethingWrong: string;
  fileTitle: string;
}

const fr: SlackTexts = {
  surveyHeader: (ref) => `Votre avis sur le ticket ${ref}`,
  resolvedBy: (t) => `Résolu par *${t}*.`,
  client: (c) => `Client : ${c}`,
  fallbackSurvey: (ref) => `Votre ticket ${ref} est résolu : qu'en avez-vous pensé ?`,
  modalTitle: "Votre avis",
  modalSubmit: "Envoyer",
  modalClose: "Annuler",
  modalRating: (label) => `Votre note : *${label}*`,
  commentLabel: "Un commentaire ? (facultatif)",
  commentPlaceholder: "Ce qui vous a plu, ce qui pourrait être mieux…",
  commentHint: "1 000 caractères au plus. Le technicien le lira ; la direction aussi.",
  shareLabel: "Partage",
  shareOption: "Mon commentaire peut être partagé avec l'équipe",
  shareHint: "Sans cette case, il n'est montré qu'au technicien et à la direction.",
  commentTooLong: (max) => `Le commentaire dépasse ${max} caractères.`,
  notRequester: "Seul le demandeur du ticket peut répondre à cette enquête. Rien n'a été enregistré.",
  alreadyAnswered: "Vous avez déjà répondu à cette enquête : merci ! Une seule réponse est prise en compte.",
  expired: "Cette enquête a expiré : il n'est plus possible d'y répondre.",
  surveyGone: "Cette enquête n'existe plus.",
  answeredTitle: (r) => `Merci pour votre réponse : *${r}*.`,
  yourComment: "Votre commentaire :",
  willBeShared: "Vous avez accepté qu'il soit partagé avec l'équipe.",
  notShared: "Il ne sera montré qu'au technicien et à la direction.",
  withdrawButton: "Retirer mon commentaire",
  withdrawConfirmTitle: "Retirer le commentaire ?",
  withdrawConfirmText: "Le texte sera effacé et ne comptera plus dans la cagnotte.",
  withdrawConfirm: "Retirer",
  cancel: "Annuler",
  withdrawn: "Votre commentaire a été retiré et effacé.",
  withdrawnPot: "Votre commentaire a été retiré, effacé et déduit de la cagnotte.",
  noComment: "(sans commentaire)",
  ratingOf: (r, s) => (s === 3 ? (messages.fr.ratingLabels3[r - 1] ?? String(r)) : `${r}/${s}`),
  thankYouComment: "Son commentaire :",
  followUpBody: (req, client, r) => `${req} (${client}) a donné la note *${r}*. À suivre avec le technicien et le client.`,
  progressTitle: (label) => `Cagnotte solidaire ${label}`,
  progressLine: (amount, comments, days) =>
    `*${amount}* · ${comments} ${comments <= 1 ? "commentaire compté" : "commentaires comptés"} · ${days} ${days <= 1 ? "jour restant" : "jours restants"}`,
  sharedCommentTitle: "Un client a partagé son commentaire :",
  somethingWrong: "Un problème est survenu ; il a été noté. Réessayez dans un instant.",
  fileTitle: "Export",
};

const en: SlackTexts = {
  surveyHeader: (ref) => `Your opinion on ticket ${ref}`,
  resolvedBy: (t) => `Resolved by *${t}*.`,
  client: (c) => `Client: ${c}`,
  fallbackSurvey: (ref) => `Your ticket ${ref} is resolved: how did it go?`,
  modalTitle: "Your opinion",
  modalSubmit: "Send",
  modalClose: "Cancel",
  modalRating: (label) => `Your rating: *${label}*`,
  commentLabel: "A comment? (optional)",
  commentPlaceholder: "What you liked, what could be better…",
  commentHint: "1,000 characters at most. The technician will read it; management too.",
  shareLabel: "Sharing",
  shareOption: "My comment may be shared with the team",
  shareHint: "Unticked, only the technician and management see it.",
  commentTooLong: (max) => `The comment is longer than ${max} characters.`,
  notRequester: "Only the ticket's requester can answer this survey. Nothing was recorded.",
  alreadyAnswered: "You have already answered this survey: thank you! Only one answer counts.",
  expired: "This survey has expired: it can no longer be answered.",
  surveyGone: "This survey no longer exists.",
  answeredTitle: (r) => `Thank you for your answer: *${r}*.`,
  yourComment: "Your comment:",
  willBeShared: "You agreed that it may be shared with the team.",
  notShared: "Only the technician and management will see it.",
  withdrawButton: "Withdraw my comment",
  withdrawConfirmTitle: "Withdraw the comment?",
  withdrawConfirmText: "The text will be erased and no longer count in the pot.",
  withdrawConfirm: "Withdraw",
  cancel: "Cancel",
  withdrawn: "Your comment was withdrawn and erased.",
  withdrawnPot: "Your comment was withdrawn, erased and taken out of the pot.",
  noComment: "(no comment)",
  ratingOf: (r, s) => (s === 3 ? (messages.en.ratingLabels3[r - 1] ?? String(r)) : `${r}/${s}`),
  thankYouComment: "Their comment:",
  followUpBody: (req, client, r) => `${req} (${client}) gave the rating *${r}*. To follow up with the technician and the client.`,
  progressTitle: (label) => `Charity pot ${label}`,
  progressLine: (amount, comments, days) =>
    `*${amount}* · ${comments} counted ${comments === 1 ? "comment" : "comments"} · ${days} ${days === 1 ? "day" : "days"} left`,
  sharedCommentTitle: "A client shared their comment:",
  somethingWrong: "Something went wrong; it has been logged. Try again in a moment.",
  fileTitle: "Export",
};

export const slackTexts: Record<Locale, SlackTexts> = { fr, en };

/** Slack locales look like "fr-FR", "en-GB": keep the language if we speak it. */
export function localeFromSlack(slackLocale: string | null | undefined): Locale | null {
  const lang = slackLocale?.slice(0, 2).toLowerCase();
  return lang === "fr" || lang === "en" ? lang : null;
}
