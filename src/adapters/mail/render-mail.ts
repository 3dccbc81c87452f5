// Lays a MailMessage (src/presenter/present-survey-mail.ts) out twice: plain text, and HTML for
// mail clients. The HTML escapes every value it places, uses inline styles only (mail clients drop
// <style> and external sheets) and loads nothing from elsewhere: no image, no font, no tracker.
// Neither adds a word of its own.
import type { MailBlock, MailMessage } from "../../presenter/index.js";
import { escapeHtml } from "../http/web-survey/html.js";

/** Only our own http(s) links are placed in an href; anything else becomes an inert "#". */
const safeUrl = (url: string): string => (/^https?:\/\//i.test(url) ? escapeHtml(url) : "#");

/** French puts a space before the colon. */
const colon = (message: MailMessage) => (message.locale === "fr" ? " : " : ": ");

function textBlock(block: MailBlock, message: MailMessage): string {
  const c = colon(message);
  switch (block.type) {
    case "text":
      return block.text;
    case "facts":
      return block.facts.map((f) => `${f.label}${c}${f.value}`).join("\n");
    case "choices":
      return [block.label, ...block.options.map((o) => `  ${o.label}${c}${o.url}`)].join("\n");
    case "button":
      return `${block.label}${c}${block.url}`;
    case "link":
      return block.label === block.url ? `${block.text}\n${block.url}` : `${block.text} ${block.label}${c}${block.url}`;
  }
}

export function renderMailText(message: MailMessage): string {
  const body = message.blocks.map((b) => textBlock(b, message)).join("\n\n");
  const footer = message.footer.map((b) => textBlock(b, message)).join("\n");
  return `${message.title}\n\n${body}\n\n-- \n${footer}\n`;
}

const FONT = "font-family:Arial,Helvetica,sans-serif;";
const P = `${FONT}font-size:15px;line-height:1.5;color:#1d1d1f;margin:0 0 14px 0;`;
const SUBTLE = `${FONT}font-size:13px;line-height:1.5;color:#555555;margin:0 0 10px 0;`;
const BUTTON = `${FONT}display:inline-block;font-size:15px;font-weight:bold;text-decoration:none;border-radius:6px;padding:10px 18px;margin:0 8px 8px 0;`;
const PRIMARY = `${BUTTON}background:#2563eb;color:#ffffff;border:1px solid #2563eb;`;
const CHOICE = `${BUTTON}background:#ffffff;color:#1d4ed8;border:1px solid #2563eb;`;
const LINK = "color:#1d4ed8;text-decoration:underline;";

function htmlBlock(block: MailBlock): string {
  switch (block.type) {
    case "text": {
      const style = block.style === "subtle" ? SUBTLE : P;
      const text = escapeHtml(block.text);
      return `<p style="${style}">${block.style === "strong" ? `<strong>${text}</strong>` : text}</p>`;
    }
    case "facts":
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px 0;border-collapse:collapse;">${block.facts
        .map(
          (f) =>
            `<tr><td style="${FONT}font-size:15px;font-weight:bold;color:#1d1d1f;padding:2px 16px 2px 0;vertical-align:top;">${escapeHtml(f.label)}</td><td style="${FONT}font-size:15px;color:#1d1d1f;padding:2px 0;">${escapeHtml(f.value)}</td></tr>`,
        )
        .join("")}</table>`;
    case "choices":
      return `<p style="${P}margin-bottom:8px;"><strong>${escapeHtml(block.label)}</strong></p><p style="margin:0 0 8px 0;">${block.options
        .map((o) => `<a href="${safeUrl(o.url)}" style="${CHOICE}">${escapeHtml(o.label)}</a>`)
        .join(" ")}</p>`;
    case "button":
      return `<p style="margin:4px 0 16px 0;"><a href="${safeUrl(block.url)}" style="${PRIMARY}">${escapeHtml(block.label)}</a></p>`;
    case "link":
      return `<p style="${SUBTLE}">${escapeHtml(block.text)}${block.label === block.url ? "<br>" : " "}<a href="${safeUrl(block.url)}" style="${LINK}">${escapeHtml(block.label)}</a></p>`;
  }
}

export function renderMailHtml(message: MailMessage): string {
  const body = message.blocks.map((b) => htmlBlock(b)).join("\n");
  const footer = message.footer.map((b) => htmlBlock(b)).join("\n");
  return `<!DOCTYPE html>
<html lang="${message.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(message.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(message.summary)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;"><tr><td style="padding:24px 28px;">
<h1 style="${FONT}font-size:20px;line-height:1.3;color:#1d1d1f;margin:0 0 18px 0;">${escapeHtml(message.title)}</h1>
${body}
<hr style="border:0;border-top:1px solid #e5e7eb;margin:20px 0 14px 0;">
${footer}
</td></tr></table>
</td></tr></table>
</body></html>
`;
}
