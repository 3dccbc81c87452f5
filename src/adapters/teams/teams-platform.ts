// The ChatPlatform for Teams: proactive messages through the saved conversation references
// (adapter.continueConversationAsync), paced per conversation, faults converted once.
import { MessageFactory, type CloudAdapter, type ConversationReference } from "botbuilder";
import type { Locale } from "../../core/model.js";
import type { Recipient } from "../../core/views.js";
import type { AppContext } from "../../app/context.js";
import type { ChatMessage, ChatPlatform, DeliveryResult } from "../../ports/chat-platform.js";
import { cardAttachment, type AdaptiveCard } from "./card-templates.js";
import { parseReference } from "./conversation-references.js";
import { followUpCard, milestoneCard, noticeCard, potProgressCard, teamPostCard, thankYouCard } from "./note-cards.js";
import type { ConversationPacer } from "./pacing.js";
import { surveyCard } from "./survey-cards.js";
import { progressCardId, progressChannel, saveProgressCardId } from "./team-channel.js";
import { classifyTeamsError } from "./teams-errors.js";

export interface TeamsSender {
  adapter: CloudAdapter;
  appId: string;
  pacer: ConversationPacer;
}

type Reach = { personId: string; reference: Partial<ConversationReference>; locale: Locale } | { unreachable: string };

async function reachOf(ctx: AppContext, to: Recipient): Promise<Reach> {
  const personId = to.personId ?? (await ctx.store.people.findByEmail(to.email))?.id ?? null;
  const saved = personId ? await ctx.store.people.teamsConversation(personId) : null;
  if (!personId || !saved?.reference) return { unreachable: "teams: no saved conversation (the app is not installed for this person)" };
  if (saved.unreachable) return { unreachable: "teams: the person blocked the bot" };
  const reference = parseReference(saved.reference);
  if (!reference) return { unreachable: "teams: the saved conversation reference is unusable" };
  return { personId, reference, locale: to.locale ?? ctx.rules.defaultLocale };
}

/** Sends (or, with `replaceId`, updates) one card; returns the activity id. Throws connector faults. */
export async function sendCard(sender: TeamsSender, reference: Partial<ConversationReference>, card: AdaptiveCard, replaceId?: string): Promise<string> {
  await sender.pacer.take(reference.conversation?.id ?? "");
  let id = replaceId ?? "";
  // Errors inside the logic would go to adapter.onTurnError and be swallowed: carry them out.
  let failure: unknown = null;
  await sender.adapter.continueConversationAsync(sender.appId, reference, async (turn) => {
    try {
      const activity = MessageFactory.attachment(cardAttachment(card));
      if (replaceId) {
        await turn.updateActivity({ ...activity, id: replaceId });
      } else {
        id = (await turn.sendActivity(activity))?.id ?? "";
      }
    } catch (error) {
      failure = error;
    }
  });
  if (failure) throw failure;
  return id;
}

export function teamsPlatform(ctx: AppContext, sender: TeamsSender): ChatPlatform {
  async function toPerson(to: Recipient, render: (locale: Locale) => AdaptiveCard): Promise<DeliveryResult> {
    const reach = await reachOf(ctx, to);
    if ("unreachable" in reach) return { status: "unreachable", reason: reach.unreachable };
    try {
      const activityId = await sendCard(sender, reach.reference, render(reach.locale));
      return { status: "sent", platform: "teams", ref: JSON.stringify({ conversationId: reach.reference.conversation?.id, activityId }) };
    } catch (error) {
      const fault = classifyTeamsError(error);
      if (fault.status === "unreachable" && fault.blocked) await ctx.store.people.markUnreachable(reach.personId, "teams", ctx.clock.now());
      ctx.logger.warn({ personId: reach.personId, fault: fault.status === "retry" ? fault.error : fault.reason }, "teams: delivery failed");
      return fault.status === "retry" ? { status: "retry", error: fault.error, retryAfterMs: fault.retryAfterMs } : { status: "unreachable", reason: fault.reason };
    }
  }

  async function toMany(to: Recipient[], render: (locale: Locale) => AdaptiveCard): Promise<DeliveryResult> {
    const results = [];
    for (const recipient of to) results.push(await toPerson(recipient, render));
    // Re-sending to everyone on a retry would duplicate: one delivered copy is enough.
    return results.find((r) => r.status === "sent") ?? results.find((r) => r.status === "retry") ?? results[0] ?? { status: "unreachable", reason: "teams: nobody to send to" };
  }

  async function toChannel(render: (locale: Locale) => AdaptiveCard, progress?: { campaignId: string }): Promise<DeliveryResult> {
    const json = await progressChannel(ctx.store);
    const reference = json ? parseReference(json) : null;
    if (!reference) return { status: "unreachable", reason: "teams: no progress channel (type “cagnotte channel” in one)" };
    const card = render(ctx.rules.defaultLocale);
    try {
      if (progress) {
        const existing = await progressCardId(ctx.store, progress.campaignId);
        if (existing) {
          try {
            await sendCard(sender, reference, card, existing);
            return { status: "sent", platform: "teams", ref: existing };
          } catch (error) {
            // The card was deleted from the channel: post a new one below.
            if (classifyTeamsError(error).status === "retry") throw error;
          }
        }
        const id = await sendCard(sender, reference, card);
        await saveProgressCardId(ctx.store, progress.campaignId, id, ctx.clock.now());
        return { status: "sent", platform: "teams", ref: id };
      }
      return { status: "sent", platform: "teams", ref: await sendCard(sender, reference, card) };
    } catch (error) {
      const fault = classifyTeamsError(error);
      ctx.logger.warn({ fault: fault.status === "retry" ? fault.error : fault.reason }, "teams: channel post failed");
      return fault.status === "retry" ? { status: "retry", error: fault.error, retryAfterMs: fault.retryAfterMs } : { status: "unreachable", reason: fault.reason };
    }
  }

  return {
    name: "teams",
    async deliver(message: ChatMessage): Promise<DeliveryResult> {
      switch (message.type) {
        case "survey":
          return toPerson(message.to, (locale) => surveyCard({ ...message.prompt, locale: message.to.locale ?? message.prompt.locale ?? locale }));
        case "thank-you":
          return toPerson(message.to, () => thankYouCard(message.note));
        case "follow-up":
          return toMany(message.to, () => followUpCard(message.note));
        case "notice":
          return toMany(message.to, (locale) => noticeCard(message.text, locale));
        case "team-post":
          return toChannel((locale) => teamPostCard(message.post, locale));
        case "pot-progress": {
          const result = await toChannel((locale) => potProgressCard(message.progress, locale), { campaignId: message.progress.campaignId });
          if (result.status !== "sent" || !message.progress.milestoneCents) return result;
          // A milestone is news: a new post as well as the updated card.
          return toChannel((locale) => milestoneCard(message.progress, locale));
        }
      }
    },
  };
}
