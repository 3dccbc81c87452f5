// The survey by e-mail (requesters outside Slack and Teams, clients set to e-mail first) and the
// page of its unsubscribe link. The subject keeps the original practice's words.
import type { Bilingual } from "../format.js";

const fr = {
  subject: (ticketRef: string) => `Clôture de votre ticket ${ticketRef} : votre avis compte !`,
  reminderSubject: (ticketRef: string) => `Rappel – Clôture de votre ticket ${ticketRef} : votre avis compte !`,
  greeting: (name: string | null) => (name ? `Bonjour ${name},` : "Bonjour,"),
  intro: (technician: string, ticketRef: string) => `Votre ticket ${ticketRef} vient d'être clôturé par ${technician}. Qu'avez-vous pensé de l'intervention ? Répondre prend moins d'une minute.`,
  oneClick: "Votre évaluation, en un clic :",
  answer: "Donner mon avis",
  commentLater: "Vous pourrez ajouter un commentaire pour le technicien sur la page qui s'ouvre.",
  copyLink: "Si un lien ci-dessus ne s'ouvre pas, copiez celui-ci dans votre navigateur :",
  why: "Vous recevez ce message parce que votre support informatique a clôturé un ticket que vous aviez ouvert.",
  unsubscribeLine: "Vous ne souhaitez plus recevoir ces enquêtes ?",
  unsubscribeLink: "Se désabonner",
  // The page behind the unsubscribe link.
  pageTitle: "Ne plus recevoir les enquêtes de satisfaction",
  pageAsk: (email: string) => `Les enquêtes de satisfaction ne seront plus envoyées à ${email}, ni par e-mail, ni dans Slack ou Teams.`,
  pageConfirm: "Confirmer le désabonnement",
  doneTitle: "Désabonnement enregistré",
  done: "Vous ne recevrez plus d'enquête de satisfaction. Vous pouvez changer d'avis à tout moment :",
  resubscribe: "Recevoir de nouveau les enquêtes",
  resubscribedTitle: "Vous recevrez de nouveau les enquêtes",
  resubscribed: "Le prochain ticket clôturé vous vaudra de nouveau une enquête de satisfaction.",
  notFoundTitle: "Lien introuvable",
  notFound: "Ce lien de désabonnement est incomplet ou inconnu. Vérifiez-le, ou écrivez à votre support informatique.",
};

export const mail: Bilingual<typeof fr> = {
  fr,
  en: {
    subject: (ticketRef) => `Your ticket ${ticketRef} is closed: your opinion counts!`,
    reminderSubject: (ticketRef) => `Reminder – Your ticket ${ticketRef} is closed: your opinion counts!`,
    greeting: (name) => (name ? `Hello ${name},` : "Hello,"),
    intro: (technician, ticketRef) => `Your ticket ${ticketRef} has just been closed by ${technician}. How did it go? Answering takes less than a minute.`,
    oneClick: "Your rating, in one click:",
    answer: "Give my opinion",
    commentLater: "You can add a comment for the technician on the page that opens.",
    copyLink: "If a link above does not open, copy this one into your browser:",
    why: "You receive this message because your IT support closed a ticket you had opened.",
    unsubscribeLine: "Rather not receive these surveys?",
    unsubscribeLink: "Unsubscribe",
    pageTitle: "Stop receiving satisfaction surveys",
    pageAsk: (email) => `Satisfaction surveys will no longer be sent to ${email}, neither by e-mail nor in Slack or Teams.`,
    pageConfirm: "Confirm unsubscribing",
    doneTitle: "You are unsubscribed",
    done: "You will receive no more satisfaction surveys. You can change your mind at any time:",
    resubscribe: "Receive the surveys again",
    resubscribedTitle: "You will receive the surveys again",
    resubscribed: "Your next closed ticket will bring a satisfaction survey again.",
    notFoundTitle: "Link not found",
    notFound: "This unsubscribe link is incomplete or unknown. Check it, or write to your IT support.",
  },
};
