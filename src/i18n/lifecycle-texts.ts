// French and English texts of the campaign lifecycle: team posts (final figures, new campaign,
// weekly digest) and management notices (choose a charity, record the payout). Plain text.
import type { LocalizedText, TeamPost } from "../ports/chat-platform.js";
import { formatEuros } from "./messages.js";

const pct = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)} %`);

export interface FinalFigures {
  label: string;
  charityName: string | null;
  amountCents: number;
  countedComments: number;
  answers: number;
  positiveShare: number | null;
  early: boolean;
}

export function campaignClosedPost(f: FinalFigures): TeamPost {
  const charityFr = f.charityName ?? "association à choisir";
  const charityEn = f.charityName ?? "charity to be chosen";
  return {
    kind: "campaign-closed",
    title: {
      fr: `Campagne ${f.label} ${f.early ? "close avant terme" : "terminée"} : ${formatEuros(f.amountCents, "fr")} pour ${charityFr}`,
      en: `Campaign ${f.label} ${f.early ? "closed early" : "is over"}: ${formatEuros(f.amountCents, "en")} for ${charityEn}`,
    },
    lines: {
      fr: [`${f.countedComments} commentaire(s) comptés`, `${f.answers} réponse(s), ${pct(f.positiveShare)} d'avis positifs`, "Merci à toutes et à tous !"],
      en: [`${f.countedComments} counted comment(s)`, `${f.answers} answer(s), ${pct(f.positiveShare)} positive ratings`, "Thank you all!"],
    },
  };
}

export function campaignOpenedPost(label: string, charityName: string | null): TeamPost {
  return {
    kind: "campaign-opened",
    title: { fr: `Nouvelle campagne ${label}`, en: `New campaign ${label}` },
    lines: {
      fr: [charityName ? `Bénéficiaire : ${charityName}` : "L'association bénéficiaire sera choisie par la direction.", "Chaque commentaire compté ajoute à la cagnotte."],
      en: [charityName ? `Beneficiary: ${charityName}` : "Management will choose the beneficiary charity.", "Every counted comment adds to the pot."],
    },
  };
}

export function chooseCharityNotice(label: string): LocalizedText {
  return {
    fr: `La campagne ${label} est ouverte sans association : la file est vide. Ajoutez-en une avec « cagnotte charity add "Nom" [url] ».`,
    en: `Campaign ${label} opened without a charity: the queue is empty. Add one with “cagnotte charity add "Name" [url]”.`,
  };
}

export function payoutReminderNotice(label: string, charityName: string | null, amountCents: number): LocalizedText {
  return {
    fr: `Versement à enregistrer : campagne ${label}, ${formatEuros(amountCents, "fr")} pour ${charityName ?? "l'association choisie"}. Une fois payé : « cagnotte payout ${label} <montant> <référence> ».`,
    en: `Payout to record: campaign ${label}, ${formatEuros(amountCents, "en")} for ${charityName ?? "the chosen charity"}. Once paid: “cagnotte payout ${label} <amount> <reference>”.`,
  };
}

export function weeklyDigestPost(d: { label: string; praise: number; answers: number; positiveShare: number | null; potCents: number; charityName: string | null }): TeamPost {
  return {
    kind: "weekly-digest",
    title: { fr: `La semaine de la cagnotte (${d.label})`, en: `The pot this week (${d.label})` },
    lines: {
      fr: [
        `${d.praise} remerciement(s) reçu(s) cette semaine`,
        `${d.answers} réponse(s), ${pct(d.positiveShare)} d'avis positifs`,
        `Cagnotte : ${formatEuros(d.potCents, "fr")}${d.charityName ? ` pour ${d.charityName}` : ""}`,
      ],
      en: [
        `${d.praise} praise message(s) received this week`,
        `${d.answers} answer(s), ${pct(d.positiveShare)} positive ratings`,
        `Pot: ${formatEuros(d.potCents, "en")}${d.charityName ? ` for ${d.charityName}` : ""}`,
      ],
    },
  };
}
