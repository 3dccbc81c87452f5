// The dashboard's browser session: the cookie that carries the session id, and the middleware
// every dashboard route (the page, the exports under /dashboard/exports/…) mounts first.
//
//   router.get("/dashboard/exports/answers.csv", requireDashboardSession(ctx), handler)
//
// Without an open session of a member of management it answers 401 with the refusal page (the
// person is told to ask the bot for a link) and the route never runs; with one it sets
// `res.locals.dashboard = { personId, locale }` and calls next().
import type { Request, RequestHandler, Response } from "express";
import type { AppContext } from "../../../app/context.js";
import { DASHBOARD_LINK_MINUTES, readSession } from "../../../app/dashboard/sign-in.js";
import type { Locale } from "../../../core/model.js";
import { localeFromAcceptLanguage } from "../../../i18n/index.js";
import { sendNotice } from "./layout.js";

export interface DashboardLocals {
  personId: string;
  locale: Locale;
}

/** What requireDashboardSession put in res.locals (throws if the route was mounted without it). */
export function dashboardOf(res: Response): DashboardLocals {
  const locals = (res.locals as { dashboard?: DashboardLocals }).dashboard;
  if (!locals) throw new Error("dashboard route mounted without requireDashboardSession");
  return locals;
}

/**
 * `__Host-` when PUBLIC_URL is https: the browser then keeps the cookie only if it is Secure, for
 * this host alone and path /, so no sibling subdomain can plant or read one. Over plain http
 * (local trials) browsers refuse that prefix, so the plain name is used.
 */
export function sessionCookieName(ctx: Pick<AppContext, "publicUrl">): string {
  return isHttps(ctx) ? "__Host-cagnotte-dashboard" : "cagnotte-dashboard";
}

const isHttps = (ctx: Pick<AppContext, "publicUrl">) => ctx.publicUrl.toLowerCase().startsWith("https:");

/** The session id from the Cookie header, or null. */
export function sessionIdOf(req: Request, ctx: Pick<AppContext, "publicUrl">): string | null {
  const name = sessionCookieName(ctx);
  for (const part of (req.header("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || null;
  }
  return null;
}

/**
 * HttpOnly, SameSite=Lax, Secure when PUBLIC_URL is https, until the session's end (8 hours) given
 * as Max-Age: a duration, so a browser whose clock is off still keeps it as long as the server does.
 */
export function setSessionCookie(res: Response, ctx: Pick<AppContext, "publicUrl" | "clock">, sessionId: string, expiresAt: Date): void {
  const maxAge = Math.max(0, expiresAt.getTime() - ctx.clock.now().getTime());
  res.cookie(sessionCookieName(ctx), sessionId, { httpOnly: true, secure: isHttps(ctx), sameSite: "lax", path: "/", maxAge });
}

export function clearSessionCookie(res: Response, ctx: Pick<AppContext, "publicUrl">): void {
  res.clearCookie(sessionCookieName(ctx), { httpOnly: true, secure: isHttps(ctx), sameSite: "lax", path: "/" });
}

/** Express middleware: an open dashboard session of a member of management, or the 401 refusal page. */
export function requireDashboardSession(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const id = sessionIdOf(req, ctx);
    const session = id ? await readSession(ctx, id) : null;
    if (!session) {
      const locale = localeFromAcceptLanguage(req.header("accept-language"), ctx.rules.defaultLocale);
      if (id) clearSessionCookie(res, ctx);
      sendNotice(res, { locale, status: 401, kind: "noSession", linkMinutes: DASHBOARD_LINK_MINUTES });
      return;
    }
    res.set("Cache-Control", "no-store");
    (res.locals as { dashboard?: DashboardLocals }).dashboard = { personId: session.personId, locale: session.locale };
    next();
  };
}
