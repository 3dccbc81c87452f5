// The management dashboard (GET /dashboard) and its sign-in through the chat platform: the link the
// bot sends, the page that opens the session, refusals, and every heading, caption and column of
// the dashboard's charts and tables.
import type { Bilingual } from "../format.js";

const fr = {
  // Sign-in and sign-out
  linkTitle: "Votre lien vers le tableau de bord",
  linkText: (minutes: number) => `Ce lien personnel ouvre le tableau de bord de la cagnotte dans votre navigateur. Il ne sert qu'une fois et expire dans ${minutes} minutes : ne le transmettez pas.`,
  linkLabel: "Ouvrir le tableau de bord",
  linkExpires: "Expire à",
  continueTitle: "Connexion au tableau de bord",
  continueText: (hours: number) => `Ce lien ouvre, dans ce navigateur, une session de ${hours} heures sur le tableau de bord de la cagnotte. Il ne sert qu'une fois.`,
  continueButton: "Continuer",
  noSessionTitle: "Connexion nécessaire",
  noSessionText: "Le tableau de bord est réservé à la direction. Pour l'ouvrir, demandez un lien au bot : « /cagnotte dashboard » dans Slack, « dashboard » dans Teams.",
  linkUsedTitle: "Lien déjà utilisé",
  linkUsedText: "Ce lien de connexion a déjà servi : chacun n'ouvre qu'une session. Demandez-en un nouveau au bot (« /cagnotte dashboard » dans Slack, « dashboard » dans Teams).",
  linkExpiredTitle: "Lien expiré",
  linkExpiredText: (minutes: number) => `Un lien de connexion n'est valable que ${minutes} minutes. Demandez-en un nouveau au bot (« /cagnotte dashboard » dans Slack, « dashboard » dans Teams).`,
  linkUnknownTitle: "Lien non reconnu",
  linkUnknownText: "Ce lien de connexion n'existe pas. Vérifiez qu'il a été copié en entier, ou demandez-en un nouveau au bot.",
  notManagementTitle: "Accès réservé à la direction",
  notManagementText: "Votre adresse ne fait pas (ou plus) partie de la direction (CAGNOTTE_ADMINS) : le tableau de bord ne s'ouvre pas.",
  forbiddenTitle: "Demande refusée",
  forbiddenText: "Cette demande ne vient pas du tableau de bord lui-même : rien n'a été fait.",
  signOutButton: "Se déconnecter",
  signedOutTitle: "Vous êtes déconnecté",
  signedOutText: "La session est terminée dans ce navigateur. Pour revenir, demandez un nouveau lien au bot.",
};

export const dashboard: Bilingual<typeof fr> = {
  fr,
  en: {
    linkTitle: "Your link to the dashboard",
    linkText: (minutes) => `This personal link opens the pot's dashboard in your browser. It works once and expires in ${minutes} minutes: do not pass it on.`,
    linkLabel: "Open the dashboard",
    linkExpires: "Expires at",
    continueTitle: "Sign in to the dashboard",
    continueText: (hours) => `This link opens an ${hours}-hour session on the pot's dashboard in this browser. It works once.`,
    continueButton: "Continue",
    noSessionTitle: "Sign-in needed",
    noSessionText: "The dashboard is for management only. To open it, ask the bot for a link: “/cagnotte dashboard” in Slack, “dashboard” in Teams.",
    linkUsedTitle: "Link already used",
    linkUsedText: "This sign-in link has already been used: each one opens one session only. Ask the bot for a new one (“/cagnotte dashboard” in Slack, “dashboard” in Teams).",
    linkExpiredTitle: "Link expired",
    linkExpiredText: (minutes) => `A sign-in link is valid for ${minutes} minutes only. Ask the bot for a new one (“/cagnotte dashboard” in Slack, “dashboard” in Teams).`,
    linkUnknownTitle: "Link not recognised",
    linkUnknownText: "This sign-in link does not exist. Check that it was copied whole, or ask the bot for a new one.",
    notManagementTitle: "Management only",
    notManagementText: "Your address is not (or no longer) among management (CAGNOTTE_ADMINS): the dashboard does not open.",
    forbiddenTitle: "Request refused",
    forbiddenText: "This request did not come from the dashboard itself: nothing was done.",
    signOutButton: "Sign out",
    signedOutTitle: "You are signed out",
    signedOutText: "The session has ended in this browser. To come back, ask the bot for a new link.",
  },
};
