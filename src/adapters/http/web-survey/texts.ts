// The web answer page's words, in French and English (from the browser's Accept-Language).
import type { Locale } from "../../../core/model.js";
import { messages } from "../../../i18n/messages.js";

export interface PageTexts {
  title: string;
  intro(technician: string, ticketRef: string): string;
  optional(amountPerComment: string): string;
  ratingLegend: string;
  ratingLabels3: [string, string, string];
  commentLabel: string;
  commentHint: string;
  share: string;
  submit: string;
  thanks: string;
  counted(amount: string): string;
  notCounted: string;
  withdraw: string;
  withdrawn: string;
  refusals: Record<string, string>;
}

export const pageTexts: Record<Locale, PageTexts> = {
  fr: {
    title: "Votre avis sur l'intervention",
    intro: (technician, ticketRef) => `Votre ticket ${ticketRef} a été résolu par ${technician}.`,
    optional: messages.fr.surveyOptional,
    ratingLegend: "Votre évaluation",
    ratingLabels3: ["Mauvaise", "Correct", "Efficace"],
    commentLabel: "Votre commentaire (facultatif)",
    commentHint: "1 000 caractères au plus.",
    share: "Mon commentaire peut être partagé avec l'équipe",
    submit: "Envoyer",
    thanks: "Merci pour votre réponse !",
    counted: (amount) => `Votre commentaire ajoute ${amount} à la cagnotte.`,
    notCounted: "Votre réponse a bien été enregistrée.",
    withdraw: "Retirer mon commentaire",
    withdrawn: "Votre commentaire a été effacé.",
    refusals: {
      "already-answered": "Vous avez déjà répondu à cette enquête.",
      "survey-expired": "Cette enquête a expiré.",
      "invalid-rating": "Choisissez une évaluation.",
      "comment-too-long": "Le commentaire dépasse 1 000 caractères.",
      "survey-not-found": "Enquête introuvable.",
      "not-requester": "Ce lien n'est pas valable.",
      "nothing-to-withdraw": "Il n'y a aucun commentaire à retirer.",
    },
  },
  en: {
    title: "Your opinion on our work",
    intro: (technician, ticketRef) => `Your ticket ${ticketRef} was resolved by ${technician}.`,
    optional: messages.en.surveyOptional,
    ratingLegend: "Your rating",
    ratingLabels3: ["Poor", "OK", "Great"],
    commentLabel: "Your comment (optional)",
    commentHint: "1,000 characters at most.",
    share: "My comment may be shared with the team",
    submit: "Send",
    thanks: "Thank you for your answer!",
    counted: (amount) => `Your comment adds ${amount} to the pot.`,
    notCounted: "Your answer has been recorded.",
    withdraw: "Withdraw my comment",
    withdrawn: "Your comment has been erased.",
    refusals: {
      "already-answered": "You have already answered this survey.",
      "survey-expired": "This survey has expired.",
      "invalid-rating": "Choose a rating.",
      "comment-too-long": "The comment is longer than 1,000 characters.",
      "survey-not-found": "Survey not found.",
      "not-requester": "This link is not valid.",
      "nothing-to-withdraw": "There is no comment to withdraw.",
    },
  },
};

/** fr unless the browser prefers English over French. */
export function localeFromAcceptLanguage(header: string | undefined, fallback: Locale): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { lang: (tag ?? "").split("-")[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((l) => l.lang === "fr" || l.lang === "en")
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as Locale | undefined) ?? fallback;
}
