// The web answer page's document: one stylesheet inline (the CSP allows no other asset), the
// reader's language on <html lang>, who asks (a header on every page), and what to show: a
// message, a refusal, or both. Readable at 200 % zoom (no fixed widths, long words wrap), every
// focused control outlined.
import type { Locale } from "../../../core/model.js";
import type { Message } from "../../../presenter/index.js";
import { html, SafeHtml } from "./html.js";
import { renderAlert, renderMessage, renderMessageBlocks, type FormValues, type InvalidField } from "./render-html.js";

// not user-facing: the style sheet
const STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1f;background:#fff;overflow-wrap:anywhere}
*,*::before,*::after{box-sizing:border-box}
header.asker{border-bottom:1px solid #c7c7cc;margin-bottom:1rem}header.asker p{margin:.3rem 0}
fieldset{border:0;padding:0;margin:1rem 0}legend{font-weight:600}label{display:block;margin:.3rem 0}textarea{width:100%;min-height:7rem;font:inherit}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}input[type=radio],input[type=checkbox]{width:1.1rem;height:1.1rem;vertical-align:-.15rem}
a{color:#1d4ed8}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}}
blockquote{margin:.3rem 0;padding:.5rem 1rem;border-left:3px solid #2563eb;background:#f5f7ff;white-space:pre-wrap}figure{margin:1rem 0}
button{font:inherit;padding:.5rem 1.2rem;border-radius:.4rem;border:1px solid #2563eb;background:#2563eb;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#2563eb}button.danger{background:#b91c1c;border-color:#b91c1c}
.alert{color:#b91c1c;border:1px solid #b91c1c;border-radius:.4rem;padding:0 1rem;margin:1rem 0}.note{color:#555;font-size:.9rem}`;

/** Every page: no script, no asset from elsewhere, no framing, no referrer carrying the survey's token. */
export const SECURITY_HEADERS = {
  // not user-facing: the Content-Security-Policy's directives
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "X-Frame-Options": "DENY",
};

/**
 * A message (its title leads the page), or a heading of the page's own (catalogue `web` topic) over
 * a refusal and/or a message. `asker`: who asks and for which charity, the head of the page;
 * `invalid`: the input the refusal is about.
 */
export type PageContent = { values?: FormValues; asker?: Message; invalid?: InvalidField } & (
  | { heading?: undefined; message: Message; alert?: Message }
  | { heading: string; message?: Message; alert?: Message }
);

export interface PageFrame {
  locale: Locale;
  /** The token's paths, for the forms. */
  answerPath: string;
  withdrawPath: string;
}

export function renderPage(frame: PageFrame, page: PageContent): string {
  const { message, alert, heading } = page;
  const forms = { answerPath: frame.answerPath, withdrawPath: frame.withdrawPath, values: page.values, invalid: page.invalid };
  // The refusal sits right under the page's first heading, above the form it is about.
  const body =
    heading === undefined
      ? renderMessage(page.message, { ...forms, level: 1, alert })
      : html`<h1>${heading}</h1>${alert ? renderAlert(alert) : ""}${message ? renderMessage(message, { ...forms, level: 2 }) : ""}`;
  const title = heading ?? page.message.title;
  return html`<!doctype html>
<html lang="${frame.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${new SafeHtml(STYLE)}</style></head>
<body>${page.asker ? renderAsker(page.asker) : ""}<main>${body}</main></body></html>`.value;
}

/** Who asks: the company in strong type, then the charity line (not a heading: the page's h1 comes first in <main>). */
function renderAsker(asker: Message): SafeHtml {
  return html`<header class="asker"><p><strong>${asker.title}</strong></p>${renderMessageBlocks(asker)}</header>`;
}
