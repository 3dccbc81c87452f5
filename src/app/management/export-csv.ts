// Management's CSV exports: answers (with consent flags), contributions, per-technician figures.
// Comment texts without the requester's consent go to management only (rule 8); cells are guarded
// against spreadsheet formula injection since comments are free text from outside.
import { stringify } from "csv-stringify/sync";
import { parseQuarterLabel } from "../../core/campaign/quarter.js";
import { isPositiveRating } from "../../core/rules/rating.js";
import type { AnswerExportRow } from "../../ports/store.js";
import type { AppContext } from "../context.js";
import { recordAction } from "./audit.js";

export const EXPORT_KINDS = ["answers", "contributions", "technicians"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export type ExportResult = { ok: true; filename: string; content: string; rows: number } | { ok: false; reason: "campaign-not-found" };

type Cell = string | number | boolean | null;

/** A leading = + - @ would make a spreadsheet run the cell as a formula. */
function safe(cell: Cell): string {
  if (cell === null) return "";
  const text = typeof cell === "boolean" ? (cell ? "yes" : "no") : String(cell);
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csv(header: string[], rows: Cell[][]): string {
  return stringify([header, ...rows.map((r) => r.map(safe))], { bom: true });
}

const euros = (cents: number) => (cents / 100).toFixed(2);

function answersCsv(rows: AnswerExportRow[], forManagement: boolean): string {
  const header = ["campaign", "answer_id", "answered_at", "ticket", "client", "requester", "technician", "rating", "rating_scale", "comment", "share_consent", "moderation", "outcome", "withdrawn", "erased", "counted_eur"];
  return csv(
    header,
    rows.map((r) => [r.campaign, r.answerId, r.answeredAt.toISOString(), r.ticket, r.client, r.requesterEmail, r.technicianEmail, r.rating, r.ratingScale, forManagement || r.shareConsent ? r.comment : null, r.shareConsent, r.moderation, r.outcome, r.withdrawn, r.erased, euros(r.countedCents)]),
  );
}

function techniciansCsv(rows: AnswerExportRow[]): string {
  const byTech = new Map<string, { campaign: string; email: string; name: string | null; answers: number; positive: number; counted: number; cents: number }>();
  for (const r of rows) {
    const key = `${r.campaign}|${r.technicianEmail}`;
    const t = byTech.get(key) ?? { campaign: r.campaign, email: r.technicianEmail, name: r.technicianName, answers: 0, positive: 0, counted: 0, cents: 0 };
    t.answers += 1;
    if (isPositiveRating(r.rating, r.ratingScale)) t.positive += 1;
    if (r.countedCents > 0) t.counted += 1;
    t.cents += r.countedCents;
    byTech.set(key, t);
  }
  return csv(
    ["campaign", "technician", "name", "answers", "positive", "positive_share", "counted_comments", "counted_eur"],
    [...byTech.values()].map((t) => [t.campaign, t.email, t.name, t.answers, t.positive, (t.positive / t.answers).toFixed(2), t.counted, euros(t.cents)]),
  );
}

export async function exportCsv(ctx: AppContext, input: { actorEmail: string; kind: ExportKind; campaignLabel: string | null; forManagement: boolean }): Promise<ExportResult> {
  let campaignId: string | null = null;
  if (input.campaignLabel) {
    const ref = parseQuarterLabel(input.campaignLabel);
    const campaign = ref && (await ctx.store.campaigns.findByQuarter(ref.year, ref.quarter));
    if (!campaign) return { ok: false, reason: "campaign-not-found" };
    campaignId = campaign.id;
  }
  let content: string;
  let rows: number;
  if (input.kind === "contributions") {
    const data = await ctx.store.exports.contributionRows(campaignId);
    rows = data.length;
    content = csv(
      ["campaign", "answer_id", "created_at", "kind", "amount_eur", "status", "reversed_reason", "requester", "client"],
      data.map((c) => [c.campaign, c.answerId, c.createdAt.toISOString(), c.kind, euros(c.amountCents), c.status, c.reversedReason, c.requesterEmail, c.client]),
    );
  } else {
    const data = await ctx.store.exports.answerRows(campaignId);
    rows = data.length;
    content = input.kind === "answers" ? answersCsv(data, input.forManagement) : techniciansCsv(data);
  }
  const scope = input.campaignLabel ? parseQuarterLabel(input.campaignLabel) : null;
  const filename = `cagnotte-${input.kind}-${scope ? `${scope.year}-Q${scope.quarter}` : "all"}.csv`;
  await recordAction(ctx.store, { at: ctx.clock.now(), actor: input.actorEmail, action: "export.csv", subject: filename, details: { rows } });
  return { ok: true, filename, content, rows };
}
