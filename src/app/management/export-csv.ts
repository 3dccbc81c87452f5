// Management's exports: answers (with consent flags), contributions, per-technician figures and
// per-campaign totals, as one table each that the `export` command writes as CSV and the
// dashboard as CSV or Excel. Comment texts without the requester's consent go to management only
// (rule 8); requesters' and technicians' e-mails are personal data, for management only (as
// `export-person`), and every export is audited. Cells are guarded against spreadsheet formula
// injection since comments, names and references are free text from outside.
import { stringify } from "csv-stringify/sync";
import { parseQuarterLabel } from "../../core/campaign/quarter.js";
import { isPositiveRating } from "../../core/rules/rating.js";
import type { AnswerExportRow } from "../../ports/store.js";
import type { AppContext } from "../context.js";
import { getHistory } from "../get-status.js";
import { recordAction } from "./audit.js";

export const EXPORT_KINDS = ["answers", "contributions", "technicians", "campaigns"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = "csv" | "xlsx";

export type Cell = string | number | boolean | null;

/** One export as a table: column names (stable, for spreadsheets and scripts) and rows of guarded cells. */
export interface ExportTable {
  kind: ExportKind;
  /** "cagnotte-answers-2026-Q3", the file's name without its extension. */
  basename: string;
  header: string[];
  rows: string[][];
}

export type ExportResult = { ok: true; filename: string; content: string; rows: number } | { ok: false; reason: "campaign-not-found" };
export type TableResult = { ok: true; table: ExportTable } | { ok: false; reason: "campaign-not-found" };

/** A leading = + - @ (or a tab, a carriage return) would make a spreadsheet run the cell as a formula. */
export function safeCell(cell: Cell): string {
  if (cell === null) return "";
  const text = typeof cell === "boolean" ? (cell ? "yes" : "no") : String(cell);
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const euros = (cents: number) => (cents / 100).toFixed(2);

function answerRows(rows: AnswerExportRow[], forManagement: boolean): Cell[][] {
  return rows.map((r) => [r.campaign, r.answerId, r.answeredAt.toISOString(), r.ticket, r.client, r.requesterEmail, r.technicianEmail, r.rating, r.ratingScale, forManagement || r.shareConsent ? r.comment : null, r.shareConsent, r.moderation, r.outcome, r.withdrawn, r.erased, euros(r.countedCents)]);
}
const ANSWER_HEADER = ["campaign", "answer_id", "answered_at", "ticket", "client", "requester", "technician", "rating", "rating_scale", "comment", "share_consent", "moderation", "outcome", "withdrawn", "erased", "counted_eur"];

function technicianRows(rows: AnswerExportRow[]): Cell[][] {
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
  return [...byTech.values()].map((t) => [t.campaign, t.email, t.name, t.answers, t.positive, (t.positive / t.answers).toFixed(2), t.counted, euros(t.cents)]);
}
const TECHNICIAN_HEADER = ["campaign", "technician", "name", "answers", "positive", "positive_share", "counted_comments", "counted_eur"];
const CONTRIBUTION_HEADER = ["campaign", "answer_id", "created_at", "kind", "amount_eur", "status", "reversed_reason", "requester", "client"];
const CAMPAIGN_HEADER = ["campaign", "charity", "pot_eur", "counted_comments", "answers", "status", "paid_eur", "paid_on", "payout_reference", "payout_reason"];

/** The export as a table, audited (`export.csv` or `export.xlsx`, with its file name and rows). */
export async function exportTable(ctx: AppContext, input: { actorEmail: string; kind: ExportKind; campaignLabel: string | null; forManagement: boolean; format: ExportFormat }): Promise<TableResult> {
  let campaignId: string | null = null;
  const scope = input.campaignLabel ? parseQuarterLabel(input.campaignLabel) : null;
  if (input.campaignLabel) {
    const campaign = scope && (await ctx.store.campaigns.findByQuarter(scope.year, scope.quarter));
    if (!campaign) return { ok: false, reason: "campaign-not-found" };
    campaignId = campaign.id;
  }
  let header: string[];
  let rows: Cell[][];
  if (input.kind === "contributions") {
    header = CONTRIBUTION_HEADER;
    rows = (await ctx.store.exports.contributionRows(campaignId)).map((c) => [c.campaign, c.answerId, c.createdAt.toISOString(), c.kind, euros(c.amountCents), c.status, c.reversedReason, c.requesterEmail, c.client]);
  } else if (input.kind === "campaigns") {
    // The same figures as `history`: the pot is what the campaign holds now, the payout what was paid.
    const label = scope ? `${scope.year}-Q${scope.quarter}` : null;
    header = CAMPAIGN_HEADER;
    rows = (await getHistory(ctx)).campaigns
      .filter((c) => label === null || c.campaignLabel === label)
      .reverse()
      .map((c) => [c.campaignLabel, c.charityName, euros(c.amountCents), c.countedComments, c.answers, c.status, c.payout ? euros(c.payout.amountCents) : null, c.payout ? c.payout.paidOn.toISOString().slice(0, 10) : null, c.payout?.reference ?? null, c.payout?.reason ?? null]);
  } else {
    const data = await ctx.store.exports.answerRows(campaignId);
    header = input.kind === "answers" ? ANSWER_HEADER : TECHNICIAN_HEADER;
    rows = input.kind === "answers" ? answerRows(data, input.forManagement) : technicianRows(data);
  }
  const basename = `cagnotte-${input.kind}-${scope ? `${scope.year}-Q${scope.quarter}` : "all"}`;
  await recordAction(ctx.store, { at: ctx.clock.now(), actor: input.actorEmail, action: `export.${input.format}`, subject: `${basename}.${input.format}`, details: { rows: rows.length } });
  return { ok: true, table: { kind: input.kind, basename, header, rows: rows.map((r) => r.map(safeCell)) } };
}

/** The table as CSV, with a byte-order mark so that Excel reads it as UTF-8. */
export function tableCsv(table: ExportTable): string {
  return stringify([table.header, ...table.rows], { bom: true });
}

export async function exportCsv(ctx: AppContext, input: { actorEmail: string; kind: ExportKind; campaignLabel: string | null; forManagement: boolean }): Promise<ExportResult> {
  const r = await exportTable(ctx, { ...input, format: "csv" });
  if (!r.ok) return r;
  return { ok: true, filename: `${r.table.basename}.csv`, content: tableCsv(r.table), rows: r.table.rows.length };
}
