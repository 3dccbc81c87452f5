// What anyone may read, with no personal data: the règlement as configured (GET /reglement, French
// or English from the browser), the current pot (GET /api/pot) and every campaign's totals
// (GET /api/campaigns), which the règlement promises clients on request.
import express, { type Router } from "express";
import type { AppContext } from "../../app/context.js";
import { getPublicCampaigns, getPublicPot, getRules } from "../../app/get-status.js";
import { localeFromAcceptLanguage } from "../../i18n/index.js";
import { presentRules } from "../../presenter/index.js";
import { renderPage, SECURITY_HEADERS } from "./web-survey/pages.js";

export function publicRouter(ctx: AppContext): Router {
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
  return router;
}
