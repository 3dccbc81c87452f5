// French command words, read as their English equivalents: « cagnotte statut » is `status`.
// The English words stay the canonical ones (audit log, help, examples).

const SUBCOMMANDS: Readonly<Record<string, string>> = {
  aide: "help",
  statut: "status",
  état: "status",
  etat: "status",
  historique: "history",
  retirer: "withdraw",
  "oublie-moi": "forget-me",
  oublier: "forget-me",
  association: "charity",
  associations: "charity",
  campagne: "campaign",
  modération: "moderation",
  moderation: "moderation",
  compter: "override",
  "retirer-commentaire": "retract",
  versement: "payout",
  journal: "audit",
  canal: "channel",
  démo: "demo",
  // E-mail channel
  demandeur: "requester",
  // Dashboard
  tableau: "dashboard",
  "tableau-de-bord": "dashboard",
};

const ARGUMENTS: Readonly<Record<string, string>> = {
  liste: "list",
  ajouter: "add",
  réordonner: "reorder",
  reordonner: "reorder",
  déplacer: "reorder",
  supprimer: "remove",
  enlever: "remove",
  clore: "close",
  fermer: "close",
  approuver: "approve",
  rejeter: "reject",
  confirmer: "confirm",
  réponses: "answers",
  reponses: "answers",
  techniciens: "technicians",
  vérifiée: "vetted",
  verifiee: "vetted",
  vérifié: "vetted",
  verifie: "vetted",
  // E-mail channel
  "email-d-abord": "email-first",
  "courriel-d-abord": "email-first",
  enquêtes: "surveys",
  enquetes: "surveys",
  oui: "on",
  non: "off",
};

/** The canonical (English) name of a command word typed in French or English. */
export function canonicalCommand(word: string): string {
  const w = word.toLowerCase();
  return SUBCOMMANDS[w] ?? w;
}

/** The canonical form of a keyword argument ("ajouter" → "add"); other arguments unchanged. */
export function canonicalArgument(word: string): string {
  return ARGUMENTS[word.toLowerCase()] ?? word;
}
