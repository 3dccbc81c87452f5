// Every copy of a comment the bot sent (the technician's thank-you, management's follow-up, the
// team channel's shared-comment post) is remembered by purpose, "comment:<answerId>:<content
// kind>:<destination>", one reference per platform; the requester's own survey card, where the
// answered view quotes it, is the survey's message (Survey.messageRef). When the comment's fate changes (withdrawn,
// forgotten, retracted, reported, approved), each copy is edited in place with what may be shown
// NOW: the comment when it is showable again, else the line saying it was withdrawn or is hidden.
import type { ChatContent } from "../../core/views.js";
import type { ChatPlatform } from "../../ports/chat-platform.js";
import type { AppContext } from "../context.js";
import { answeredViewOf } from "../survey-views.js";
import { commentFate, followUpFor, potProgressFor, thankYouFor } from "./contents.js";
import type { Unit } from "./plan.js";

export const copiesPrefix = (answerId: string) => `comment:${answerId}:`;

/** Where a copy is kept: the answer, the kind of content that quotes it, and its destination. */
export const copyPurpose = (answerId: string, content: ChatContent, unitKey: string) => `${copiesPrefix(answerId)}${content.kind}:${unitKey}`;

/** The content kind a copy's purpose names ("comment:<answerId>:thank-you:person:…" → "thank-you"). */
function kindOf(purpose: string, answerId: string): string {
  return purpose.slice(copiesPrefix(answerId).length).split(":", 1)[0] ?? "";
}

/** What a copy of this kind says now; null when it can no longer be built (answer or campaign gone). */
async function contentNow(ctx: AppContext, answerId: string, kind: string): Promise<ChatContent | null> {
  switch (kind) {
    case "thank-you": {
      const praise = await thankYouFor(ctx.store, answerId);
      return praise && { kind: "thank-you", note: praise.note };
    }
    case "follow-up": {
      const note = await followUpFor(ctx.store, answerId);
      return note && { kind: "follow-up", note };
    }
    case "shared-comment": {
      const answer = await ctx.store.answers.findById(answerId);
      if (!answer) return null;
      // The pot does not move here: no milestone, only the quote (or what replaces it).
      const pot = await ctx.store.contributions.potCents(answer.campaignId);
      const progress = await potProgressFor(ctx, ctx.store, { campaignId: answer.campaignId, potBefore: pot, potAfter: pot, answerId });
      return progress && { kind: "shared-comment", progress };
    }
    default:
      return null;
  }
}

/**
 * The requester's survey card as it should read now: the comment while it is showable; else, after
 * their own withdrawal, the withdrawn view; else (retracted, reported) the line saying why it is gone.
 */
async function answeredCard(ctx: AppContext, platforms: readonly ChatPlatform[], answerId: string): Promise<Unit | null> {
  const answer = await ctx.store.answers.findById(answerId);
  const context = answer && (await ctx.store.surveys.findContext(answer.surveyId));
  const stored = answer && (await ctx.store.surveys.messageRef(answer.surveyId));
  const platform = platforms.find((p) => p.name === stored?.platform);
  if (!answer || !context || !stored?.messageRef || !platform) return null;
  const contribution = await ctx.store.contributions.findByAnswer(answer.id);
  const addedCents = contribution?.status === "active" ? contribution.amountCents : 0;
  const reversedCents = contribution?.status === "reversed" ? contribution.amountCents : 0;
  const view = answeredViewOf(context, answer, { addedCents, withdrawn: answer.withdrawnAt ? { reversedCents } : null });
  const fate = commentFate(answer);
  const shown = answer.withdrawnAt || fate.comment !== null ? view : { ...view, comment: null, commentRemoved: fate.removed };
  const purpose = `${copiesPrefix(answerId)}answered:survey`;
  return { key: `${purpose}@${platform.name}`, to: "edit", platform, purpose, ref: stored.messageRef, content: { kind: "answered", view: shown } };
}

/** One edit per copy kept, on the platform that posted it; a platform no longer configured is skipped. */
export async function commentCopies(ctx: AppContext, platforms: readonly ChatPlatform[], answerId: string): Promise<Unit[]> {
  const refs = await ctx.store.messageRefs.listStartingWith(copiesPrefix(answerId));
  const contents = new Map<string, ChatContent | null>();
  const units: Unit[] = [];
  for (const stored of refs) {
    const platform = platforms.find((p) => p.name === stored.platform);
    if (!platform || !stored.ref) {
      ctx.logger.info({ answerId, platform: stored.platform }, "copy of a comment on a platform not configured (or without reference): left as is");
      continue;
    }
    const kind = kindOf(stored.purpose, answerId);
    if (!contents.has(kind)) contents.set(kind, await contentNow(ctx, answerId, kind));
    const content = contents.get(kind);
    if (!content) continue;
    units.push({ key: `${stored.purpose}@${stored.platform}`, to: "edit", platform, purpose: stored.purpose, ref: stored.ref, content });
  }
  // The author's own card quotes it too, whatever else was sent.
  const card = await answeredCard(ctx, platforms, answerId);
  if (card) units.push(card);
  return units;
}
