// The web answer page's HTML. Plain server-rendered forms: work without JavaScript, on any phone.
import type { SurveyContext } from "../../../core/model.js";
import { html, SafeHtml } from "./html.js";
import type { PageTexts } from "./texts.js";

const STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1f}
fieldset{border:0;padding:0;margin:1rem 0}label{display:block;margin:.3rem 0}textarea{width:100%;min-height:7rem;font:inherit}
button{font:inherit;padding:.5rem 1.2rem;border-radius:.4rem;border:1px solid #2563eb;background:#2563eb;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#2563eb}.error{color:#b91c1c;font-weight:600}.note{color:#555;font-size:.9rem}`;

export function layout(locale: string, title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${new SafeHtml(STYLE)}</style></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`.value;
}

export function ratingLabels(t: PageTexts, scale: number): string[] {
  return scale === 3 ? [...t.ratingLabels3] : Array.from({ length: scale }, (_, i) => `${i + 1} / ${scale}`);
}

export interface FormValues {
  rating: number | null;
  comment: string;
  share: boolean;
}

export interface SurveyFormInput {
  context: SurveyContext;
  ticketRef: string;
  scale: number;
  /** "1,00 €": what one counted comment adds, for the "optional, no reward" line. */
  amountPerComment: string;
}

export function surveyForm(t: PageTexts, f: SurveyFormInput, values: FormValues, error: string | null): SafeHtml {
  const { context, ticketRef, scale } = f;
  const technician = context.technician.name ?? context.technician.email;
  const labels = ratingLabels(t, scale);
  // Best rating first, as people read it.
  const options = labels
    .map((label, i) => ({ label, value: i + 1 }))
    .reverse()
    .map((o) => html`<label><input type="radio" name="rating" value="${o.value}" required ${values.rating === o.value ? html`checked` : ""}> ${o.label}</label>`);
  return html`<p>${t.intro(technician, ticketRef)}</p>
${context.ticket.title ? html`<p><strong>${context.ticket.title}</strong></p>` : ""}
<p class="note">${t.optional(f.amountPerComment)}</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
<form method="post">
<fieldset><legend>${t.ratingLegend}</legend>${options}</fieldset>
<label for="comment">${t.commentLabel}</label>
<textarea id="comment" name="comment" maxlength="1000">${values.comment}</textarea>
<p class="note">${t.commentHint}</p>
<label><input type="checkbox" name="share" ${values.share ? html`checked` : ""}> ${t.share}</label>
<p><button type="submit">${t.submit}</button></p>
</form>`;
}

export function answeredPage(t: PageTexts, lines: string[], canWithdraw: boolean, action: string): SafeHtml {
  return html`${lines.map((l) => html`<p>${l}</p>`)}
${canWithdraw ? html`<form method="post" action="${action}"><button class="secondary" type="submit">${t.withdraw}</button></form>` : ""}`;
}

export function messagePage(text: string): SafeHtml {
  return html`<p>${text}</p>`;
}
