// The web answer page's own words (the survey's and the answer's come from their topics).
import type { Bilingual } from "../format.js";

const fr = {
  notFoundTitle: "Lien d'enquête non reconnu",
  expiredTitle: "Enquête expirée",
  answeredTitle: "Enquête déjà remplie",
  withdrawnTitle: "Commentaire retiré",
  installLinkInvalid: "Ce lien d'installation n'est pas valable. Demandez-en un nouveau à votre prestataire informatique.",
};

export const web: Bilingual<typeof fr> = {
  fr,
  en: {
    notFoundTitle: "Survey link not recognised",
    expiredTitle: "Survey expired",
    answeredTitle: "Survey already answered",
    withdrawnTitle: "Comment withdrawn",
    installLinkInvalid: "This install link is not valid. Ask your IT provider for a new one.",
  },
};
