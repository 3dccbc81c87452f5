// The dashboard's HTML document: one style sheet inline, allowed by a per-response nonce (no
// 'unsafe-inline'), no script, no asset from elsewhere (the charts are inline SVG), no framing.
import { randomBytes } from "node:crypto";
import type { Response } from "express";
import type { Locale } from "../../../core/model.js";
import { textsFor } from "../../../i18n/index.js";
import { html, SafeHtml } from "../web-survey/html.js";

// not user-facing: the style sheet
const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f7f9;line-height:1.45}
header,main{max-width:72rem;margin:0 auto;padding:1rem}header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin:2rem 0 .6rem}section{margin-bottom:1.5rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.8rem;margin:0;padding:0}
.cards div{background:#fff;border:1px solid #dde1e6;border-radius:.5rem;padding:.6rem .8rem}.cards dt{font-size:.85rem;color:#444}.cards dd{margin:0;font-size:1.35rem;font-weight:600}
figure{background:#fff;border:1px solid #dde1e6;border-radius:.5rem;padding:.8rem;margin:0 0 1rem;overflow-x:auto}figcaption{font-weight:600;margin-bottom:.4rem}
figure svg{max-width:100%;height:auto}table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}th,td{border:1px solid #dde1e6;padding:.25rem .5rem;text-align:right}
th[scope=row],thead th:first-child{text-align:left}caption{text-align:left;font-weight:600;padding:.3rem 0}details summary{cursor:pointer;color:#1d4ed8}
button{font:inherit;padding:.45rem 1.1rem;border-radius:.4rem;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}button.secondary{background:#fff;color:#1d4ed8}
a{color:#1d4ed8}.note{color:#555;font-size:.9rem}.alert{color:#b91c1c;border:1px solid #b91c1c;border-radius:.4rem;padding:0 1rem;margin:1rem 0;background:#fff}
.narrow{max-width:36rem}ul.downloads{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;padding:0}form.inline{display:inline}nav a{margin-left:.6rem}`;

export interface Frame {
  locale: Locale;
  title: string;
  nonce: string;
}

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The security headers of every dashboard page; the nonce lets our one <style> in and nothing else. */
export function dashboardHeaders(nonce: string): Record<string, string> {
  return {
    // not user-facing: the Content-Security-Policy's directives
    "Content-Security-Policy": `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    // not user-facing: caches must tell sessions and languages apart
    Vary: "Cookie, Accept-Language",
  };
}

export function renderDocument(frame: Frame, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${frame.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><title>${frame.title}</title><style nonce="${frame.nonce}">${new SafeHtml(STYLE)}</style></head>
<body>${body}</body></html>`.value;
}

export type NoticeKind = "noSession" | "linkUsed" | "linkExpired" | "linkUnknown" | "notManagement" | "forbidden" | "signedOut";

/** A page that says why nothing opened (or that the session ended), and what to do instead. */
export function sendNotice(res: Response, input: { locale: Locale; status: number; kind: NoticeKind; linkMinutes: number }): void {
  const t = textsFor(input.locale).dashboard;
  const texts: Record<NoticeKind, [string, string]> = {
    noSession: [t.noSessionTitle, t.noSessionText],
    linkUsed: [t.linkUsedTitle, t.linkUsedText],
    linkExpired: [t.linkExpiredTitle, t.linkExpiredText(input.linkMinutes)],
    linkUnknown: [t.linkUnknownTitle, t.linkUnknownText],
    notManagement: [t.notManagementTitle, t.notManagementText],
    forbidden: [t.forbiddenTitle, t.forbiddenText],
    signedOut: [t.signedOutTitle, t.signedOutText],
  };
  const [title, text] = texts[input.kind];
  const nonce = newNonce();
  const role = input.status >= 400 ? "alert" : "status";
  const body = html`<main class="narrow"><h1>${title}</h1><div class="${input.status >= 400 ? "alert" : "note"}" role="${role}"><p>${text}</p></div></main>`;
  res.status(input.status).set(dashboardHeaders(nonce)).type("html").send(renderDocument({ locale: input.locale, title, nonce }, body));
}
