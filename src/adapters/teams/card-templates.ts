// Loads the Adaptive Card templates of adaptive-cards/ and expands them with data. Data is bound,
// never concatenated into a template, so user text cannot inject template expressions.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { CardFactory, type Attachment } from "botbuilder";

// Loaded without its type declarations: they pull the adaptivecards TypeScript sources into our
// build, which do not compile under this project's settings. The API used is this one call.
interface TemplateEngine {
  Template: new (payload: unknown) => { expand(context: { $root: unknown }): unknown };
}
const ACData = createRequire(import.meta.url)("adaptivecards-templating") as TemplateEngine;

/** `message`: any neutral Message (render-card.ts); `file`: a CSV export shown in the card. */
export type TemplateName = "message" | "file";

// src/adapters/teams → repository root (the same depth from dist/adapters/teams).
const folder = fileURLToPath(new URL("../../../adaptive-cards/", import.meta.url));
const cache = new Map<TemplateName, unknown>();

function template(name: TemplateName): unknown {
  let json = cache.get(name);
  if (!json) {
    json = JSON.parse(readFileSync(`${folder}${name}.json`, "utf8")) as unknown;
    cache.set(name, json);
  }
  return json;
}

export type AdaptiveCard = Record<string, unknown>;

export function expandCard(name: TemplateName, data: Record<string, unknown>): AdaptiveCard {
  return new ACData.Template(template(name)).expand({ $root: data }) as AdaptiveCard;
}

export function cardAttachment(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}
