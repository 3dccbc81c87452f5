// The page behind every survey e-mail's unsubscribe link (/unsubscribe/<token>). GET only shows it
// with a confirm button and changes nothing: mail scanners open links before people do. POST does
// it — the button, or a mail provider's RFC 8058 one-click POST (body "List-Unsubscribe=One-Click").
// POST …/resume opts back in. In the person's language when known, else the browser's.
import express, { type Request, type Response, type Router } from "express";
import type { AppContext } from "../../app/context.js";
import { setSurveysByToken, unsubscribeState, type UnsubscribeView } from "../../app/mail/unsubscribe.js";
import type { Locale } from "../../core/model.js";
import { localeFromAcceptLanguage, textsFor } from "../../i18n/index.js";
import { escapeHtml } from "./web-survey/html.js";

const HEADERS = {
  // not user-facing: the Content-Security-Policy's directives
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "X-Frame-Options": "DENY",
  "X-Robots-Tag": "noindex",
};

// not user-facing: the style sheet
const STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1f}
button{font:inherit;padding:.5rem 1.2rem;border-radius:.4rem;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}`;

/** "marie@client.example" → "m•••@client.example": enough for the person to recognise it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return at <= 0 ? "•••" : `${email[0]}•••${email.slice(at)}`;
}

function page(locale: Locale, title: string, body: string): string {
  return `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

const form = (action: string, label: string) => `<form method="post" action="${escapeHtml(action)}"><button type="submit">${escapeHtml(label)}</button></form>`;

export function unsubscribeRouter(ctx: AppContext): Router {
  const router = express.Router();
  const body = express.urlencoded({ extended: false, limit: "1kb" });

  function answer(req: Request, res: Response, view: UnsubscribeView, justResubscribed = false): void {
    const known = view.found && (view.locale === "fr" || view.locale === "en") ? (view.locale as Locale) : null;
    const locale = known ?? localeFromAcceptLanguage(req.header("accept-language"), ctx.rules.defaultLocale);
    const m = textsFor(locale).mail;
    const path = `/unsubscribe/${encodeURIComponent(String(req.params.token ?? ""))}`;
    res.set(HEADERS).type("html");
    if (!view.found) {
      res.status(404).send(page(locale, m.notFoundTitle, `<p>${escapeHtml(m.notFound)}</p>`));
    } else if (justResubscribed) {
      res.status(200).send(page(locale, m.resubscribedTitle, `<p>${escapeHtml(m.resubscribed)}</p>`));
    } else if (view.optedOut) {
      res.status(200).send(page(locale, m.doneTitle, `<p>${escapeHtml(m.done)}</p>${form(`${path}/resume`, m.resubscribe)}`));
    } else {
      res.status(200).send(page(locale, m.pageTitle, `<p>${escapeHtml(m.pageAsk(maskEmail(view.email)))}</p>${form(path, m.pageConfirm)}`));
    }
  }

  router.get("/unsubscribe/:token", async (req, res) => answer(req, res, await unsubscribeState(ctx, String(req.params.token))));
  router.post("/unsubscribe/:token", body, async (req, res) => answer(req, res, await setSurveysByToken(ctx, String(req.params.token), true)));
  router.post("/unsubscribe/:token/resume", body, async (req, res) => answer(req, res, await setSurveysByToken(ctx, String(req.params.token), false), true));
  return router;
}
