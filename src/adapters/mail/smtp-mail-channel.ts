// The e-mail channel on SMTP (nodemailer): one survey mail per call, in the requester's language,
// plain text and HTML, with RFC 8058 one-click unsubscribe headers and a Message-ID that stays the
// same on every attempt. SMTP's answers become delivery results: a 5xx to the recipient (RCPT TO)
// or to the message (DATA) is final (unreachable: the survey is undeliverable); a 4xx, a
// connection or a time-out error is passing (retry, with the outbox's backoff). The SMTP URL holds
// the password: it is never logged, nor is the recipient's address.
import nodemailer, { type Transporter } from "nodemailer";
import type { Locale } from "../../core/model.js";
import type { DeliveryResult } from "../../ports/chat-platform.js";
import type { Logger } from "../../ports/logger.js";
import { EMAIL, type MailChannel, type SurveyMail } from "../../ports/mail-channel.js";
import type { Metrics } from "../../ports/metrics.js";
import { presentSurveyMail } from "../../presenter/index.js";
import { renderMailHtml, renderMailText } from "./render-mail.js";

export interface SmtpSettings {
  /** smtp://user:pass@host:587 or smtps://…; holds the password. */
  smtpUrl: string;
  /** MAIL_FROM */
  from: string;
}

export interface MailWording {
  defaultLocale: Locale;
  timeZone: string;
  milestoneCents: number;
}

/** The smallest part of an SMTP error worth keeping: its code, the command and the server's reply code. No address, no password. */
function describeError(error: unknown): { text: string; responseCode: number | null; command: string | null } {
  const e = (error ?? {}) as { code?: unknown; command?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : null;
  const command = typeof e.command === "string" ? e.command : null;
  const code = typeof e.code === "string" ? e.code : "error";
  // The server's reply (e.g. "550 5.1.1 mailbox unavailable"), without whatever address it quotes.
  const reply = typeof e.response === "string" ? e.response.replace(/<[^>]*>|\S+@\S+/g, "<…>").slice(0, 160) : null;
  return { text: `smtp ${code}${command ? ` at ${command}` : ""}${reply ? `: ${reply}` : responseCode ? ` ${responseCode}` : ""}`, responseCode, command };
}

/** A 5xx to the recipient or to the message itself will not change by trying again. */
export function smtpResult(error: unknown): DeliveryResult {
  const d = describeError(error);
  if (d.responseCode !== null && d.responseCode >= 500 && (d.command === "RCPT TO" || d.command === "DATA")) return { status: "unreachable", reason: d.text };
  return { status: "retry", error: d.text };
}

/** The address in MAIL_FROM, whose domain also names our Message-IDs. */
function domainOf(from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf("@") + 1).trim() || "cagnotte.invalid";
}

export function surveyMessageId(from: string, surveyId: string, reminder: boolean): string {
  return `<survey-${surveyId}${reminder ? ".reminder" : ""}@${domainOf(from)}>`;
}

export function smtpMailChannel(settings: SmtpSettings, wording: MailWording, deps: { logger: Logger; metrics?: Metrics; transporter?: Transporter }): MailChannel {
  const transporter =
    deps.transporter ??
    nodemailer.createTransport({
      url: settings.smtpUrl,
      // A server that does not answer is a passing fault: the outbox tries again later.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      // Never log the conversation: it holds the credentials and the recipients.
      logger: false,
      debug: false,
    });
  const count = (result: DeliveryResult): DeliveryResult => {
    if (result.status === "sent") deps.metrics?.delivered(EMAIL, "survey");
    else deps.metrics?.deliveryFailed(EMAIL, result.status === "unreachable" ? "unreachable" : "error");
    return result;
  };
  return {
    name: EMAIL,
    async sendSurvey(mail: SurveyMail): Promise<DeliveryResult> {
      const locale = mail.to.locale ?? wording.defaultLocale;
      const messageId = surveyMessageId(settings.from, mail.prompt.surveyId, mail.prompt.reminder);
      const message = presentSurveyMail(mail.prompt, { name: mail.to.name }, mail.unsubscribeUrl, { locale, timeZone: wording.timeZone, commandPrefix: "", milestoneCents: wording.milestoneCents });
      try {
        await transporter.sendMail({
          from: settings.from,
          to: mail.to.name ? { name: mail.to.name, address: mail.to.email } : mail.to.email,
          subject: message.subject,
          text: renderMailText(message),
          html: renderMailHtml(message),
          messageId: messageId,
          headers: {
            // RFC 8058: mail providers offer a one-click unsubscribe that POSTs to this URL.
            "List-Unsubscribe": `<${mail.unsubscribeUrl}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            // An automatic message: out-of-office replies should not answer it.
            "Auto-Submitted": "auto-generated",
            "X-Auto-Response-Suppress": "OOF, AutoReply",
          },
        });
        return count({ status: "sent", platform: EMAIL, ref: messageId });
      } catch (error) {
        const result = smtpResult(error);
        const why = result.status === "retry" ? result.error : result.status === "unreachable" ? result.reason : "";
        deps.logger.warn({ surveyId: mail.prompt.surveyId, personId: mail.to.personId, result: result.status, error: why }, "survey e-mail not sent");
        return count(result);
      }
    },
    close() {
      transporter.close();
    },
  };
}
