// Expected refusals of commands, in French and English. Plain text; adapters escape it.
import type { CommandReply } from "./replies.js";

const texts: Record<string, { fr: string; en: string }> = {
  "not-management": {
    fr: "Cette commande est réservée à la direction (CAGNOTTE_ADMINS).",
    en: "This command is for management only (CAGNOTTE_ADMINS).",
  },
  "unknown-command": { fr: "Commande inconnue : {0}. Tapez « help ».", en: "Unknown command: {0}. Type “help”." },
  usage: { fr: "Usage : {0}", en: "Usage: {0}" },
  "nothing-to-withdraw": { fr: "Vous n'avez aucun commentaire à retirer.", en: "You have no comment to withdraw." },
  "answer-not-found": { fr: "Réponse introuvable.", en: "Answer not found." },
  "not-requester": { fr: "Seul l'auteur de la réponse peut faire cela.", en: "Only the person who answered can do that." },
  "not-management-override": { fr: "Réservé à la direction.", en: "Management only." },
  "already-counted": { fr: "Cette réponse compte déjà.", en: "This answer already counts." },
  "reason-required": { fr: "Indiquez une raison (au moins 3 caractères).", en: "Give a reason (at least 3 characters)." },
  "comment-rejected": { fr: "Un commentaire haineux ne compte jamais.", en: "A hateful comment never counts." },
  "campaign-paid": { fr: "Cette campagne est déjà versée.", en: "This campaign has already been paid out." },
  withdrawn: { fr: "Ce commentaire a été retiré par son auteur.", en: "This comment was withdrawn by its author." },
};

export function refusal(code: string, detail = ""): CommandReply {
  const t = texts[code] ?? { fr: `Refusé : ${code}`, en: `Refused: ${code}` };
  return { kind: "refused", code, text: { fr: t.fr.replace("{0}", detail), en: t.en.replace("{0}", detail) } };
}
