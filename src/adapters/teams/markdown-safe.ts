// Adaptive Card TextBlocks render a Markdown subset (bold, italics, lists, links) and Teams turns
// bare URLs into links. User text (comments, names, ticket titles) must show as typed and never
// become a link or formatting: escape the Markdown characters, break URL schemes and the
// {{DATE()}} / {{TIME()}} functions. Card templates bind data, so `${…}` in user text is never
// expanded (the templating engine does not re-evaluate bound values).
const MARKDOWN_CHARS = /[\\`*_[\]()#+!<>|~]/g;
const ZWSP = "\u200B";

export function markdownSafe(text: string | null | undefined): string {
  if (!text) return "";
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(MARKDOWN_CHARS, (c) => `\\${c}`)
        // A line starting "- " or "1. " would become a list item.
        .replace(/^(\s*)-(?=\s)/, "$1\\-")
        .replace(/^(\s*\d+)\.(?=\s)/, "$1\\.")
        .replace(/:\/\//g, `:${ZWSP}//`)
        .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`)
        .replace(/\{\{/g, `{${ZWSP}{`)
    )
    .join("\n");
}

/**
 * A Markdown link with an escaped label, for an address the bot itself configured (the
 * règlement). Only http(s); brackets and spaces in the address are percent-encoded so that it
 * cannot end the link early. Anything else shows as the bare label.
 */
export function markdownLink(label: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return markdownSafe(label);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return markdownSafe(label);
  const href = parsed.href.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
  return `[${markdownSafe(label)}](${href})`;
}
