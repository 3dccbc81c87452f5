// `help`: everyone's commands, then management's, each with what it does and one example.
// `prefix` is how the platform starts a command: "/cagnotte " in Slack, "cagnotte " in Teams.
import type { Bilingual } from "../format.js";

export interface HelpEntry {
  usage: string;
  what: string;
  example?: string;
}

const fr = {
  title: "Commandes Cagnotte",
  everyone: "Pour tout le monde",
  management: "Pour la direction",
  example: "exemple",
  line: (prefix: string, e: HelpEntry) => `${prefix}${e.usage} : ${e.what}${e.example ? ` (exemple : ${prefix}${e.example})` : ""}`,
  everyoneEntries: [
    { usage: "status", what: "où en est la cagnotte du trimestre" },
    { usage: "withdraw", what: "retirer votre dernier commentaire" },
    { usage: "forget-me", what: "effacer tous vos commentaires (puis « forget-me confirm »)" },
    { usage: "help", what: "cette aide (les mots français marchent aussi : statut, retirer, aide…)" },
  ] as HelpEntry[],
  managementEntries: [
    { usage: "history", what: "campagnes passées et total versé" },
    {
      usage: "charity list | add \"Nom\" [url] vetted <AAAA-MM-JJ> | reorder <de> <à> | remove <position>",
      what: "la file des associations (ni religieuse, ni politique, ni syndicale, probité vérifiée à la date indiquée)",
      example: "charity add \"Rêves de Gosse\" https://revesdegosse.fr vetted 2026-11-20",
    },
    { usage: "campaign close [raison]", what: "clore la campagne avant terme", example: "campaign close fin de contrat" },
    { usage: "moderation | moderation approve|reject <id> [raison]", what: "la file de modération" },
    { usage: "override <réponse> <raison>", what: "compter une réponse malgré tout", example: "override 3f2a… commentaire oral transmis par téléphone" },
    {
      usage: "retract <réponse> <raison>",
      what: "retirer un commentaire à tout moment : masqué partout, chaque message qui le citait remplacé, retiré de la cagnotte tant qu'elle n'est pas versée",
      example: "retract 3f2a… propos discriminatoire",
    },
    { usage: "payout <campagne> <montant> <référence> [AAAA-MM-JJ] [raison]", what: "enregistrer un versement (une raison s'il diffère de la cagnotte)", example: "payout 2026-Q3 123.00 VIR-2026-10-05" },
    { usage: "export [answers|contributions|technicians|campaigns] [campagne]", what: "export CSV", example: "export technicians 2026-Q3" },
    { usage: "export-person <e-mail>", what: "les données d'une personne" },
    { usage: "audit [n]", what: "le journal des actions de la direction" },
    // E-mail channel
    {
      usage: "client <id|nom> email-first on|off",
      what: "enquêtes des demandeurs de ce client d'abord par e-mail (sinon Slack ou Teams d'abord, l'e-mail en dernier recours)",
      example: "client client-7 email-first on",
    },
    { usage: "requester <e-mail> surveys on|off", what: "un demandeur reçoit de nouveau les enquêtes après s'être désabonné (ou n'en reçoit plus)" },
    // Dashboard
    { usage: "dashboard", what: "un lien personnel (10 minutes, une seule fois) vers le tableau de bord web : tendances, techniciens, clients, versements" },
  ] as HelpEntry[],
  slackInstall: { usage: "slack-install <client>", what: "lien d'installation pour le Slack d'un client (OAuth)" } as HelpEntry,
  teamsChannel: { usage: "channel", what: "(dans un canal d'équipe) y publier la progression de la cagnotte" } as HelpEntry,
  teamsDemo: { usage: "demo", what: "(essai local) clore un ticket de démonstration pour recevoir l'enquête" } as HelpEntry,
};

export const help: Bilingual<typeof fr> = {
  fr,
  en: {
    title: "Cagnotte commands",
    everyone: "For everyone",
    management: "For management",
    example: "example",
    line: (prefix, e) => `${prefix}${e.usage}: ${e.what}${e.example ? ` (example: ${prefix}${e.example})` : ""}`,
    everyoneEntries: [
      { usage: "status", what: "where this quarter's pot stands" },
      { usage: "withdraw", what: "withdraw your latest comment" },
      { usage: "forget-me", what: "erase all your comments (then “forget-me confirm”)" },
      { usage: "help", what: "this help" },
    ],
    managementEntries: [
      { usage: "history", what: "past campaigns and total given" },
      {
        usage: "charity list | add \"Name\" [url] vetted <YYYY-MM-DD> | reorder <from> <to> | remove <position>",
        what: "the charity queue (neither religious, political nor union-affiliated; probity checked on that date)",
        example: "charity add \"Rêves de Gosse\" https://revesdegosse.fr vetted 2026-11-20",
      },
      { usage: "campaign close [reason]", what: "close the campaign early", example: "campaign close end of contract" },
      { usage: "moderation | moderation approve|reject <id> [reason]", what: "the moderation queue" },
      { usage: "override <answer> <reason>", what: "count an answer anyway", example: "override 3f2a… comment given by phone" },
      {
        usage: "retract <answer> <reason>",
        what: "retract a comment at any time: hidden everywhere, every message quoting it replaced, taken out of the pot unless already paid out",
        example: "retract 3f2a… discriminatory remark",
      },
      { usage: "payout <campaign> <amount> <reference> [YYYY-MM-DD] [reason]", what: "record a payout (a reason if it differs from the pot)", example: "payout 2026-Q3 123.00 TRF-2026-10-05" },
      { usage: "export [answers|contributions|technicians|campaigns] [campaign]", what: "CSV export", example: "export technicians 2026-Q3" },
      { usage: "export-person <e-mail>", what: "one person's data" },
      { usage: "audit [n]", what: "the log of management actions" },
      // E-mail channel
      {
        usage: "client <id|name> email-first on|off",
        what: "surveys of this client's requesters by e-mail first (else Slack or Teams first, e-mail as a last resort)",
        example: "client client-7 email-first on",
      },
      { usage: "requester <e-mail> surveys on|off", what: "a requester receives surveys again after unsubscribing (or no more)" },
      // Dashboard
      { usage: "dashboard", what: "a personal link (10 minutes, once) to the web dashboard: trends, technicians, clients, payouts" },
    ],
    slackInstall: { usage: "slack-install <client>", what: "install link for a client's own Slack (OAuth)" },
    teamsChannel: { usage: "channel", what: "(in a team channel) post the pot's progress there" },
    teamsDemo: { usage: "demo", what: "(local trial) close a demo ticket to get the survey" },
  },
};
