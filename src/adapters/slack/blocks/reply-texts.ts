// Texts of the `/cagnotte` replies, French and English (French puts 0 and 1 in the singular).
import type { Locale } from "../../../core/model.js";

export interface ReplyTexts {
  statusTitle(label: string): string;
  charity(name: string): string;
  needsCharity: string;
  closed: string;
  amount(amount: string, comments: number): string;
  answers(answers: number, surveys: number): string;
  responseRate(rate: string): string;
  positive(share: string): string;
  daysLeft(days: number): string;
  managementTitle: string;
  topTechnicians: string;
  noPraise: string;
  pendingModeration(n: number): string;
  caps(requesters: number, clients: number): string;
  historyTitle: string;
  noHistory: string;
  paid(amount: string, date: string, reference: string): string;
  unpaid: string;
  totalGiven(amount: string): string;
  charitiesTitle: string;
  noCharities: string;
  moderationTitle(n: number): string;
  noModeration: string;
  approve: string;
  reject: string;
  auditTitle: string;
  noAudit: string;
  helpTitle: string;
  helpEveryone: string[];
  helpManagement: string[];
}

const fr: ReplyTexts = {
  statusTitle: (l) => `Cagnotte ${l}`,
  charity: (n) => `Association : *${n}*`,
  needsCharity: "Association : _à choisir par la direction_",
  closed: "Campagne close.",
  amount: (a, c) => `Montant : *${a}* (${c} ${c <= 1 ? "commentaire compté" : "commentaires comptés"})`,
  answers: (a, s) => `Réponses : ${a} sur ${s} ${s <= 1 ? "enquête" : "enquêtes"}`,
  responseRate: (r) => `Taux de réponse : ${r}`,
  positive: (p) => `Avis positifs : ${p}`,
  daysLeft: (d) => `${d} ${d <= 1 ? "jour restant" : "jours restants"}`,
  managementTitle: "Vue direction",
  topTechnicians: "Techniciens les plus remerciés :",
  noPraise: "aucun remerciement pour l'instant",
  pendingModeration: (n) => `À modérer : ${n}`,
  caps: (r, c) => `Plafonds atteints : ${r} demandeur(s), ${c} client(s)`,
  historyTitle: "Historique des campagnes",
  noHistory: "Aucune campagne pour l'instant.",
  paid: (a, d, r) => `versé ${a} le ${d} (réf. ${r})`,
  unpaid: "versement à enregistrer",
  totalGiven: (a) => `Total versé depuis le début : *${a}*`,
  charitiesTitle: "Associations en file d'attente",
  noCharities: "Aucune association en attente. Ajoutez-en : /cagnotte charity add \"Nom\" [url]",
  moderationTitle: (n) => `À modérer : ${n}`,
  noModeration: "Rien à modérer.",
  approve: "Approuver",
  reject: "Rejeter",
  auditTitle: "Journal",
  noAudit: "Journal vide.",
  helpTitle: "Commandes /cagnotte",
  helpEveryone: [
    "`/cagnotte status` : où en est la cagnotte",
    "`/cagnotte withdraw` : retirer votre dernier commentaire",
    "`/cagnotte forget-me` : effacer tous vos commentaires",
    "`/cagnotte help` : cette aide",
  ],
  helpManagement: [
    "`/cagnotte history` : campagnes passées et total versé",
    "`/cagnotte charity add \"Nom\" [url]` · `charity list` · `charity reorder <de> <à>` · `charity remove <position>` : associations",
    "`/cagnotte campaign close [raison]` : clore la campagne",
    "`/cagnotte override <réponse> <raison>` : compter une réponse",
    "`/cagnotte moderation` : file de modération",
    "`/cagnotte payout <campagne> <montant> <référence>` : enregistrer un versement",
    "`/cagnotte export [answers|contributions|technicians] [campagne]` : export CSV",
    "`/cagnotte export-person <e-mail>` : données d'une personne",
    "`/cagnotte audit` : journal des actions de la direction",
    "`/cagnotte slack-install <client>` : lien d'installation pour le Slack d'un client (OAuth)",
  ],
};

const en: ReplyTexts = {
  statusTitle: (l) => `Charity pot ${l}`,
  charity: (n) => `Charity: *${n}*`,
  needsCharity: "Charity: _to be chosen by management_",
  closed: "Campaign closed.",
  amount: (a, c) => `Amount: *${a}* (${c} counted ${c === 1 ? "comment" : "comments"})`,
  answers: (a, s) => `Answers: ${a} of ${s} ${s === 1 ? "survey" : "surveys"}`,
  responseRate: (r) => `Response rate: ${r}`,
  positive: (p) => `Positive ratings: ${p}`,
  daysLeft: (d) => `${d} ${d === 1 ? "day" : "days"} left`,
  managementTitle: "Management view",
  topTechnicians: "Most praised technicians:",
  noPraise: "no praise yet",
  pendingModeration: (n) => `Awaiting moderation: ${n}`,
  caps: (r, c) => `Caps reached: ${r} requester(s), ${c} client(s)`,
  historyTitle: "Campaign history",
  noHistory: "No campaign yet.",
  paid: (a, d, r) => `paid ${a} on ${d} (ref. ${r})`,
  unpaid: "payout to record",
  totalGiven: (a) => `Total given so far: *${a}*`,
  charitiesTitle: "Charities in the queue",
  noCharities: "No charity queued. Add one: /cagnotte charity add \"Name\" [url]",
  moderationTitle: (n) => `Awaiting moderation: ${n}`,
  noModeration: "Nothing to moderate.",
  approve: "Approve",
  reject: "Reject",
  auditTitle: "Audit log",
  noAudit: "The log is empty.",
  helpTitle: "/cagnotte commands",
  helpEveryone: [
    "`/cagnotte status`: where the pot stands",
    "`/cagnotte withdraw`: withdraw your latest comment",
    "`/cagnotte forget-me`: erase all your comments",
    "`/cagnotte help`: this help",
  ],
  helpManagement: [
    "`/cagnotte history`: past campaigns and total given",
    "`/cagnotte charity add \"Name\" [url]` · `charity list` · `charity reorder <from> <to>` · `charity remove <position>`: charities",
    "`/cagnotte campaign close [reason]`: close the campaign",
    "`/cagnotte override <answer> <reason>`: count an answer",
    "`/cagnotte moderation`: moderation queue",
    "`/cagnotte payout <campaign> <amount> <reference>`: record a payout",
    "`/cagnotte export [answers|contributions|technicians] [campaign]`: CSV export",
    "`/cagnotte export-person <e-mail>`: one person's data",
    "`/cagnotte audit`: log of management actions",
    "`/cagnotte slack-install <client>`: install link for a client's own Slack (OAuth)",
  ],
};

export const replyTexts: Record<Locale, ReplyTexts> = { fr, en };
