// The management dashboard on the web: the sign-in link's page, the sign-in itself, the dashboard,
// and sign-out. Chat previewers (Slack's unfurler, Teams' link preview) fetch any link they see:
// GET /dashboard/sign-in/<token> therefore only shows a "Continue" button and never uses the link;
// the POST it sends uses it once and starts the session. A GET shows no figure and no name.
import { createHash, timingSafeEqual } from "node:crypto";
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { getDashboardFigures } from "../../../app/dashboard/figures.js";
import { checkLink, DASHBOARD_LINK_MINUTES, DASHBOARD_SESSION_HOURS, readSession, setSessionLocale, signIn, signOut } from "../../../app/dashboard/sign-in.js";
import type { Locale } from "../../../core/model.js";
import { localeFromAcceptLanguage, localeFromTag, textsFor } from "../../../i18n/index.js";
import { presentDashboard } from "../../../presenter/dashboard/present-dashboard.js";
import { html } from "../web-survey/html.js";
import { dashboardHeaders, newNonce, renderDocument, sendNotice, type NoticeKind } from "./layout.js";
import { renderDashboard } from "./render-dashboard.js";
import { clearSessionCookie, dashboardOf, requireDashboardSession, sessionIdOf, setSessionCookie } from "./session.js";
import { parseQuarterLabel, quarterLabel } from "../../../core/campaign/quarter.js";

const forms = express.urlencoded({ extended: false, limit: "2kb", parameterLimit: 10 });

/** The form's anti-forgery value: derived from the session id (never the id itself), checked in constant time. */
export function csrfToken(sessionId: string): string {
  return createHash("sha256").update(`dashboard-csrf:${sessionId}`).digest("base64url");
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function dashboardRouter(ctx: AppContext): Router {
  const router = express.Router();
  const origin = new URL(ctx.publicUrl).origin;
  const browserLocale = (req: Request): Locale | null => {
    const asked = typeof req.query.lang === "string" ? localeFromTag(req.query.lang) : null;
    return asked ?? (req.header("accept-language") ? localeFromAcceptLanguage(req.header("accept-language"), ctx.rules.defaultLocale) : null);
  };
  const localeOf = (req: Request): Locale => browserLocale(req) ?? ctx.rules.defaultLocale;
  const notice = (req: Request, res: Response, status: number, kind: NoticeKind) => sendNotice(res, { locale: localeOf(req), status, kind, linkMinutes: DASHBOARD_LINK_MINUTES });
  /** A form posted from another site (Origin or Sec-Fetch-Site say so) is refused before anything is read. */
  const crossSite = (req: Request) => {
    const from = req.header("origin");
    return (from !== undefined && from !== "null" && from !== origin) || req.header("sec-fetch-site") === "cross-site";
  };
  const refusal: Record<"unknown" | "used" | "expired" | "not-management", [number, NoticeKind]> = {
    unknown: [401, "linkUnknown"],
    used: [410, "linkUsed"],
    expired: [410, "linkExpired"],
    "not-management": [403, "notManagement"],
  };

  router.get("/dashboard/sign-in/:token", async (req, res) => {
    const check = await checkLink(ctx, req.params.token);
    if (!check.ok) {
      const [status, kind] = refusal[check.reason];
      notice(req, res, status, kind);
      return;
    }
    const locale = localeOf(req);
    const t = textsFor(locale).dashboard;
    const nonce = newNonce();
    const body = html`<main class="narrow"><h1>${t.continueTitle}</h1><p>${t.continueText(DASHBOARD_SESSION_HOURS)}</p>
<form method="post" action="${`/dashboard/sign-in/${encodeURIComponent(req.params.token)}`}"><input type="hidden" name="lang" value="${locale}"><p><button type="submit">${t.continueButton}</button></p></form></main>`;
    res.status(200).set({ ...dashboardHeaders(nonce), "X-Robots-Tag": "noindex" }).type("html").send(renderDocument({ locale, title: t.continueTitle, nonce }, body));
  });

  router.post("/dashboard/sign-in/:token", forms, async (req, res) => {
    if (crossSite(req)) {
      notice(req, res, 403, "forbidden");
      return;
    }
    const lang = typeof req.body?.lang === "string" ? localeFromTag(req.body.lang) : null;
    const r = await signIn(ctx, { token: req.params.token, browserLocale: lang ?? browserLocale(req) });
    if (!r.ok) {
      const [status, kind] = refusal[r.reason];
      notice(req, res, status, kind);
      return;
    }
    setSessionCookie(res, ctx, r.sessionId, r.expiresAt);
    res.status(303).set({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" }).location("/dashboard").end();
  });

  router.get("/dashboard", requireDashboardSession(ctx), async (req, res) => {
    const session = dashboardOf(res);
    const id = sessionIdOf(req, ctx) ?? "";
    // The language switch: kept for the rest of the session (and for the exports).
    const asked = typeof req.query.lang === "string" ? localeFromTag(req.query.lang) : null;
    if (asked && asked !== session.locale) await setSessionLocale(ctx, id, asked);
    const locale = asked ?? session.locale;
    const person = await ctx.store.people.findById(session.personId);
    // A quarter as commands write it ("2026-Q3", "2026q3"), in the dashboard's own form; anything else: the current one.
    const quarter = typeof req.query.campaign === "string" ? parseQuarterLabel(req.query.campaign) : null;
    const campaign = quarter ? quarterLabel(quarter) : null;
    const figures = await getDashboardFigures(ctx, { viewerEmail: person?.email ?? "", campaignLabel: campaign });
    const view = presentDashboard(figures, { locale, timeZone: ctx.rules.timeZone, viewer: person?.name ? `${person.name} <${person.email}>` : (person?.email ?? "") });
    const self = (q: { lang?: string; campaign?: string }) => {
      const query = new URLSearchParams();
      if (q.lang) query.set("lang", q.lang);
      if (q.campaign) query.set("campaign", q.campaign);
      const text = query.toString();
      return text ? `/dashboard?${text}` : "/dashboard";
    };
    const body = await renderDashboard(view, { self, signOutPath: "/dashboard/sign-out", csrf: csrfToken(id) });
    const nonce = newNonce();
    res.status(200).set(dashboardHeaders(nonce)).type("html").send(renderDocument({ locale, title: view.title, nonce }, body));
  });

  router.post("/dashboard/sign-out", forms, async (req, res) => {
    const id = sessionIdOf(req, ctx);
    const posted = typeof req.body?.csrf === "string" ? req.body.csrf : "";
    if (crossSite(req) || (id && !sameToken(posted, csrfToken(id)))) {
      notice(req, res, 403, "forbidden");
      return;
    }
    // The page says goodbye in the session's language.
    const session = id ? await readSession(ctx, id) : null;
    if (id) await signOut(ctx, id);
    clearSessionCookie(res, ctx);
    sendNotice(res, { locale: session?.locale ?? localeOf(req), status: 200, kind: "signedOut", linkMinutes: DASHBOARD_LINK_MINUTES });
  });

  return router;
}
