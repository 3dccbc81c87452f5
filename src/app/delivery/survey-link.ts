// CAGNOTTE_HELPDESK_SURVEY_LINK: the survey's link, written on the helpdesk ticket it came from, so
// that the helpdesk's own e-mail to the requester carries it (the helpdesks send their closing
// e-mail before Cagnotte has made the link, so the link goes onto the ticket afterwards: a custom
// field a trigger places in an e-mail, or a public comment the helpdesk e-mails itself).
// The chat survey (or Cagnotte's e-mail) still goes: whichever the requester answers first counts,
// the other then shows the survey as answered.
import type { HelpdeskName } from "../../ports/helpdesk.js";
import { textsFor } from "../../i18n/index.js";
import type { AppContext } from "../context.js";
import { surveyUrl } from "../context.js";
import { personLocale } from "../locale.js";
import type { WriteBackOutcome } from "./write-back.js";

export async function postSurveyLink(ctx: AppContext, payload: { surveyId: string }): Promise<WriteBackOutcome> {
  const context = await ctx.store.surveys.findContext(payload.surveyId);
  if (!context) return { status: "nothing", reason: "survey not found" };
  const helpdesk = ctx.helpdesks?.find((h) => h.name === context.ticket.source);
  if (!helpdesk?.surveyLink) return { status: "nothing", reason: `the survey link is off for ${context.ticket.source}` };
  // Answered already (in chat, within seconds) or expired: a link would only lead to a closed survey.
  if (context.survey.status === "answered" || context.survey.status === "expired" || context.survey.expiresAt <= ctx.clock.now()) {
    return { status: "nothing", reason: `survey ${context.survey.status}` };
  }
  // A requester who unsubscribed gets no survey by any way, the helpdesk's e-mail included.
  if ((await ctx.store.mailing.routing({ personId: context.requester.id, clientId: context.client.id })).optedOut) {
    return { status: "nothing", reason: "requester opted out of surveys" };
  }
  const locale = personLocale(ctx, context.requester.locale);
  const t = textsFor(locale).helpdeskNote;
  const url = surveyUrl(ctx, context.survey.token);
  const result = await helpdesk.surveyLink.post({
    ticketId: context.ticket.externalId,
    surveyUrl: url,
    subject: t.surveyLinkSubject,
    lines: [t.surveyLinkIntro, url, t.surveyLinkPersonal],
    locale,
  });
  if (result.status === "done") ctx.logger.info({ surveyId: context.survey.id, helpdesk: helpdesk.name satisfies HelpdeskName, ticketId: context.ticket.externalId }, "survey link written on the helpdesk ticket");
  return result;
}
