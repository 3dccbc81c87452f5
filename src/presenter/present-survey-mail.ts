// The survey as an e-mail, for requesters no chat platform reaches (or whose client chose e-mail
// first): the same facts and sentences as the chat survey, with links instead of inputs — one per
// rating (the web page opens with it preselected) and one to the page itself, where the comment is
// written. The renderers (src/adapters/mail) lay it out as plain text and HTML and add no word.
import type { Locale } from "../core/model.js";
import type { SurveyPrompt } from "../core/views.js";
import { formatEuros, formatMoment } from "../i18n/index.js";
import { ratingLabel, textsOf, ticketLine, type Presentation } from "./presentation.js";

export type MailBlock =
  | { type: "text"; text: string; style?: "subtle" | "strong" }
  | { type: "facts"; facts: { label: string; value: string }[] }
  /** Links laid out as a row of buttons, best first. */
  | { type: "choices"; label: string; options: { label: string; url: string }[] }
  | { type: "button"; label: string; url: string }
  /** A sentence followed by a link. */
  | { type: "link"; text: string; label: string; url: string };

export interface MailMessage {
  locale: Locale;
  subject: string;
  /** The line inbox lists show after the subject. */
  summary: string;
  title: string;
  blocks: MailBlock[];
  /** Why the mail came and how to stop them: set apart at the bottom. */
  footer: MailBlock[];
}

/** "Camille Martin" → "Camille"; an address alone ("c.martin@esn.example") → "c.martin". */
export function firstName(nameOrEmail: string): string {
  const name = nameOrEmail.includes("@") ? nameOrEmail.slice(0, nameOrEmail.indexOf("@")) : nameOrEmail;
  return name.trim().split(/\s+/)[0] ?? name;
}

/** `?rating=N` on the survey's page: it opens with that rating chosen (nothing is recorded by opening it). */
export function ratingUrl(surveyUrl: string, rating: number): string {
  return `${surveyUrl}${surveyUrl.includes("?") ? "&" : "?"}rating=${rating}`;
}

export function presentSurveyMail(prompt: SurveyPrompt, to: { name: string | null }, unsubscribeUrl: string, p: Presentation): MailMessage {
  const { survey: s, mail: m } = textsOf(p);
  const technician = firstName(prompt.technicianName);
  const options = Array.from({ length: prompt.ratingScale }, (_, i) => prompt.ratingScale - i).map((value) => ({
    label: ratingLabel(value, prompt.ratingScale, p),
    url: ratingUrl(prompt.surveyUrl, value),
  }));
  const blocks: MailBlock[] = [
    ...(prompt.reminder ? [{ type: "text" as const, text: s.reminder, style: "strong" as const }] : []),
    { type: "text", text: m.greeting(to.name ? firstName(to.name) : null) },
    { type: "text", text: m.intro(technician, prompt.ticketRef) },
    { type: "facts", facts: [
      { label: s.ticket, value: ticketLine(prompt.ticketRef, prompt.ticketTitle) },
      { label: s.technician, value: technician },
    ] },
    { type: "choices", label: m.oneClick, options },
    { type: "button", label: m.answer, url: prompt.surveyUrl },
    { type: "text", text: m.commentLater, style: "subtle" },
    { type: "text", text: s.optional(formatEuros(prompt.amountCents, p.locale), prompt.caps.perRequester, prompt.caps.perClient), style: "subtle" },
    { type: "text", text: `${s.openUntil} ${formatMoment(prompt.expiresAt, p.locale, p.timeZone)}`, style: "subtle" },
    { type: "link", text: s.rulesLine, label: s.rulesLink, url: prompt.rulesUrl },
    { type: "link", text: m.copyLink, label: prompt.surveyUrl, url: prompt.surveyUrl },
  ];
  const footer: MailBlock[] = [
    { type: "text", text: m.why, style: "subtle" },
    { type: "link", text: m.unsubscribeLine, label: m.unsubscribeLink, url: unsubscribeUrl },
  ];
  const subject = prompt.reminder ? m.reminderSubject(prompt.ticketRef) : m.subject(prompt.ticketRef);
  return { locale: p.locale, subject, summary: m.intro(technician, prompt.ticketRef), title: s.header(prompt.ticketRef), blocks, footer };
}
