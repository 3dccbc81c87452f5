// The Adaptive Card renderer: lays a neutral Message out with the generic template
// adaptive-cards/message.json. It words nothing: every text comes from the Message, escaped once
// for where it lands — Markdown-rendered places (TextBlock, FactSet, choice and toggle titles)
// through markdownSafe; plain-text places (input labels, placeholders, error messages, button
// titles) as they are, since Teams shows those literally and an escape would show as a backslash.
import type { Action, ActionId, Block, Input, Message, Tone } from "../../presenter/index.js";
import { expandCard, type AdaptiveCard } from "./card-templates.js";
import { markdownLink, markdownSafe as md } from "./markdown-safe.js";

/** What each Action.Execute carries back, by action: the invoke handler reads the same keys. */
export const ACTION_DATA_KEY = {
  "survey.answer": "surveyId",
  "comment.withdraw": "answerId",
  "comment.report": "answerId",
  "moderation.approve": "itemId",
  "moderation.reject": "itemId",
} as const satisfies Record<ActionId, string>;

const TONE_COLOR: Record<Tone, string> = { default: "Default", good: "Good", attention: "Attention", accent: "Accent" };
const ACTION_STYLE = { primary: "positive", danger: "destructive" } as const;

/** RFC 3339 without milliseconds: what the card's {{DATE()}} function accepts. */
const cardDate = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, "Z");

function inputData(input: Input): Record<string, unknown> {
  switch (input.kind) {
    case "rating":
      return {
        kind: "rating",
        label: input.label,
        requiredMessage: input.requiredMessage,
        choices: input.options.map((o) => ({ title: md(o.label), value: String(o.value) })),
      };
    case "comment":
      return { kind: "comment", label: input.label, placeholder: input.placeholder, maxLength: input.maxLength, hint: md(input.hint) };
    case "share":
      return { kind: "share", heading: input.heading, label: md(input.label), hint: md(input.hint) };
  }
}

function actionData(action: Action): Record<string, unknown> {
  const common = {
    title: action.label,
    verb: action.id,
    style: action.style ? ACTION_STYLE[action.style] : "default",
    data: { [ACTION_DATA_KEY[action.id]]: action.value },
  };
  // Adaptive Cards have no confirmation dialog: the button opens the question with the real button.
  return action.confirm ? { ...common, confirmTitle: md(action.confirm.title), confirmText: md(action.confirm.text), confirm: action.confirm.confirm } : common;
}

function blockData(block: Block): Record<string, unknown> | null {
  switch (block.type) {
    case "text": {
      const subtle = block.style === "subtle";
      return { kind: "text", text: md(block.text), weight: block.style === "strong" ? "Bolder" : "Default", subtle, size: subtle ? "Small" : "Default" };
    }
    case "facts":
      return block.facts.length ? { kind: "facts", facts: block.facts.map((f) => ({ label: md(f.label), value: md(f.value) })) } : null;
    case "quote":
      return { kind: "quote", label: md(block.label), text: md(block.text) };
    case "list":
      return { kind: "list", heading: md(block.heading ?? ""), items: block.items.map((item) => ({ text: `• ${md(item)}` })) };
    case "deadline":
      // Teams shows {{DATE()}} in the reader's own time zone and format; `block.text` is for the others.
      return { kind: "deadline", label: md(block.label), at: cardDate(block.at) };
    case "link":
      // One line, the sentence then its link: a text block like any other.
      return { kind: "text", text: `${md(block.text)} ${markdownLink(block.label, block.url)}`, weight: "Default", subtle: true, size: "Small" };
    case "input":
      return inputData(block.input);
    case "actions": {
      const actions = block.actions.map(actionData);
      return actions.length ? { kind: "actions", direct: actions.filter((a) => !("confirm" in a)), confirmed: actions.filter((a) => "confirm" in a) } : null;
    }
    case "image":
      // altText is read out as is (not Markdown); Teams fetches the url from its own servers.
      return { kind: "image", title: md(block.title), url: block.url, alt: block.alt };
  }
}

export interface RenderOptions {
  /** A problem to show above the message (the survey shown again after a refused answer). */
  alert?: string;
}

export function renderCard(message: Message, options: RenderOptions = {}): AdaptiveCard {
  return expandCard("message", {
    title: md(message.title),
    color: TONE_COLOR[message.tone],
    // fallbackText: what a client that cannot draw the card shows (as Markdown in Teams).
    summary: md(message.summary),
    alert: md(options.alert ?? ""),
    blocks: message.blocks.map(blockData).filter((b) => b !== null),
  });
}
