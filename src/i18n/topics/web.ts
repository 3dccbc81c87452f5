// The web answer page's own words (the survey's and the answer's come from their topics).
import type { Bilingual } from "../format.js";

const fr = {
  notFoundTitle: "Lien d'enquête non reconnu",
  expiredTitle: "Enquête expirée",
  answeredTitle: "Enquête déjà remplie",
  withdrawnTitle: "Commentaire retiré",
  installLinkInvalid: "Ce lien d'installation n'est pas valable. Demandez-en un nouveau à votre prestataire informatique.",
  // --- web page: who asks, bad links, withdrawal confirmed (web) ---
  askedBy: (company: string) => `Enquête de satisfaction de ${company}`,
  askedByUnnamed: "Enquête de satisfaction de votre prestataire informatique",
  charityIs: (campaign: string, charity: string) => `Campagne solidaire ${campaign} : la cagnotte sera versée à l'association ${charity}.`,
  charityNotChosen: (campaign: string) => `Campagne solidaire ${campaign} : l'association qui recevra la cagnotte n'est pas encore choisie.`,
  charitySite: "Découvrir l'association",
  contactLine: (contact: string) => `Une question ? Écrivez à ${contact}.`,
  contactUnnamed: "Une question ? Adressez-vous au support de votre prestataire informatique.",
  notFoundText:
    "Ce lien ne correspond à aucune enquête : il a pu être coupé sur deux lignes dans un e-mail, ou modifié. Rouvrez-le depuis le message reçu, en copiant le lien en entier.",
  expiredText: "Il n'est plus possible de répondre à cette enquête. Merci d'avoir pris le temps de l'ouvrir.",
  expiredOn: "Enquête close le",
  rulesAbout: "Comment fonctionne la campagne solidaire :",
  withdrawYes: "Oui, retirer mon commentaire",
  withdrawKeep: "Non, garder mon commentaire",
  withdrawNothingYet: "Rien n'est effacé tant que vous n'avez pas confirmé.",
};

export const web: Bilingual<typeof fr> = {
  fr,
  en: {
    notFoundTitle: "Survey link not recognised",
    expiredTitle: "Survey expired",
    answeredTitle: "Survey already answered",
    withdrawnTitle: "Comment withdrawn",
    installLinkInvalid: "This install link is not valid. Ask your IT provider for a new one.",
    // --- web page: who asks, bad links, withdrawal confirmed (web) ---
    askedBy: (company) => `A satisfaction survey from ${company}`,
    askedByUnnamed: "A satisfaction survey from your IT provider",
    charityIs: (campaign, charity) => `Charity campaign ${campaign}: the pot goes to ${charity}.`,
    charityNotChosen: (campaign) => `Charity campaign ${campaign}: the charity that will receive the pot has not been chosen yet.`,
    charitySite: "About the charity",
    contactLine: (contact) => `A question? Write to ${contact}.`,
    contactUnnamed: "A question? Ask your IT provider's support.",
    notFoundText:
      "This link matches no survey: it may have been cut across two lines in an e-mail, or altered. Open it again from the message you received, copying the whole link.",
    expiredText: "This survey can no longer be answered. Thank you for taking the time to open it.",
    expiredOn: "Survey closed on",
    rulesAbout: "How the charity campaign works:",
    withdrawYes: "Yes, withdraw my comment",
    withdrawKeep: "No, keep my comment",
    withdrawNothingYet: "Nothing is erased until you confirm.",
  },
};
