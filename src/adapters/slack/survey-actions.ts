// The survey in the requester's DM: a rating click opens the comment modal (openSurvey says
// whether it may), the modal's submission records the answer (answerSurvey decides everything)
// and the DM shows the answered view it returns; the withdraw button erases the comment
// (withdrawComment); the report button on a quoted comment (thank-you DM, team channel) hides it
// for management to decide (reportComment), answered to the clicker only. Handlers verify, parse,
// ack, call the use case, present, render.
import type { App, BlockAction, ViewResponseAction } from "@slack/bolt";
import type { AppContext } from "../../app/context.js";
import { answerSurvey } from "../../app/answer-survey.js";
import { openSurvey, surveyPrompt } from "../../app/survey-state.js";
import { withdrawComment } from "../../app/withdraw-comment.js";
import { reportComment } from "../../app/report-comment.js";
import type { Refusal } from "../../core/refusal.js";
import { presentAnswered, presentRefusal, presentReply, presentSurvey, type Presentation } from "../../presenter/index.js";
import { resolveActor } from "./actor.js";
import type { BlockActions } from "./block-actions.js";
import { decodeMetadata, decodeRating, ids } from "./ids.js";
import type { IdentityCache } from "./identity.js";
import { slackPresentation } from "./presentation.js";
import { renderMessage, type SlackMessage } from "./render/block-kit.js";
import { modalErrors, readCommentSubmission, renderCommentModal } from "./render/modal.js";
import { isLateAck } from "./resilience.js";
import type { WebClient } from "./web-client.js";

export interface SurveyHandlerDeps {
  ctx: AppContext;
  identities: IdentityCache;
  /** The one Bolt listener of every button (block-actions.ts). */
  actions: BlockActions;
}

/** Where the clicked card lives, to edit it in place. */
interface CardPlace {
  channel: string | null;
  ts: string | null;
}

function placeOf(body: BlockAction): CardPlace {
  return { channel: body.channel?.id ?? body.container.channel_id ?? null, ts: body.message?.ts ?? body.container.message_ts ?? null };
}

async function updateCard(client: WebClient, where: CardPlace, message: SlackMessage): Promise<void> {
  if (!where.channel || !where.ts) return;
  await client.chat.update({ channel: where.channel, ts: where.ts, text: message.text, blocks: message.blocks });
}

async function tellUser(client: WebClient, channel: string | null, user: string, message: SlackMessage): Promise<void> {
  if (!channel) return;
  await client.chat.postEphemeral({ channel, user, text: message.text, blocks: message.blocks });
}

const refusalMessage = (refusal: Refusal, p: Presentation) => renderMessage(presentRefusal(refusal, p));

export function registerSurveyHandlers(app: App, deps: SurveyHandlerDeps): void {
  const { ctx, identities, actions } = deps;

  /** The person clicking, in their language (known, else Slack's, else the default). */
  async function reader(client: WebClient, userId: string) {
    const actor = await resolveActor(ctx, identities, client, userId);
    return { email: actor.email, p: slackPresentation(ctx, actor.locale) };
  }

  actions.on(ids.rateAction, async ({ ack, body, action, client }) => {
    await ack();
    const choice = decodeRating(action.value);
    if (!choice) return;
    const { email, p } = await reader(client, body.user.id);
    const where = placeOf(body);
    const opened = await openSurvey(ctx, choice.surveyId, { platform: "slack", userId: body.user.id, email });
    if (!opened.ok) {
      const refused = refusalMessage(opened.refusal, p);
      await tellUser(client, where.channel, body.user.id, refused);
      // The requester's own card is out of date: replace its buttons so nobody clicks them again.
      if (opened.refusal.code === "survey-expired") await updateCard(client, where, refused);
      return;
    }
    const prompt = await surveyPrompt(ctx, choice.surveyId);
    if (!prompt) return;
    const view = renderCommentModal(presentSurvey(prompt, p), { surveyId: choice.surveyId, rating: choice.rating, ...where });
    try {
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      // The trigger lives 3 s: a slow moment loses it. Say so, so the person clicks again.
      await tellUser(client, where.channel, body.user.id, refusalMessage({ code: "something-wrong" }, p));
      throw error;
    }
  });

  app.view(ids.commentModal, async ({ ack: ackNow, body, view, client }) => {
    // Past the deadline the modal was closed already (resilience.ts): the answer is still recorded
    // and the card updated; only a refusal can no longer be shown in the form.
    const ack = (response?: ViewResponseAction) =>
      (response ? ackNow(response) : ackNow()).catch((error: unknown) => {
        if (!isLateAck(error)) throw error;
      });
    const meta = decodeMetadata(view.private_metadata);
    if (!meta) {
      await ack();
      ctx.logger.warn("comment modal without readable metadata");
      return;
    }
    const { email, p } = await reader(client, body.user.id);
    // A refusal keeps the form open with what was typed, so nothing is lost.
    const refuse = (refusal: Refusal) => ack({ response_action: "errors", errors: modalErrors(presentRefusal(refusal, p)) });
    const form = readCommentSubmission(view.state);
    const result = await answerSurvey(ctx, {
      surveyId: meta.surveyId,
      answerer: { platform: "slack", userId: body.user.id, email },
      rating: meta.rating,
      comment: form.comment,
      shareConsent: form.shareConsent,
    }).catch(async (error: unknown) => {
      await refuse({ code: "something-wrong" });
      throw error;
    });
    if (!result.ok) {
      await refuse(result.refusal);
      return;
    }
    await ack();
    await updateCard(client, meta, renderMessage(presentAnswered(result.view, p)));
  });

  actions.on(ids.withdrawAction, async ({ ack, body, action, client }) => {
    await ack();
    const { p } = await reader(client, body.user.id);
    const where = placeOf(body);
    const result = await withdrawComment(ctx, { by: { platform: "slack", userId: body.user.id }, answerId: action.value ?? null });
    if (!result.ok) {
      await tellUser(client, where.channel, body.user.id, refusalMessage(result.refusal, p));
      return;
    }
    await updateCard(client, where, renderMessage(presentAnswered(result.view, p)));
  });

  actions.on(ids.reportAction, async ({ ack, body, action, client }) => {
    await ack();
    const { email, p } = await reader(client, body.user.id);
    const where = placeOf(body);
    if (!action.value) return;
    const result = await reportComment(ctx, { reporter: { platform: "slack", userId: body.user.id, email }, answerId: action.value });
    // Only the clicker is answered; the message itself is edited for everyone by the outbox (comment.copies).
    const said = result.ok ? renderMessage(presentReply({ kind: "done", done: { kind: "comment-reported" } }, p)) : refusalMessage(result.refusal, p);
    await tellUser(client, where.channel, body.user.id, said);
  });
}
