// Turns an outbox record into the chat message to send, from the state as it is now (a comment
// withdrawn meanwhile is not sent; a survey answered meanwhile is not delivered).
import type { Person, SurveyContext } from "../../core/model.js";
import type { Recipient } from "../../core/views.js";
import { isCommentShowable } from "../../core/rules/counting.js";
import { milestoneCrossed } from "../../core/status/status-report.js";
import { daysLeft, quarterLabel } from "../../core/campaign/quarter.js";
import type { ChatMessage } from "../../ports/chat-platform.js";
import type { Repositories } from "../../ports/store.js";
import type { AppContext } from "../context.js";
import { surveyUrl } from "../context.js";

export function toRecipient(p: Person): Recipient {
  return { personId: p.id, email: p.email, name: p.name, locale: p.locale, slackUserId: p.slackUserId, teamsUserId: p.teamsUserId };
}

export function ticketRef(context: SurveyContext): string {
  return context.ticket.source === "generic" ? `#${context.ticket.externalId}` : `${context.ticket.source} #${context.ticket.externalId}`;
}

export async function buildSurveyMessage(ctx: AppContext, repos: Repositories, surveyId: string, reminder: boolean): Promise<(ChatMessage & { type: "survey" }) | null> {
  const context = await repos.surveys.findContext(surveyId);
  if (!context || !["pending", "delivered"].includes(context.survey.status)) return null;
  return {
    type: "survey",
    to: toRecipient(context.requester),
    prompt: {
      surveyId,
      surveyUrl: surveyUrl(ctx, context.survey.token),
      locale: context.requester.locale ?? ctx.rules.defaultLocale,
      ticketRef: ticketRef(context),
      ticketTitle: context.ticket.title,
      technicianName: context.technician.name ?? context.technician.email,
      clientName: context.client.name,
      ratingScale: ctx.rules.ratingScale,
      amountCents: ctx.rules.amountCents,
      expiresAt: context.survey.expiresAt,
      reminder,
    },
  };
}

export async function buildAnswerMessage(ctx: AppContext, repos: Repositories, answerId: string, kind: "praise" | "followup"): Promise<ChatMessage | null> {
  const answer = await repos.answers.findById(answerId);
  const context = answer && (await repos.surveys.findContext(answer.surveyId));
  if (!answer || !context) return null;
  const contribution = await repos.contributions.findByAnswer(answer.id);
  const note = {
    answerId,
    locale: context.technician.locale ?? ctx.rules.defaultLocale,
    rating: answer.rating,
    ratingScale: answer.ratingScale,
    comment: isCommentShowable(answer.moderation, answer.withdrawnAt !== null) ? answer.comment : null,
    requesterName: context.requester.name ?? context.requester.email,
    clientName: context.client.name,
    ticketRef: ticketRef(context),
    ticketTitle: context.ticket.title,
  };
  if (kind === "praise") {
    return {
      type: "thank-you",
      to: toRecipient(context.technician),
      note: {
        ...note,
        addedCents: contribution?.status === "active" ? contribution.amountCents : 0,
        potCents: await repos.contributions.potCents(answer.campaignId),
      },
    };
  }
  const managers = await Promise.all(ctx.admins.map(async (email) => (await repos.people.findByEmail(email)) ?? email));
  return {
    type: "follow-up",
    to: managers.map((m) =>
      typeof m === "string" ? { personId: null, email: m, name: null, locale: null, slackUserId: null, teamsUserId: null } : toRecipient(m),
    ),
    note: { ...note, locale: ctx.rules.defaultLocale, technicianName: context.technician.name ?? context.technician.email },
  };
}

export async function buildPotProgressMessage(
  ctx: AppContext,
  repos: Repositories,
  p: { campaignId: string; potBefore: number; potAfter: number; answerId: string | null },
): Promise<ChatMessage | null> {
  const campaign = await repos.campaigns.findById(p.campaignId);
  if (!campaign) return null;
  const pot = await repos.contributions.pot(campaign.id);
  const answer = p.answerId ? await repos.answers.findById(p.answerId) : null;
  const shared = answer && answer.shareConsent && isCommentShowable(answer.moderation, answer.withdrawnAt !== null) ? answer.comment : null;
  return {
    type: "pot-progress",
    progress: {
      campaignId: campaign.id,
      campaignLabel: quarterLabel(campaign),
      charityName: campaign.charity?.name ?? null,
      amountCents: pot.amountCents,
      countedComments: pot.count,
      daysLeft: daysLeft(campaign, ctx.clock.now(), ctx.rules.timeZone),
      milestoneCents: milestoneCrossed(p.potBefore, p.potAfter, ctx.rules.milestoneCents),
      sharedComment: shared,
    },
  };
}
