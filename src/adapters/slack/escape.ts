// Every piece of user text shown in Slack goes through here. In mrkdwn, `&`, `<` and `>` are
// control characters: unescaped, a comment holding `<!channel>` or `<@U123>` would ping people.

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
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
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Plain-text objects (buttons, modal titles) are not mrkdwn, but have their own length limits. */
export function plain(text: string, max = 75): { type: "plain_text"; text: string; emoji: true } {
  return { type: "plain_text", text: clip(text, max), emoji: true };
}

export function mrkdwn(text: string): { type: "mrkdwn"; text: string } {
  return { type: "mrkdwn", text: clip(text) };
}
