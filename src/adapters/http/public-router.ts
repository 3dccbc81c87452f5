// What anyone may read, with no personal data: the règlement as configured (GET /reglement, French
// or English from the browser), the privacy notice and terms of use (GET /privacy, GET /terms), the
// current pot (GET /api/pot) and every campaign's totals (GET /api/campaigns), which the règlement
// promises clients on request.
import express, { type Router } from "express";
import type { AppContext } from "../../app/context.js";
import { getPublicCampaigns, getPublicPot, getRules } from "../../app/get-status.js";
import { localeFromAcceptLanguage } from "../../i18n/index.js";
import { presentPrivacy, presentRules, presentTerms } from "../../presenter/index.js";
import { getLegal } from "../../app/legal.js";
import { renderPage, SECURITY_HEADERS } from "./web-survey/pages.js";

export interface PublicRouterOptions {
  /** CAGNOTTE_RETENTION_DAYS, which the privacy notice states. */
  retentionDays: number;
}

export function publicRouter(ctx: AppContext, options: PublicRouterOptions): Router {
  const router = express.Router();

  router.get("/api/pot", async (_req, res) => {
    res.set("Access-Control-Allow-Origin", "*");
    res.set("Cache-Control", "public, max-age=30");
    res.json(await getPublicPot(ctx));
  });

  router.get("/api/campaigns", async (_req, res) => {
    res.set("Access-Control-Allow-Origin", "*");
    res.set("Cache-Control", "public, max-age=60");
    res.json({ campaigns: await getPublicCampaigns(ctx) });
  });

  router.get("/reglement", async (req, res) => {
    const locale = localeFromAcceptLanguage(req.header("accept-language"), ctx.rules.defaultLocale);
    const message = presentRules(await getRules(ctx), { locale, timeZone: ctx.rules.timeZone, commandPrefix: "", milestoneCents: ctx.rules.milestoneCents });
    res
      .status(200)
      .set({ ...SECURITY_HEADERS, "Cache-Control": "public, max-age=300", Vary: "Accept-Language" })
      .type("html")
      .send(renderPage({ locale, answerPath: "", withdrawPath: "" }, { message }));
  });
  // The Teams manifest's privacyUrl and termsOfUseUrl (and anyone's): French or English from the browser.
  for (const [path, present] of [
    ["/privacy", presentPrivacy],
    ["/terms", presentTerms],
  ] as const) {
    router.get(path, (req, res) => {
      const locale = localeFromAcceptLanguage(req.header("accept-language"), ctx.rules.defaultLocale);
      const message = present(getLegal(ctx, options.retentionDays), { locale, timeZone: ctx.rules.timeZone, commandPrefix: "", milestoneCents: ctx.rules.milestoneCents });
      res
        .status(200)
        .set({ ...SECURITY_HEADERS, "Cache-Control": "public, max-age=300", Vary: "Accept-Language" })
        .type("html")
        .send(renderPage({ locale, answerPath: "", withdrawPath: "" }, { message }));
    });
  }
  return router;
}
