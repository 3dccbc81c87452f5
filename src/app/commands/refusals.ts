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
  "name-required": { fr: "Indiquez le nom de l'association (120 caractères au plus).", en: "Give the charity's name (at most 120 characters)." },
  "bad-url": { fr: "Le lien doit commencer par http:// ou https://.", en: "The link must start with http:// or https://." },
  "not-in-queue": { fr: "Aucune association à cette position : tapez « charity list ».", en: "No charity at that position: type “charity list”." },
  "bad-position": { fr: "Position invalide : tapez « charity list ».", en: "Invalid position: type “charity list”." },
  "no-open-campaign": { fr: "Aucune campagne ouverte en ce moment.", en: "No campaign is open right now." },
  "item-not-found": { fr: "Élément de modération introuvable.", en: "Moderation item not found." },
  "already-resolved": { fr: "Cet élément a déjà été traité.", en: "This item has already been resolved." },
  "campaign-not-found": { fr: "Campagne introuvable (format : 2026-Q3).", en: "Campaign not found (format: 2026-Q3)." },
  "campaign-still-open": { fr: "La campagne n'est pas terminée : fermez-la d'abord.", en: "The campaign is not over yet: close it first." },
  "already-paid": { fr: "Le versement de cette campagne est déjà enregistré.", en: "This campaign's payout is already recorded." },
  "bad-amount": { fr: "Montant invalide (exemple : 123.00).", en: "Invalid amount (example: 123.00)." },
  "reference-required": { fr: "Indiquez la référence du versement.", en: "Give the payout's reference." },
  "bad-date": { fr: "Date invalide (AAAA-MM-JJ, pas dans le futur).", en: "Invalid date (YYYY-MM-DD, not in the future)." },
  "person-not-found": { fr: "Personne inconnue : {0}", en: "Unknown person: {0}" },
};

export function refusal(code: string, detail = ""): CommandReply {
  const t = texts[code] ?? { fr: `Refusé : ${code}`, en: `Refused: ${code}` };
  return { kind: "refused", code, text: { fr: t.fr.replace("{0}", detail), en: t.en.replace("{0}", detail) } };
}
