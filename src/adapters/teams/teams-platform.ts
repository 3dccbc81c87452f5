// The ChatPlatform for Teams: posts one card to one person (through the conversation reference
// saved when they installed the app or wrote to the bot) or to the team channel chosen with
// `cagnotte channel`, and edits a card it posted. Words the content in the reader's language with
// the presenter and lays it out with the card renderer; paced per conversation; connector faults
// converted once (teams-errors.ts). What to update in place, when to post a milestone, whom to
// tell: the delivery rules (src/app/delivery) decide, not this file.
import { MessageFactory, type CloudAdapter, type ConversationReference } from "botbuilder";
import type { AppContext } from "../../app/context.js";
import type { Locale } from "../../core/model.js";
import type { ChatContent, Recipient } from "../../core/views.js";
import type { ChatPlatform, DeliveryResult, Destination, UpdateResult } from "../../ports/chat-platform.js";
import { presentContent, type Message } from "../../presenter/index.js";
import { cardAttachment } from "./card-templates.js";
import { parseReference } from "./conversation-references.js";
import { PacerWait, type ConversationPacer } from "./pacing.js";
import { renderCard } from "./render-card.js";
import { progressChannel } from "./team-channel.js";
import { classifyTeamsError, isMissingActivity, type TeamsFault } from "./teams-errors.js";
import { teamsPresentation } from "./teams-presentation.js";

export interface TeamsSender {
  adapter: CloudAdapter;
  appId: string;
  pacer: ConversationPacer;
}

/** Where a posted card lives: enough to edit it later, and the language it was worded in. */
interface CardRef {
  conversationId: string;
  activityId: string;
  serviceUrl?: string;
  locale?: Locale;
}

type Reach = { reference: Partial<ConversationReference>; locale: Locale; personId: string | null } | { reason: string };

async function personReach(ctx: AppContext, to: Recipient): Promise<Reach> {
  const personId = to.personId ?? (await ctx.store.people.findByEmail(to.email))?.id ?? null;
  const saved = personId ? await ctx.store.people.teamsConversation(personId) : null;
  if (!personId || !saved?.reference) return { reason: "teams: no saved conversation (the app is not installed for this person)" };
  if (saved.unreachable) return { reason: "teams: the person blocked the bot" };
  const reference = parseReference(saved.reference);
  if (!reference) return { reason: "teams: the saved conversation reference is unusable" };
  // The person's known locale (Teams saved it from their activities), else the default.
  return { personId, reference, locale: to.locale ?? ctx.rules.defaultLocale };
}

async function teamReach(ctx: AppContext): Promise<Reach> {
  const json = await progressChannel(ctx.store);
  const reference = json ? parseReference(json) : null;
  if (!reference) return { reason: "teams: no progress channel (type “cagnotte channel” in one)" };
  return { personId: null, reference, locale: ctx.rules.defaultLocale };
}

/** Runs one send or edit in the conversation, paced; returns the activity id. Throws connector faults. */
async function inConversation(sender: TeamsSender, reference: Partial<ConversationReference>, message: Message, replaceId?: string): Promise<string> {
  const conversationId = reference.conversation?.id ?? "";
  const done = await sender.pacer.take(conversationId);
  try {
    return await sendInTurn(sender, conversationId, reference, message, replaceId);
  } finally {
    done();
  }
}

async function sendInTurn(sender: TeamsSender, conversationId: string, reference: Partial<ConversationReference>, message: Message, replaceId?: string): Promise<string> {
  const activity = { ...MessageFactory.attachment(cardAttachment(renderCard(message))), summary: message.summary };
  let id = replaceId ?? "";
  // Errors inside the logic would go to adapter.onTurnError and be swallowed: carry them out.
  let failure: unknown = null;
  await sender.adapter.continueConversationAsync(sender.appId, reference, async (turn) => {
    try {
      if (replaceId) await turn.updateActivity({ ...activity, id: replaceId });
      else id = (await turn.sendActivity(activity))?.id ?? "";
    } catch (error) {
      failure = error;
    }
  });
  if (failure) {
    // A 429 pauses this conversation (or the bot) for its Retry-After: no other send tries it meanwhile.
    const fault = classifyTeamsError(failure);
    if (fault.status === "retry" && fault.rateLimited) sender.pacer.rateLimited(conversationId, fault.retryAfterMs ?? 1_000);
    throw failure;
  }
  return id;
}

/** Not sent now because of the pace or a 429 pause: the message comes back then, no attempt counted. */
const waitResult = (wait: PacerWait): DeliveryResult => ({ status: "retry", error: wait.message, retryAfterMs: wait.ms, rateLimited: true });

const asResult = (fault: TeamsFault): DeliveryResult =>
  fault.status === "retry"
    ? { status: "retry", error: fault.error, retryAfterMs: fault.retryAfterMs, ...(fault.rateLimited ? { rateLimited: true } : {}) }
    : { status: "unreachable", reason: fault.reason };

function parseCardRef(ref: string): CardRef | null {
  try {
    const value = JSON.parse(ref) as Partial<CardRef>;
    return typeof value.conversationId === "string" && typeof value.activityId === "string" && value.activityId ? (value as CardRef) : null;
  } catch {
    return null;
  }
}

export function teamsPlatform(ctx: AppContext, sender: TeamsSender): ChatPlatform {
  const word = (content: ChatContent, locale: Locale) => presentContent(content, teamsPresentation(ctx, locale));

  /** The saved reference for a card's conversation: the team channel's, else one built from the ref. */
  async function referenceFor(ref: CardRef): Promise<Partial<ConversationReference> | null> {
    const team = await teamReach(ctx);
    if (!("reason" in team) && team.reference.conversation?.id === ref.conversationId) return team.reference;
    if (!ref.serviceUrl) return null;
    return { channelId: "msteams", serviceUrl: ref.serviceUrl, conversation: { id: ref.conversationId } as ConversationReference["conversation"] };
  }

  return {
    name: "teams",

    async post(destination: Destination, content: ChatContent): Promise<DeliveryResult> {
      const reach = destination.to === "person" ? await personReach(ctx, destination.person) : await teamReach(ctx);
      if ("reason" in reach) return { status: "unreachable", reason: reach.reason };
      try {
        const activityId = await inConversation(sender, reach.reference, word(content, reach.locale));
        const ref: CardRef = { conversationId: reach.reference.conversation?.id ?? "", activityId, serviceUrl: reach.reference.serviceUrl, locale: reach.locale };
        return { status: "sent", platform: "teams", ref: JSON.stringify(ref) };
      } catch (error) {
        if (error instanceof PacerWait) return waitResult(error);
        const fault = classifyTeamsError(error);
        if (fault.status === "unreachable" && fault.blocked && reach.personId) await ctx.store.people.markUnreachable(reach.personId, "teams", ctx.clock.now());
        ctx.logger.warn({ to: destination.to, personId: reach.personId, fault: fault.status === "retry" ? fault.error : fault.reason }, "teams: post failed");
        return asResult(fault);
      }
    },

    async update(ref: string, content: ChatContent): Promise<UpdateResult> {
      const card = parseCardRef(ref);
      const reference = card ? await referenceFor(card) : null;
      if (!card || !reference) return { status: "unreachable", reason: "teams: cannot edit this message (unknown conversation)" };
      try {
        await inConversation(sender, reference, word(content, card.locale ?? ctx.rules.defaultLocale), card.activityId);
        return { status: "sent", platform: "teams", ref };
      } catch (error) {
        if (error instanceof PacerWait) return waitResult(error);
        // Someone deleted the card: the delivery rules decide whether to post a new one.
        if (isMissingActivity(error)) return { status: "gone" };
        const fault = classifyTeamsError(error);
        ctx.logger.warn({ fault: fault.status === "retry" ? fault.error : fault.reason }, "teams: update failed");
        return asResult(fault);
      }
    },
  };
}
