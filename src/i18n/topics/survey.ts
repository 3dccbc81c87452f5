// The survey a requester gets when their ticket closes (chat card, web page, e-mail later).
import type { Bilingual } from "../format.js";

const fr = {
  title: "Votre avis sur l'intervention",
  header: (ticketRef: string) => `Votre avis sur le ticket ${ticketRef}`,
  intro: (technician: string, ticketRef: string) => `Votre ticket ${ticketRef} a été résolu par ${technician}. Qu'avez-vous pensé de l'intervention ?`,
  fallback: (ticketRef: string) => `Votre ticket ${ticketRef} est résolu : qu'en avez-vous pensé ?`,
  reminder: "Petit rappel : votre avis sur ce ticket nous aiderait.",
  ticket: "Ticket",
  technician: "Technicien",
  client: "Client",
  ratingLegend: "Votre évaluation",
  ratingRequired: "Choisissez une évaluation.",
  // They qualify « l'intervention »: feminine.
  ratingLabels3: ["Mauvaise", "Correcte", "Efficace"] as [string, string, string],
  ratingLabels5: ["Très mauvaise", "Mauvaise", "Correcte", "Bonne", "Excellente"] as [string, string, string, string, string],
  commentLabel: "Un commentaire pour le technicien (facultatif)",
  commentPlaceholder: "Ce qui vous a plu, ce qui pourrait être mieux…",
  commentHint: (max: number) => `${max.toLocaleString("fr-FR")} caractères au plus. Le technicien le lira, la direction aussi.`,
  shareLabel: "Mon commentaire peut être partagé avec l'équipe",
  shareHint: "Sans cette case, il n'est montré qu'au technicien et à la direction.",
  sharing: "Partage",
  submit: "Envoyer",
  cancel: "Annuler",
  yourRating: (label: string) => `Votre évaluation : ${label}`,
  openUntil: "Enquête ouverte jusqu'au",
  optional: (amount: string, perRequester: number, perClient: number) =>
    `Répondre est facultatif et ne vous apporte aucune contrepartie. Chaque commentaire écrit ajoute ${amount} à la cagnotte solidaire de l'équipe, ` +
    `dans la limite de ${perRequester} commentaires par personne et ${perClient} par société sur le trimestre (hors commentaires injurieux ou haineux).`,
  rulesLine: "Répondre vaut acceptation du règlement de la campagne solidaire.",
  rulesLink: "Lire le règlement",
};

export const survey: Bilingual<typeof fr> = {
  fr,
  en: {
    title: "Your opinion on the support you got",
    header: (ticketRef) => `Your opinion on ticket ${ticketRef}`,
    intro: (technician, ticketRef) => `Your ticket ${ticketRef} was resolved by ${technician}. How did it go?`,
    fallback: (ticketRef) => `Your ticket ${ticketRef} is resolved: how did it go?`,
    reminder: "A gentle reminder: your opinion on this ticket would help us.",
    ticket: "Ticket",
    technician: "Technician",
    client: "Client",
    ratingLegend: "Your rating",
    ratingRequired: "Choose a rating.",
    ratingLabels3: ["Poor", "OK", "Great"],
    ratingLabels5: ["Very poor", "Poor", "OK", "Good", "Excellent"],
    commentLabel: "A comment for the technician (optional)",
    commentPlaceholder: "What you liked, what could be better…",
    commentHint: (max) => `${max.toLocaleString("en-GB")} characters at most. The technician will read it; management too.`,
    shareLabel: "My comment may be shared with the team",
    shareHint: "Unticked, only the technician and management see it.",
    sharing: "Sharing",
    submit: "Send",
    cancel: "Cancel",
    yourRating: (label) => `Your rating: ${label}`,
    openUntil: "Open until",
    optional: (amount, perRequester, perClient) =>
      `Answering is optional and brings you nothing in return. Each written comment adds ${amount} to the team's charity pot, ` +
      `up to ${perRequester} comments per person and ${perClient} per company each quarter (abusive or hateful comments excluded).`,
    rulesLine: "Answering means accepting the charity campaign's rules.",
    rulesLink: "Read the rules",
  },
};
