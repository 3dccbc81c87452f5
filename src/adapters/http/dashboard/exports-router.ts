// Exports as files. From the dashboard: GET /dashboard/exports/<what>.<csv|xlsx>[?campaign=2026-Q3]
// behind the dashboard's session (requireDashboardSession), management re-checked at each download.
// From Teams' `export`: GET /exports/<token>, a signed link valid ten minutes for one manager, no
// session needed (src/app/management/export-links.ts). Either way the file is an attachment with a
// clear name; a wrong, expired or no-longer-allowed request gets a short page saying so, and no file.
import express, { type RequestHandler, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { isAdmin } from "../../../app/context.js";
import { EXPORT_KINDS, exportTable, tableCsv, type ExportFormat, type ExportKind, type ExportTable } from "../../../app/management/export-csv.js";
import { downloadByLink, exportLinkState } from "../../../app/management/export-links.js";
import type { Locale } from "../../../core/model.js";
import { localeFromAcceptLanguage, textsFor } from "../../../i18n/index.js";
import { tableXlsx, XLSX_TYPE } from "../../exports/xlsx.js";
import { renderPage, SECURITY_HEADERS } from "../web-survey/pages.js";
import { requireDashboardSession, type DashboardLocals } from "./session.js";
import { parseQuarterLabel } from "../../../core/campaign/quarter.js";

export interface ExportsRouterOptions {
  /** The dashboard's session check (tests give their own). */
  requireSession?: RequestHandler;
}

const FILE = new RegExp(`^(${EXPORT_KINDS.join("|")})\\.(csv|xlsx)$`);

function refusalPage(res: Response, status: number, locale: Locale, title: string, text: string): void {
  res
    .status(status)
    .set(SECURITY_HEADERS)
    .type("html")
    .send(renderPage({ locale, answerPath: "", withdrawPath: "" }, { message: { title, tone: "attention", summary: title, blocks: [{ type: "text", text }] } }));
}

async function sendTable(res: Response, table: ExportTable, format: ExportFormat): Promise<void> {
  const filename = `${table.basename}.${format}`;
  const body = format === "csv" ? Buffer.from(tableCsv(table), "utf8") : await tableXlsx(table);
  res
    .status(200)
    .set({
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : XLSX_TYPE,
      // The names are ours (kind and quarter: ASCII letters, digits and dashes), quoted as is.
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    })
    .send(body);
}

export function exportsRouter(ctx: AppContext, options: ExportsRouterOptions = {}): Router {
  const router = express.Router();
  const requireSession = options.requireSession ?? requireDashboardSession(ctx);

  router.get("/dashboard/exports/:file", requireSession, async (req, res) => {
    const session = res.locals.dashboard as DashboardLocals | undefined;
    const locale = session?.locale ?? ctx.rules.defaultLocale;
    const t = textsFor(locale).charts;
    const person = session ? await ctx.store.people.findById(session.personId) : null;
    // Signed in as management, and still management now (CAGNOTTE_ADMINS may have changed).
    if (!person || !isAdmin(ctx, person.email)) return refusalPage(res, 403, locale, t.notManagementTitle, t.notManagementText);
    const file = String(req.params.file ?? "");
    const match = FILE.exec(file);
    if (!match) return refusalPage(res, 404, locale, t.linkInvalidTitle, t.exportNotFound(file));
    const campaign = typeof req.query.campaign === "string" && req.query.campaign !== "" ? req.query.campaign : null;
    if (req.query.campaign !== undefined && (campaign === null || !parseQuarterLabel(campaign))) return refusalPage(res, 404, locale, t.linkInvalidTitle, t.campaignNotFound(String(req.query.campaign)));
    const format = match[2] as ExportFormat;
    const r = await exportTable(ctx, { actorEmail: person.email, kind: match[1] as ExportKind, campaignLabel: campaign, forManagement: true, format });
    if (!r.ok) return refusalPage(res, 404, locale, t.linkInvalidTitle, t.campaignNotFound(campaign ?? ""));
    await sendTable(res, r.table, format);
  });

  router.get("/exports/:token", async (req, res) => {
    const locale = localeFromAcceptLanguage(req.header("accept-language"), ctx.rules.defaultLocale);
    const t = textsFor(locale).charts;
    const token = String(req.params.token ?? "");
    // A HEAD (link checkers, previews) says whether the link works, and exports nothing.
    if (req.method === "HEAD") {
      const state = await exportLinkState(ctx, token);
      res.status(state.ok ? 200 : state.reason === "expired" ? 410 : state.reason === "not-management" ? 403 : 404).set({ "Cache-Control": "no-store" }).end();
      return;
    }
    const d = await downloadByLink(ctx, token);
    if (d.ok) return sendTable(res, d.table, d.format);
    switch (d.reason) {
      case "expired":
        return refusalPage(res, 410, locale, t.linkExpiredTitle, t.linkExpiredText);
      case "not-management":
        return refusalPage(res, 403, locale, t.notManagementTitle, t.notManagementText);
      case "invalid":
      case "campaign-not-found":
        return refusalPage(res, 404, locale, t.linkInvalidTitle, t.linkInvalidText);
    }
  });
  return router;
}
