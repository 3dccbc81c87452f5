// A CSV export in Teams. A bot cannot attach an arbitrary file to a message without a consent
// flow, so the card shows the file itself, cut to what a message can carry (Teams caps a message
// at about 28 KB). The title comes from the presenter; the cut note from the catalogue.
import type { CommandReply } from "../../core/views.js";
import type { Locale } from "../../core/model.js";
import { textsFor } from "../../i18n/index.js";
import type { Message } from "../../presenter/index.js";
import { expandCard, type AdaptiveCard } from "./card-templates.js";
import { markdownSafe } from "./markdown-safe.js";

export const MAX_FILE_LINES = 60;
const MAX_FILE_CHARS = 12_000;

type FileReply = Extract<CommandReply, { kind: "file" }>;

export function fileCard(reply: FileReply, message: Message, locale: Locale): AdaptiveCard {
  const all = reply.content.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
  const shown: string[] = [];
  let size = 0;
  for (const line of all.slice(0, MAX_FILE_LINES)) {
    size += line.length;
    if (size > MAX_FILE_CHARS) break;
    shown.push(line);
  }
  const hidden = all.length - shown.length;
  return expandCard("file", {
    title: markdownSafe(message.title),
    filename: markdownSafe(reply.filename),
    // An empty TextBlock is invalid: a blank CSV line shows as a space.
    lines: shown.map((text) => ({ text: markdownSafe(text) || " " })),
    truncated: hidden > 0 ? markdownSafe(textsFor(locale).management.fileTruncated(hidden)) : "",
  });
}
