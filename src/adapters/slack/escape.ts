// Every piece of text shown in Slack goes through here, once. In mrkdwn, `&`, `<` and `>` are
// control characters: unescaped, a comment holding `<!channel>` or `<@U123>` would ping people.

const CONTROL = /[&<>]/;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

export function escapeMrkdwn(text: string): string {
  // Most texts hold none: one test instead of three replacements (every string of every message comes here).
  return CONTROL.test(text) ? text.replace(/[&<>]/g, (c) => ENTITY[c]!) : text;
}

/** A quoted block of user text: each line escaped and prefixed with `>`. */
export function quoteMrkdwn(text: string): string {
  return text
    .split("\n")
    .map((line) => `>${escapeMrkdwn(line)}`)
    .join("\n");
}

/** Slack limits a section's text to 3,000 characters; cut long texts with an ellipsis. */
export function clip(text: string, max = 2900): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // Never cut an escaped entity ("&am…") in half: Slack would show the broken rest.
  const amp = cut.lastIndexOf("&");
  const whole = amp >= 0 && !cut.slice(amp).includes(";") && cut.length - amp < 5 ? cut.slice(0, amp) : cut;
  return `${whole}…`;
}

/** Plain-text objects (buttons, headers, modal titles): not mrkdwn, so not escaped, but limited in length. */
export function plain(text: string, max = 75): { type: "plain_text"; text: string; emoji: true } {
  return { type: "plain_text", text: clip(text, max), emoji: true };
}

/** A mrkdwn object from text already escaped (and formatted) by the caller. */
export function mrkdwn(text: string): { type: "mrkdwn"; text: string } {
  return { type: "mrkdwn", text: clip(text) };
}

/** Bold mrkdwn of plain text. */
export function strong(text: string): string {
  return `*${escapeMrkdwn(text)}*`;
}

/** Slack shows the date in the reader's own time zone; `fallback` where it cannot. */
export function dateToken(at: Date, fallback: string): string {
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${escapeMrkdwn(fallback)}>`;
}

/** A link Slack shows as `label`: both parts escaped, and `|` kept out of the address. */
export function link(url: string, label: string): string {
  return `<${escapeMrkdwn(url).replace(/\|/g, "%7C")}|${escapeMrkdwn(label)}>`;
}
