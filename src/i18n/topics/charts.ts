// Charts in chat (titles, axes, the alt text that says what a picture shows) and the exports as
// files (the download link Teams gets, the pages a stale or wrong link opens).
import { count, type Bilingual } from "../format.js";

const fr = {
  campaignPotTitle: (campaign: string) => `La cagnotte ${campaign}, jour après jour`,
  campaignPotAlt: (campaign: string, amount: string, days: number) =>
    `Graphique : la cagnotte de la campagne ${campaign} cumulée jour après jour, ${amount} après ${count("fr", days, "jour", "jours")}.`,
  quartersPotTitle: "La cagnotte des derniers trimestres",
  quartersPotAlt: (campaigns: number, first: string, last: string, total: string) =>
    `Graphique en barres : la cagnotte de ${count("fr", campaigns, "campagne", "campagnes")}, de ${first} à ${last}, ${total} au total.`,
  axisDay: "Jour",
  axisPot: "Cagnotte (€)",
  axisCampaign: "Campagne",
  downloadTitle: (filename: string) => `Export prêt : ${filename}`,
  downloadText: (minutes: number) => `Le lien est valable ${count("fr", minutes, "minute", "minutes")} et vous est personnel : ne le transférez pas.`,
  downloadLabel: "Télécharger le fichier",
  linkExpiredTitle: "Ce lien a expiré",
  linkExpiredText: "Demandez un nouvel export au bot (« export »).",
  linkInvalidTitle: "Ce lien n'est pas valable",
  linkInvalidText: "Vérifiez qu'il a été copié en entier, ou demandez un nouvel export au bot.",
  notManagementTitle: "Réservé à la direction",
  notManagementText: "Ces exports contiennent des données personnelles : seule la direction (CAGNOTTE_ADMINS) peut les télécharger.",
  exportNotFound: (what: string) => `Aucun export « ${what} » : les exports sont answers, contributions, technicians et campaigns, en .csv ou .xlsx.`,
  campaignNotFound: (campaign: string) => `Aucune campagne ${campaign}.`,
};

export const charts: Bilingual<typeof fr> = {
  fr,
  en: {
    campaignPotTitle: (campaign) => `The ${campaign} pot, day by day`,
    campaignPotAlt: (campaign, amount, days) => `Chart: the pot of campaign ${campaign} cumulated day by day, ${amount} after ${count("en", days, "day", "days")}.`,
    quartersPotTitle: "The pot over the last quarters",
    quartersPotAlt: (campaigns, first, last, total) => `Bar chart: the pot of ${count("en", campaigns, "campaign", "campaigns")}, from ${first} to ${last}, ${total} in all.`,
    axisDay: "Day",
    axisPot: "Pot (€)",
    axisCampaign: "Campaign",
    downloadTitle: (filename) => `Export ready: ${filename}`,
    downloadText: (minutes) => `The link works for ${count("en", minutes, "minute", "minutes")}, for you only: do not forward it.`,
    downloadLabel: "Download the file",
    linkExpiredTitle: "This link has expired",
    linkExpiredText: "Ask the bot for a new export (“export”).",
    linkInvalidTitle: "This link is not valid",
    linkInvalidText: "Check that it was copied whole, or ask the bot for a new export.",
    notManagementTitle: "For management only",
    notManagementText: "These exports hold personal data: only management (CAGNOTTE_ADMINS) may download them.",
    exportNotFound: (what) => `No “${what}” export: the exports are answers, contributions, technicians and campaigns, as .csv or .xlsx.`,
    campaignNotFound: (campaign) => `No campaign ${campaign}.`,
  },
};
