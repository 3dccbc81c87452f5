// The HTML renderer: lays a neutral Message (src/presenter) out as the body of the web answer
// page. It adds no word of its own: every text comes from the message, escaped by `html`.
// Plain server-rendered forms, so the page works without JavaScript on any phone.
import type { Action, Block, Message } from "../../../presenter/index.js";
import { html, type SafeHtml } from "./html.js";
import { ERROR_ID, renderInput, type FormValues, type InvalidField } from "./render-inputs.js";

export type { FormValues, InvalidField } from "./render-inputs.js";

export interface RenderOptions {
  /** Where the survey's inputs are posted (survey.answer). */
  answerPath: string;
  /** Where a comment withdrawal is posted (comment.withdraw). */
  withdrawPath: string;
  /** What the person typed, shown again when the answer was refused. */
  values?: FormValues;
  /** 1 when the message is the page, 2 when it sits under a page heading. */
  level?: 1 | 2;
  /** A refusal about this message, shown under its title. */
  alert?: Message;
  /** The input the refusal is about: the alert describes it (aria-describedby). */
  invalid?: InvalidField;
}

const EMPTY: FormValues = { rating: null, comment: "", share: false };

/** The message's title as a heading, then its blocks; inputs and their submit share one form. */
export function renderMessage(message: Message, options: RenderOptions): SafeHtml {
  const title = options.level === 2 ? html`<h2>${message.title}</h2>` : html`<h1>${message.title}</h1>`;
  const alert = options.alert ? renderAlert(options.alert) : "";
  return html`<section class="tone-${message.tone}">${title}${alert}${renderBlocks(message.blocks, options)}</section>`;
}

/** A refusal, announced to screen readers as soon as the page loads; the input it is about points at it. */
export function renderAlert(message: Message): SafeHtml {
  return html`<div class="alert" role="alert" id="${ERROR_ID}"><p><strong>${message.title}</strong></p>${renderBlocks(message.blocks, { answerPath: "", withdrawPath: "" })}</div>`;
}

/** A message's blocks without its title, for a part of the page that has no form (its header). */
export function renderMessageBlocks(message: Message): SafeHtml {
  return renderBlocks(message.blocks, { answerPath: "", withdrawPath: "" });
}

function renderBlocks(blocks: Block[], options: RenderOptions): SafeHtml {
  const values = options.values ?? EMPTY;
  const out: SafeHtml[] = [];
  // The answer form opens at the first input and closes after its submit button; forms cannot
  // nest, so anything else that posts (withdrawal) closes it first.
  let formOpen = false;
  const openForm = () => {
    if (!formOpen) out.push(html`<form method="post" action="${options.answerPath}">`);
    formOpen = true;
  };
  const closeForm = () => {
    if (formOpen) out.push(html`</form>`);
    formOpen = false;
  };
  for (const block of blocks) {
    if (block.type === "input") {
      openForm();
      out.push(renderInput(block.input, values, options.invalid));
    } else if (block.type === "actions") {
      for (const action of block.actions) {
        if (action.id === "survey.answer") openForm();
        else closeForm();
        out.push(renderAction(action, options));
        // The answer's submit button ends its form.
        if (action.id === "survey.answer") closeForm();
      }
    } else {
      out.push(renderContent(block));
    }
  }
  closeForm();
  return html`${out}`;
}

function renderContent(block: Exclude<Block, { type: "input" | "actions" }>): SafeHtml {
  switch (block.type) {
    case "text":
      if (block.style === "subtle") return html`<p class="note">${block.text}</p>`;
      if (block.style === "strong") return html`<p><strong>${block.text}</strong></p>`;
      return html`<p>${block.text}</p>`;
    case "facts":
      return html`<dl>${block.facts.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>`;
    case "quote":
      return html`<figure><figcaption>${block.label}</figcaption><blockquote>${block.text}</blockquote></figure>`;
    case "list":
      return html`${block.heading ? html`<h3>${block.heading}</h3>` : ""}<ul>${block.items.map((i) => html`<li>${i}</li>`)}</ul>`;
    case "link":
      return html`<p class="note">${block.text} <a href="${block.url}">${block.label}</a></p>`;
    case "deadline":
      return html`<p class="note">${block.label} <time datetime="${block.at.toISOString()}">${block.text}</time></p>`;
    case "image":
      return html`<figure><img src="${block.url}" alt="${block.alt}"><figcaption>${block.title}</figcaption></figure>`;
  }
}

function renderAction(action: Action, options: RenderOptions): SafeHtml {
  switch (action.id) {
    case "survey.answer":
      return html`<p><button type="submit">${action.label}</button></p>`;
    case "comment.withdraw":
      // No script to ask "are you sure?": an action to confirm first leads to the confirmation
      // page (a GET, which changes nothing); the confirmation's own button withdraws.
      if (action.confirm) return html`<form method="get" action="${options.withdrawPath}"><p><button class="secondary" type="submit">${action.label}</button></p></form>`;
      return html`<form method="post" action="${options.withdrawPath}"><input type="hidden" name="answerId" value="${action.value}"><input type="hidden" name="confirm" value="yes"><p><button class="danger" type="submit">${action.label}</button></p></form>`;
    // Moderation is for management in chat, reporting for who received a copy in chat; the
    // requester's page never offers either.
    case "comment.report":
    case "moderation.approve":
    case "moderation.reject":
      return html``;
  }
}
