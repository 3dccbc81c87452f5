// How a survey (or its one reminder) reaches its requester, chat or e-mail:
// - a requester who unsubscribed gets nothing, on any channel (the survey is recorded
//   undeliverable, reason "opted-out"; a reminder is simply not sent);
// - with the e-mail channel configured, the survey goes by e-mail when no chat platform reaches the
//   requester (each answers `unreachable`), or by e-mail first for clients set to e-mail first
//   (the chat platforms then only if the mail is refused for good);
// - a reminder of a survey delivered by e-mail goes by e-mail only, once (the reminder job marks it);
// - a survey already delivered by e-mail is never mailed again (a retry after a crash between the
//   send and its record), and each mail's Message-ID is the same on every attempt.
import type { Recipient } from "../../core/views.js";
import { EMAIL, type MailChannel, type SurveyMail } from "../../ports/mail-channel.js";
import type { AppContext } from "../context.js";
import { surveyPromptOf } from "../survey-views.js";
import { unsubscribeLinkFor } from "../mail/unsubscribe.js";
import { toRecipient } from "./contents.js";
import type { Plan } from "./plan.js";

/** When the e-mail channel is tried for a survey unit: after the chat platforms, before them, or alone. */
export interface EmailRoute {
  channel: MailChannel;
  order: "after-chat" | "first" | "only";
  /** The mail to send, its unsubscribe link made only when it is needed. */
  mail(): Promise<SurveyMail>;
}

export const personKey = (r: Recipient) => `person:${r.email.toLowerCase()}`;

export async function planSurvey(ctx: AppContext, surveyId: string, reminder: boolean, mail: MailChannel | null): Promise<Plan> {
  const context = await ctx.store.surveys.findContext(surveyId);
  if (!context || !["pending", "delivered"].includes(context.survey.status)) return { status: "nothing", reason: "survey no longer waiting for an answer" };
  const routing = await ctx.store.mailing.routing({ personId: context.requester.id, clientId: context.client.id });
  if (routing.optedOut) {
    return { status: "nothing", reason: "requester opted out of surveys", ...(reminder ? {} : { undeliverable: { surveyId, reason: "opted-out" } }) };
  }
  const byEmail = context.survey.platform === EMAIL;
  if (!reminder && byEmail && context.survey.status === "delivered") return { status: "nothing", reason: "survey already sent by e-mail" };
  const to = toRecipient(context.requester);
  const prompt = surveyPromptOf(ctx, context, reminder);
  const route: EmailRoute | null = mail
    ? {
        channel: mail,
        order: reminder && byEmail ? "only" : routing.emailFirst ? "first" : "after-chat",
        mail: async () => ({ to, prompt, unsubscribeUrl: await unsubscribeLinkFor(ctx, context.requester.id) }),
      }
    : null;
  return {
    status: "send",
    surveyId: reminder ? null : surveyId,
    units: [{ key: personKey(to), to: "person", person: to, content: { kind: "survey", prompt }, ...(route ? { email: route } : {}) }],
  };
}
