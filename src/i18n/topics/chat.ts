// The bot's own words in chat: welcome, the local demo, the generic title of a notice.
import type { Bilingual } from "../format.js";

const fr = {
  botName: "Cagnotte",
  welcome: "Bonjour ! Je vous enverrai une courte enquête quand un de vos tickets sera résolu. Tapez « aide » pour les commandes.",
  welcomeDemo: "Essai local : tapez « demo » pour clore un ticket de démonstration et recevoir l'enquête.",
  demoTicketTitle: "Imprimante du 3e étage en panne",
  demoClientName: "Démo SA",
};

export const chat: Bilingual<typeof fr> = {
  fr,
  en: {
    botName: "Cagnotte",
    welcome: "Hello! I will send you a short survey when one of your tickets is resolved. Type “help” for the commands.",
    welcomeDemo: "Local trial: type “demo” to close a demo ticket and get the survey.",
    demoTicketTitle: "Third-floor printer out of order",
    demoClientName: "Demo Ltd",
  },
};
