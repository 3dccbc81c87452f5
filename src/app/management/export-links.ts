// Teams' `export`: a bot cannot attach a file to a Teams message without a consent flow, so the
// answer is a download link instead — signed (links/signed-links.ts), valid ten minutes, naming the
// export and the manager it was made for. Opening it needs no session; it downloads the CSV while
// valid, and only while that manager is still in CAGNOTTE_ADMINS. The link names the manager by a
// hash of their e-mail (no personal data in an address), and each download is audited in their name.
import { createHash } from "node:crypto";
import { parseQuarterLabel } from "../../core/campaign/quarter.js";
import type { AppContext } from "../context.js";
import { checkLink, signLink } from "../links/signed-links.js";
import { exportTable, type ExportFormat, type ExportKind, type ExportTable, EXPORT_KINDS } from "./export-csv.js";

export const EXPORT_LINK_TTL_MS = 10 * 60_000;

type ExportLink = { w: ExportKind; c: string | null; f: ExportFormat; m: string };

const managerHash = (email: string) => createHash("sha256").update(`cagnotte-export:${email.trim().toLowerCase()}`).digest("base64url");

export type ExportLinkResult = { ok: true; url: string; filename: string; expiresAt: Date } | { ok: false; reason: "campaign-not-found" };

export async function exportLink(ctx: AppContext, input: { actorEmail: string; kind: ExportKind; campaignLabel: string | null; format: ExportFormat }): Promise<ExportLinkResult> {
  const scope = input.campaignLabel ? parseQuarterLabel(input.campaignLabel) : null;
  if (input.campaignLabel && !(scope && (await ctx.store.campaigns.findByQuarter(scope.year, scope.quarter)))) return { ok: false, reason: "campaign-not-found" };
  const label = scope ? `${scope.year}-Q${scope.quarter}` : null;
  const expiresAt = new Date(ctx.clock.now().getTime() + EXPORT_LINK_TTL_MS);
  const token = await signLink(ctx, "export", { w: input.kind, c: label, f: input.format, m: managerHash(input.actorEmail) } satisfies ExportLink, expiresAt);
  const filename = `cagnotte-${input.kind}-${label ?? "all"}.${input.format}`;
  return { ok: true, url: `${ctx.publicUrl}/exports/${token}`, filename, expiresAt };
}

export type ExportDownload =
  | { ok: true; table: ExportTable; format: ExportFormat }
  | { ok: false; reason: "invalid" | "expired" | "not-management" | "campaign-not-found" };

type LinkState = { ok: true; link: ExportLink; manager: string } | { ok: false; reason: "invalid" | "expired" | "not-management" };

/** Whether a link would download now, without reading or auditing anything (a HEAD request, a preview). */
export async function exportLinkState(ctx: AppContext, token: string): Promise<LinkState> {
  const checked = await checkLink<ExportLink>(ctx, "export", token);
  if (!checked.ok) return checked;
  const { w, f, m } = checked.data;
  if (!(EXPORT_KINDS as readonly string[]).includes(w) || (f !== "csv" && f !== "xlsx")) return { ok: false, reason: "invalid" };
  // Still management now: a manager removed from CAGNOTTE_ADMINS meanwhile gets nothing.
  const manager = ctx.admins.find((email) => managerHash(email) === m);
  return manager ? { ok: true, link: checked.data, manager } : { ok: false, reason: "not-management" };
}

/** The export a link names, read now and audited in the name of the manager it was made for. */
export async function downloadByLink(ctx: AppContext, token: string): Promise<ExportDownload> {
  const state = await exportLinkState(ctx, token);
  if (!state.ok) return state;
  const { w, c, f } = state.link;
  const r = await exportTable(ctx, { actorEmail: state.manager, kind: w, campaignLabel: c, forManagement: true, format: f });
  return r.ok ? { ok: true, table: r.table, format: f } : r;
}
