// The privacy notice (GET /privacy) and the terms of use (GET /terms) the Teams manifest links to,
// with this installation's settings: contact, comment retention, answer period, règlement address.
import type { Bilingual } from "../format.js";

const fr = {
  privacyTitle: "Confidentialité",
  privacyIntro:
    "Cagnotte est le robot d'enquêtes de satisfaction de votre prestataire informatique : après un incident résolu, il vous demande une note et, si vous le voulez, un commentaire ; chaque commentaire écrit ajoute un montant à une cagnotte versée à une association.",
  dataTitle: "Ce qui est enregistré",
  data: [
    "votre adresse e-mail et votre nom, tels que l'outil de tickets les transmet, et votre identifiant Slack ou Teams quand le robot vous écrit ;",
    "le ticket : sa référence, son titre, le technicien et votre société ;",
    "votre note, votre commentaire s'il y en a un, et si vous acceptez qu'il soit partagé avec l'équipe ;",
    "la langue de vos messages, pour vous écrire en français ou en anglais ;",
    "votre choix de ne plus recevoir d'enquêtes, si vous l'avez fait (lien « Se désabonner » des e-mails).",
  ],
  useTitle: "À quoi cela sert",
  use: [
    "remercier le technicien et suivre la qualité du support ;",
    "compter les commentaires de la cagnotte et publier ses totaux, sans aucune donnée personnelle ;",
    "rien d'autre : ni publicité, ni revente, ni transmission hors de l'entreprise.",
  ],
  readersTitle: "Qui le lit",
  readers:
    "Le technicien concerné et la direction du support lisent votre note et votre commentaire ; le reste de l'équipe seulement si vous avez coché « peut être partagé ». Votre note et votre commentaire peuvent aussi être recopiés sur le ticket, dans l'outil de tickets du support. Slack, Microsoft Teams ou le service d'e-mail du support transportent les messages, selon leurs propres conditions.",
  keepingTitle: "Combien de temps",
  keeping: (retentionDays: number, answerableDays: number) => [
    `Une enquête peut recevoir une réponse pendant ${answerableDays} jours.`,
    `Les commentaires sont effacés ${retentionDays} jours après leur dépôt ; les montants de la cagnotte restent, sans commentaire.`,
  ],
  rightsTitle: "Vos droits",
  rights: [
    "Retirer un commentaire à tout moment : bouton « Retirer mon commentaire », lien de l'enquête, ou commande « withdraw ».",
    "Tout effacer : commande « forget-me », ou écrivez au contact ci-dessous.",
    "Ne plus recevoir d'enquêtes : lien « Se désabonner » au bas de chaque e-mail d'enquête.",
    "Obtenir une copie de vos données ou les faire corriger : écrivez au contact ci-dessous.",
  ],
  rulesText: "Le règlement de la campagne :",
  rulesLabel: "lire le règlement",
  contact: (contact: string | null) =>
    contact ? `Contact pour vos données : ${contact}` : "Contact pour vos données : le support de votre prestataire informatique.",
  termsTitle: "Conditions d'utilisation",
  termsIntro: "En utilisant Cagnotte dans Slack, dans Teams ou par le lien d'une enquête, vous acceptez ces conditions.",
  termsItems: (answerableDays: number) => [
    "Répondre est facultatif et ne vous apporte aucune contrepartie ; ne pas répondre ne change rien à votre support.",
    `Une enquête reste ouverte ${answerableDays} jours ; son lien est personnel : ne le transmettez pas.`,
    "Les commentaires racistes, antisémites, xénophobes, haineux ou injurieux ne sont jamais comptés ni montrés.",
    "Le robot est fourni tel quel par votre prestataire informatique, qui peut l'interrompre ou le modifier.",
    "La cagnotte suit son règlement : association choisie chaque trimestre, versement enregistré, totaux publics.",
  ],
};

export const legal: Bilingual<typeof fr> = {
  fr,
  en: {
    privacyTitle: "Privacy",
    privacyIntro:
      "Cagnotte is your IT provider's satisfaction survey bot: after a resolved incident it asks you for a rating and, if you wish, a comment; each written comment adds an amount to a pot given to a charity.",
    dataTitle: "What is recorded",
    data: [
      "your e-mail address and name, as the ticketing tool sends them, and your Slack or Teams id when the bot writes to you;",
      "the ticket: its reference, its title, the technician and your company;",
      "your rating, your comment if you leave one, and whether you agree to share it with the team;",
      "the language of your messages, to write to you in French or English;",
      "your choice to receive no more surveys, if you made it (the e-mails' “Unsubscribe” link).",
    ],
    useTitle: "What it is for",
    use: [
      "thanking the technician and following the quality of support;",
      "counting the pot's comments and publishing its totals, with no personal data;",
      "nothing else: no advertising, no resale, nothing passed outside the company.",
    ],
    readersTitle: "Who reads it",
    readers:
      "The technician concerned and support management read your rating and comment; the rest of the team only if you ticked “may be shared”. Your rating and comment may also be copied onto the ticket, in the support team's ticketing tool. Slack, Microsoft Teams or the support team's e-mail service carry the messages, under their own terms.",
    keepingTitle: "How long",
    keeping: (retentionDays, answerableDays) => [
      `A survey can be answered for ${answerableDays} days.`,
      `Comments are erased ${retentionDays} days after they were left; the pot's amounts remain, without comments.`,
    ],
    rightsTitle: "Your rights",
    rights: [
      "Withdraw a comment at any time: the “Withdraw my comment” button, the survey link, or the “withdraw” command.",
      "Erase everything: the “forget-me” command, or write to the contact below.",
      "Stop receiving surveys: the “Unsubscribe” link at the bottom of every survey e-mail.",
      "Get a copy of your data or have it corrected: write to the contact below.",
    ],
    rulesText: "The campaign's rules:",
    rulesLabel: "read the rules",
    contact: (contact) => (contact ? `Contact about your data: ${contact}` : "Contact about your data: your IT provider's support team."),
    termsTitle: "Terms of use",
    termsIntro: "By using Cagnotte in Slack, in Teams or through a survey link, you accept these terms.",
    termsItems: (answerableDays) => [
      "Answering is optional and brings you nothing in return; not answering changes nothing about your support.",
      `A survey stays open for ${answerableDays} days; its link is personal: do not pass it on.`,
      "Racist, antisemitic, xenophobic, hateful or abusive comments are never counted nor shown.",
      "The bot is provided as is by your IT provider, who may stop or change it.",
      "The pot follows its rules: a charity chosen each quarter, the payout recorded, the totals public.",
    ],
  },
};
