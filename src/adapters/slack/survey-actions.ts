// The survey in the requester's DM: a rating click opens the comment modal, the modal's submission
// records the answer (answerSurvey decides everything), the DM is then updated in place; the
// withdraw button erases the comment (withdrawComment). Handlers verify, parse, ack, call, render.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../app/context.js";
import { answerSurvey, type AnswerRefusal } from "../../app/answer-survey.js";
import { ticketRef } from "../../app/outbox/build-messages.js";
import { surveyAnswerable } from "../../app/survey-answerable.js";
import { withdrawComment } from "../../app/withdraw-comment.js";
import { refusal } from "../../app/commands/refusals.js";
import { MAX_COMMENT_LENGTH } from "../../core/rules/comment.js";
import type { Locale } from "../../core/model.js";
import { readCommentSubmission, renderCommentModal, renderInfoModal } from "./blocks/comment-modal.js";
import { renderAnswered, renderNotice, type SlackMessage } from "./blocks/survey-blocks.js";
import { escapeMrkdwn } from "./escape.js";
import { decodeMetadata, decodeRating, ids, type ModalMetadata } from "./ids.js";
import type { IdentityCache } from "./identity.js";
import { slackTexts, type SlackTexts } from "./texts.js";
import type { WebClient } from "./web-client.js";

export interface SurveyHandlerDeps {
  ctx: AppContext;
  identities: IdentityCache;
}

const refusalText: Record<Exclude<AnswerRefusal, "comment-too-long" | "invalid-rating">, keyof SlackTexts> = {
  "survey-not-found": "surveyGone",
  "not-requester": "notRequester",
  "already-answered": "alreadyAnswered",
  "survey-expired": "expired",
};

async function updateMessage(client: WebClient, where: { channel: string | null; ts: string | null }, message: SlackMessage): Promise<void> {
  if (!where.channel || !where.ts) return;
  await client.chat.update({ channel: where.channel, ts: where.ts, text: escapeMrkdwn(message.text), blocks: message.blocks });
}

async function tellUser(client: WebClient, channel: string | undefined, user: string, text: string): Promise<void> {
  if (!channel) return;
  await client.chat.postEphemeral({ channel, user, text: escapeMrkdwn(text) });
}

export function registerSurveyHandlers(app: App, deps: SurveyHandlerDeps): void {
  const { ctx, identities } = deps;

  app.action<BlockAction<ButtonAction>>(ids.rateAction, async ({ ack, body, action, client }) => {
    await ack();
    const choice = decodeRating(action.value);
    if (!choice) return;
    const identity = await identities.get(client, body.user.id);
    const check = await surveyAnswerable(ctx, choice.surveyId, { platform: "slack", userId: body.user.id, email: identity.email });
    const locale: Locale = identity.locale ?? check.context?.requester.locale ?? ctx.rules.defaultLocale;
    const t = slackTexts[locale];
    const channel: string | undefined = body.channel?.id ?? body.container.channel_id;
    const ts: string | undefined = body.message?.ts ?? body.container.message_ts;
    if (!check.ok) {
      await tellUser(client, channel, body.user.id, t[refusalText[check.reason]] as string);
      // The requester's own card is out of date: replace its buttons so nobody clicks them again.
      if (check.reason === "survey-expired") await updateMessage(client, { channel: channel ?? null, ts: ts ?? null }, renderNotice(t.expired));
      return;
    }
    const meta: ModalMetadata = { surveyId: choice.surveyId, rating: choice.rating, channel: channel ?? null, ts: ts ?? null };
    try {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: renderCommentModal(meta, { locale, ratingScale: ctx.rules.ratingScale, ticketRef: ticketRef(check.context) }),
      });
    } catch (error) {
      // The trigger lives 3 s: a slow moment loses it. Say so, so the person clicks again.
      await tellUser(client, channel, body.user.id, t.somethingWrong);
      throw error;
    }
  });

  app.view(ids.commentModal, async ({ ack, body, view, client }) => {
    const meta = decodeMetadata(view.private_metadata);
    if (!meta) {
      await ack();
      ctx.logger.warn("comment modal without readable metadata");
      return;
    }
    const identity = await identities.get(client, body.user.id);
    const t = slackTexts[identity.locale ?? ctx.rules.defaultLocale];
    const form = readCommentSubmission(view.state);
    if (form.comment && form.comment.trim().length > MAX_COMMENT_LENGTH) {
      await ack({ response_action: "errors", errors: { [ids.commentBlock]: t.commentTooLong(MAX_COMMENT_LENGTH) } });
      return;
    }
    const result = await answerSurvey(ctx, {
      surveyId: meta.surveyId,
      answerer: { platform: "slack", userId: body.user.id, email: identity.email },
      rating: meta.rating,
      comment: form.comment,
      shareConsent: form.shareConsent,
    }).catch(async (error: unknown) => {
      // Keep the form open with what was typed, so nothing is lost: the person can send it again.
      await ack({ response_action: "errors", errors: { [ids.commentBlock]: t.somethingWrong } });
      throw error;
    });
    if (!result.ok) {
      if (result.reason === "comment-too-long") {
        await ack({ response_action: "errors", errors: { [ids.commentBlock]: t.commentTooLong(MAX_COMMENT_LENGTH) } });
      } else if (result.reason === "not-requester" || result.reason === "invalid-rating") {
        await ack({ response_action: "errors", errors: { [ids.commentBlock]: result.reason === "not-requester" ? t.notRequester : t.somethingWrong } });
      } else {
        await ack({ response_action: "update", view: renderInfoModal(t[refusalText[result.reason]] as string, identity.locale ?? ctx.rules.defaultLocale) });
      }
      return;
    }
    await ack();
    const context = await ctx.store.surveys.findContext(meta.surveyId);
    const where = meta.channel && meta.ts ? meta : await storedRef(ctx, meta.surveyId);
    await updateMessage(client, where, renderAnswered({
      locale: identity.locale ?? context?.requester.locale ?? ctx.rules.defaultLocale,
      ticketRef: context ? ticketRef(context) : "",
      ticketTitle: context?.ticket.title ?? null,
      rating: result.answer.rating,
      ratingScale: result.answer.ratingScale,
      answerId: result.answer.id,
      comment: result.answer.comment,
      shareConsent: result.answer.shareConsent,
      withdrawn: null,
    }));
  });

  app.action<BlockAction<ButtonAction>>(ids.withdrawAction, async ({ ack, body, action, client }) => {
    await ack();
    const identity = await identities.get(client, body.user.id);
    const locale = identity.locale ?? ctx.rules.defaultLocale;
    const channel: string | undefined = body.channel?.id ?? body.container.channel_id;
    const person = await ctx.store.people.findByPlatformId("slack", body.user.id);
    const result = person ? await withdrawComment(ctx, { personId: person.id, answerId: action.value ?? null }) : ({ ok: false, reason: "not-requester" } as const);
    if (!result.ok) {
      const reply = refusal(result.reason);
      await tellUser(client, channel, body.user.id, reply.kind === "refused" ? reply.text[locale] : result.reason);
      return;
    }
    const answer = await ctx.store.answers.findById(result.answerId);
    const context = answer && (await ctx.store.surveys.findContext(answer.surveyId));
    if (!answer || !context) return;
    await updateMessage(client, { channel: channel ?? null, ts: body.message?.ts ?? body.container.message_ts ?? null }, renderAnswered({
      locale,
      ticketRef: ticketRef(context),
      ticketTitle: context.ticket.title,
      rating: answer.rating,
      ratingScale: answer.ratingScale,
      answerId: answer.id,
      comment: null,
      shareConsent: false,
      withdrawn: { reversedCents: result.reversedCents },
    }));
  });
}

async function storedRef(ctx: AppContext, surveyId: string): Promise<{ channel: string | null; ts: string | null }> {
  const ref = await ctx.store.surveys.messageRef(surveyId);
  try {
    const parsed = JSON.parse(ref?.messageRef ?? "") as { channel?: string; ts?: string };
    return { channel: parsed.channel ?? null, ts: parsed.ts ?? null };
  } catch {
    return { channel: null, ts: null };
  }
}
