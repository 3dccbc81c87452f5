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

/** The field a refusal is about: its error message (the page's alert, `ERROR_ID`) describes it too. */
export type InvalidField = "rating" | "comment";

/** The id of the alert that says what is wrong with the answer. */
export const ERROR_ID = "answer-error";

export function renderInput(input: Input, values: FormValues, invalid?: InvalidField): SafeHtml {
  switch (input.kind) {
    case "rating": {
      // One required radio group: the browser asks for a choice before posting.
      const describedBy = invalid === "rating" ? html` aria-describedby="${ERROR_ID}"` : "";
      return html`<fieldset${describedBy}><legend>${input.label}</legend>${input.options.map(
        (o) => html`<label><input type="radio" name="rating" value="${o.value}" required${values.rating === o.value ? html` checked` : ""}> ${o.label}</label>`,
      )}</fieldset>`;
    }
    case "comment": {
      const error = invalid === "comment";
      const describedBy = error ? `${ERROR_ID} comment-hint` : "comment-hint";
      return html`<p><label for="comment">${input.label}</label>
<textarea id="comment" name="comment" maxlength="${input.maxLength}" placeholder="${input.placeholder}" aria-describedby="${describedBy}"${error ? html` aria-invalid="true"` : ""}>${values.comment}</textarea></p>
<p class="note" id="comment-hint">${input.hint}</p>`;
    }
    case "share":
      return html`<fieldset><legend>${input.heading}</legend><label for="share"><input type="checkbox" id="share" name="share" aria-describedby="share-hint"${values.share ? html` checked` : ""}> ${input.label}</label>
<p class="note" id="share-hint">${input.hint}</p></fieldset>`;
  }
}
