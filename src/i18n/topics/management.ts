// Management's replies: the charity queue, the moderation queue, the audit log, exports, and the
// confirmation of each action.
import type { NotCountedReason } from "../../core/rules/counting.js";
import type { Confirmation, FileTitle } from "../../core/views.js";
import { count, type Bilingual } from "../format.js";

type ConfirmationTexts = { [K in Confirmation["kind"]]: (c: Extract<Confirmation, { kind: K }>, money: (cents: number) => string) => string };

const notCountedFr: Record<NotCountedReason, string> = {
  "no-comment": "sans commentaire",
  "campaign-closed": "campagne close",
  "not-requester": "pas le demandeur",
  "duplicate-comment": "commentaire déjà compté",
  "moderation-rejected": "rejeté en modération",
  "moderation-pending": "en attente de modération",
  "requester-cap-reached": "plafond du demandeur atteint",
  "client-cap-reached": "plafond du client atteint",
};

const fr = {
  charitiesTitle: "Associations",
  currentCharity: (campaign: string, charity: string | null) => `Campagne ${campaign} : ${charity ?? "aucune association choisie"}`,
  queueTitle: "File d'attente (prochains trimestres)",
  noCharities: "Aucune association en attente. Ajoutez-en une : charity add \"Nom\" [url]",
  moderationTitle: (n: number) => `À modérer : ${n}`,
  noModeration: "Rien à modérer.",
  moderationItem: (ticketRef: string, requester: string, client: string, verdict: string) => `${ticketRef} · ${requester} (${client}) · ${verdict}`,
  moderationTerms: (terms: string, at: string) => `Termes relevés : ${terms} · ${at}`,
  verdicts: { hateful: "haineux", insult: "injurieux", review: "à vérifier", reported: "signalé", clean: "correct" } as Record<string, string>,
  approve: "Approuver",
  reject: "Rejeter",
  auditTitle: "Journal des actions",
  noAudit: "Le journal est vide.",
  auditLine: (at: string, actor: string, action: string, subject: string, reason: string | null) =>
    `${at} · ${actor} · ${action} · ${subject}${reason ? ` · « ${reason} »` : ""}`,
  fileTitle: (t: FileTitle) => (t.of === "export" ? `Export ${t.exportKind} (${count("fr", t.rows, "ligne", "lignes")})` : `Données de ${t.email}`),
  fileTruncated: (lines: number) => `… ${count("fr", lines, "ligne de plus non affichée", "lignes de plus non affichées")}.`,
  notCounted: notCountedFr,
  done: {
    "comment-withdrawn": (c, money) =>
      c.reversedCents > 0
        ? "Votre commentaire a été effacé et retiré de la cagnotte."
        : `Votre commentaire a été effacé.${c.keptCents ? ` La campagne étant close, les ${money(c.keptCents)} qu'il avait ajoutés restent dans la cagnotte.` : ""}`,
    "override-counted": () => "Réponse comptée dans la cagnotte.",
    "charity-added": (c) => `${c.name} ajoutée à la file.`,
    "charity-assigned": (c) => `${c.name} est la bénéficiaire de la campagne ${c.campaignLabel}.`,
    "charity-removed": (c) => `${c.name} retirée de la file.`,
    "campaign-closed": (c) => `Campagne ${c.campaignLabel} close. Les chiffres finaux sont publiés.`,
    "moderation-rejected": () => "Commentaire rejeté : il ne comptera jamais.",
    "comment-reported": () => "Merci : le commentaire est masqué et la direction va l'examiner.",
    "comment-retracted": (c, money) =>
      `Commentaire retiré : masqué partout, chaque message qui le citait est remplacé.${
        c.reversedCents > 0 ? ` Montant retiré de la cagnotte : ${money(c.reversedCents)}.` : ""
      }${c.keptCents > 0 ? ` La campagne ayant été versée, les ${money(c.keptCents)} restent acquis.` : ""}`,
    "moderation-approved": (c) => (c.counted ? "Commentaire approuvé et compté." : `Commentaire approuvé, non compté (${c.reason ? notCountedFr[c.reason] : "?"}).`),
    "payout-recorded": (c, money) => `Versement de ${money(c.amountCents)} enregistré pour ${c.campaignLabel}.`,
    "forget-me-ask": () => "Tous vos commentaires seront effacés (et retirés de la cagnotte en cours). Pour confirmer : « forget-me confirm ».",
    "forget-me-nothing": () => "Nous n'avons aucun commentaire de vous.",
    "forget-me-done": (c, money) =>
      `${count("fr", c.erased, "commentaire effacé", "commentaires effacés")}.${
        c.keptCents ? ` Les campagnes étant closes, les ${money(c.keptCents)} qu'ils avaient ajoutés restent dans la cagnotte.` : ""
      }`,
    "install-link": (c) => `Lien d'installation de Cagnotte pour le client ${c.client} (à envoyer à l'administrateur de son Slack) : ${c.link}`,
    "channel-set": () => "Ce canal recevra la progression de la cagnotte.",
    "demo-scheduled": (c) => `Ticket de démonstration ${c.ticketRef} clos : l'enquête arrive dans un instant.`,
    "demo-ignored": (c) => `Ticket de démonstration ignoré (${c.reason}).`,
    // E-mail channel
    "client-email-first": (c) =>
      c.on
        ? `Les enquêtes des demandeurs de ${c.client} partiront d'abord par e-mail.`
        : `Les enquêtes des demandeurs de ${c.client} partiront d'abord dans Slack ou Teams (l'e-mail en dernier recours).`,
    "requester-surveys": (c) => (c.on ? `${c.email} recevra de nouveau les enquêtes de satisfaction.` : `${c.email} ne recevra plus d'enquête de satisfaction.`),
  } as ConfirmationTexts,
};

const notCountedEn: Record<NotCountedReason, string> = {
  "no-comment": "no comment",
  "campaign-closed": "campaign closed",
  "not-requester": "not the requester",
  "duplicate-comment": "comment already counted",
  "moderation-rejected": "rejected in moderation",
  "moderation-pending": "awaiting moderation",
  "requester-cap-reached": "requester's cap reached",
  "client-cap-reached": "client's cap reached",
};

export const management: Bilingual<typeof fr> = {
  fr,
  en: {
    charitiesTitle: "Charities",
    currentCharity: (campaign, charity) => `Campaign ${campaign}: ${charity ?? "no charity chosen"}`,
    queueTitle: "Queue (next quarters)",
    noCharities: "No charity queued. Add one: charity add \"Name\" [url]",
    moderationTitle: (n) => `Awaiting moderation: ${n}`,
    noModeration: "Nothing to moderate.",
    moderationItem: (ticketRef, requester, client, verdict) => `${ticketRef} · ${requester} (${client}) · ${verdict}`,
    moderationTerms: (terms, at) => `Terms found: ${terms} · ${at}`,
    verdicts: { hateful: "hateful", insult: "abusive", review: "to check", reported: "reported", clean: "clean" },
    approve: "Approve",
    reject: "Reject",
    auditTitle: "Audit log",
    noAudit: "The log is empty.",
    auditLine: (at, actor, action, subject, reason) => `${at} · ${actor} · ${action} · ${subject}${reason ? ` · “${reason}”` : ""}`,
    fileTitle: (t) => (t.of === "export" ? `${t.exportKind} export (${count("en", t.rows, "row", "rows")})` : `Data of ${t.email}`),
    fileTruncated: (lines) => `… ${count("en", lines, "more line", "more lines")} not shown.`,
    notCounted: notCountedEn,
    done: {
      "comment-withdrawn": (c, money) =>
        c.reversedCents > 0
          ? "Your comment was erased and taken out of the pot."
          : `Your comment was erased.${c.keptCents ? ` The campaign has closed, so the ${money(c.keptCents)} it added stay in the pot.` : ""}`,
      "override-counted": () => "Answer counted in the pot.",
      "charity-added": (c) => `${c.name} added to the queue.`,
      "charity-assigned": (c) => `${c.name} is the beneficiary of campaign ${c.campaignLabel}.`,
      "charity-removed": (c) => `${c.name} taken off the queue.`,
      "campaign-closed": (c) => `Campaign ${c.campaignLabel} closed. The final figures are posted.`,
      "moderation-rejected": () => "Comment rejected: it will never count.",
      "comment-reported": () => "Thank you: the comment is hidden and management will review it.",
      "comment-retracted": (c, money) =>
        `Comment retracted: hidden everywhere, every message that quoted it is replaced.${
          c.reversedCents > 0 ? ` ${money(c.reversedCents)} taken out of the pot.` : ""
        }${c.keptCents > 0 ? ` The campaign has been paid out, so the ${money(c.keptCents)} stay given.` : ""}`,
      "moderation-approved": (c) => (c.counted ? "Comment approved and counted." : `Comment approved, not counted (${c.reason ? notCountedEn[c.reason] : "?"}).`),
      "payout-recorded": (c, money) => `Payout of ${money(c.amountCents)} recorded for ${c.campaignLabel}.`,
      "forget-me-ask": () => "All your comments will be erased (and taken out of the current pot). To confirm: “forget-me confirm”.",
      "forget-me-nothing": () => "We hold no comment of yours.",
      "forget-me-done": (c, money) =>
        `${count("en", c.erased, "comment", "comments")} erased.${
          c.keptCents ? ` The campaigns have closed, so the ${money(c.keptCents)} they added stay in the pot.` : ""
        }`,
      "install-link": (c) => `Cagnotte install link for client ${c.client} (send it to their Slack admin): ${c.link}`,
      "channel-set": () => "This channel will get the pot's progress.",
      "demo-scheduled": (c) => `Demo ticket ${c.ticketRef} closed: the survey is on its way.`,
      "demo-ignored": (c) => `Demo ticket ignored (${c.reason}).`,
      // E-mail channel
      "client-email-first": (c) =>
        c.on ? `Surveys of ${c.client}'s requesters will go by e-mail first.` : `Surveys of ${c.client}'s requesters will go to Slack or Teams first (e-mail as a last resort).`,
      "requester-surveys": (c) => (c.on ? `${c.email} will receive satisfaction surveys again.` : `${c.email} will receive no more satisfaction surveys.`),
    },
  },
};
