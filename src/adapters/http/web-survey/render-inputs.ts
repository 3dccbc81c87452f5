// The survey's inputs as form controls: each labelled, its hint tied by aria-describedby, and
// filled again with what the person typed when the answer was refused.
import type { Input } from "../../../presenter/index.js";
import { html, type SafeHtml } from "./html.js";

/** The answer form's fields, named as the router reads them back. */
export interface FormValues {
  rating: number | null;
  comment: string;
  share: boolean;
}

export function renderInput(input: Input, values: FormValues): SafeHtml {
  switch (input.kind) {
    case "rating":
      // One required radio group: the browser asks for a choice before posting.
      return html`<fieldset><legend>${input.label}</legend>${input.options.map(
        (o) => html`<label><input type="radio" name="rating" value="${o.value}" required${values.rating === o.value ? html` checked` : ""}> ${o.label}</label>`,
      )}</fieldset>`;
    case "comment":
      return html`<p><label for="comment">${input.label}</label>
<textarea id="comment" name="comment" maxlength="${input.maxLength}" placeholder="${input.placeholder}" aria-describedby="comment-hint">${values.comment}</textarea></p>
<p class="note" id="comment-hint">${input.hint}</p>`;
    case "share":
      return html`<fieldset><legend>${input.heading}</legend><label for="share"><input type="checkbox" id="share" name="share" aria-describedby="share-hint"${values.share ? html` checked` : ""}> ${input.label}</label>
<p class="note" id="share-hint">${input.hint}</p></fieldset>`;
  }
}
