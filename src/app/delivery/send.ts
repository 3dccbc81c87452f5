// Sends one Unit of a plan through the platforms, and nothing else: the only calls are the port's
// post and update (a copy of a comment is edited, never deleted: it then says why it is gone). A platform that throws is a passing fault (retry), like one that says so.
import type { ChatContent, Recipient } from "../../core/views.js";
import type { ChatPlatform, DeliveryResult, Destination, UpdateResult } from "../../ports/chat-platform.js";
import type { AppContext } from "../context.js";
import type { Unit } from "./plan.js";
import type { EmailRoute } from "./survey-route.js";

export const progressPurpose = (campaignId: string) => `progress:${campaignId}`;

const faultOf = (error: unknown): DeliveryResult => ({ status: "retry", error: error instanceof Error ? error.message : String(error) });

async function post(platform: ChatPlatform, destination: Destination, content: ChatContent): Promise<DeliveryResult> {
  try {
    return await platform.post(destination, content);
  } catch (error) {
    return faultOf(error);
  }
}

async function update(platform: ChatPlatform, ref: string, content: ChatContent): Promise<UpdateResult> {
  try {
    return await platform.update(ref, content);
  } catch (error) {
    return faultOf(error);
  }
}

/**
 * A person is reached on the first platform that does not answer `unreachable`, in the order
 * given (Slack first: it finds people by e-mail; Teams reaches only those who installed the app).
 * A `retry` stops there: the next attempt starts again from the first platform.
 */
async function toPerson(platforms: readonly ChatPlatform[], person: Recipient, content: ChatContent): Promise<DeliveryResult> {
  const reasons: string[] = [];
  for (const platform of platforms) {
    const result = await post(platform, { to: "person", person }, content);
    if (result.status !== "unreachable") return result;
    reasons.push(`${platform.name}: ${result.reason}`);
  }
  return { status: "unreachable", reason: reasons.join("; ") || "no chat platform" };
}

/**
 * The campaign's progress message on one platform: edited in place when this platform posted one
 * (its reference is kept by purpose); posted anew, and its reference kept, when there is none yet
 * or it was deleted (`gone`).
 */
/**
 * One progress update per campaign and platform at a time in this process: the outbox delivers
 * several messages at once, and two first updates of a campaign racing each other would each post
 * a progress message (an update racing a newer one could also show older figures last).
 */
const progressTurns = new Map<string, Promise<unknown>>();

function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = progressTurns.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  progressTurns.set(key, settled);
  void settled.then(() => {
    if (progressTurns.get(key) === settled) progressTurns.delete(key);
  });
  return next;
}

function progressInPlace(ctx: AppContext, platform: ChatPlatform, campaignId: string, content: ChatContent): Promise<DeliveryResult> {
  return inTurn(`${platform.name}:${campaignId}`, () => updateOrPostProgress(ctx, platform, campaignId, content));
}

async function updateOrPostProgress(ctx: AppContext, platform: ChatPlatform, campaignId: string, content: ChatContent): Promise<DeliveryResult> {
  const purpose = progressPurpose(campaignId);
  const stored = await ctx.store.messageRefs.get(purpose, platform.name);
  if (stored?.ref) {
    const updated = await update(platform, stored.ref, content);
    if (updated.status === "sent" && updated.ref && updated.ref !== stored.ref) {
      await ctx.store.messageRefs.save({ purpose, platform: platform.name, ref: updated.ref, now: ctx.clock.now() });
    }
    if (updated.status !== "gone") return updated;
    ctx.logger.info({ platform: platform.name, campaignId }, "progress message gone: posting a new one");
  }
  const posted = await post(platform, { to: "team" }, content);
  if (posted.status === "sent") await ctx.store.messageRefs.save({ purpose, platform: platform.name, ref: posted.ref, now: ctx.clock.now() });
  return posted;
}

/**
 * A copy of a comment, edited in place. A copy deleted meanwhile (`gone`) is as good as edited:
 * nobody can read it any more. A new reference given by the platform replaces the kept one.
 */
async function editCopy(ctx: AppContext, unit: Extract<Unit, { to: "edit" }>): Promise<DeliveryResult> {
  const updated = await update(unit.platform, unit.ref, unit.content);
  if (updated.status === "gone") {
    ctx.logger.info({ platform: unit.platform.name, content: unit.content.kind }, "copy of a comment gone: nothing to edit");
    return { status: "sent", platform: unit.platform.name, ref: null };
  }
  if (updated.status === "sent" && updated.ref && updated.ref !== unit.ref) {
    await ctx.store.messageRefs.save({ purpose: unit.purpose, platform: unit.platform.name, ref: updated.ref, now: ctx.clock.now() });
  }
  return updated;
}

async function byEmail(route: EmailRoute): Promise<DeliveryResult> {
  try {
    return await route.channel.sendSurvey(await route.mail());
  } catch (error) {
    return faultOf(error);
  }
}

/** A survey that may go by e-mail: in the route's order; unreachable only when every way is. */
async function toPersonOrEmail(platforms: readonly ChatPlatform[], person: Recipient, content: ChatContent, route: EmailRoute): Promise<DeliveryResult> {
  if (route.order === "only") return byEmail(route);
  const [first, second] = route.order === "first" ? [() => byEmail(route), () => toPerson(platforms, person, content)] : [() => toPerson(platforms, person, content), () => byEmail(route)];
  const tried = await first();
  if (tried.status !== "unreachable") return tried;
  const then = await second();
  return then.status === "unreachable" ? { status: "unreachable", reason: `${tried.reason}; ${then.reason}` } : then;
}

export async function sendUnit(ctx: AppContext, platforms: readonly ChatPlatform[], unit: Unit): Promise<DeliveryResult> {
  switch (unit.to) {
    case "person":
      return unit.email ? toPersonOrEmail(platforms, unit.person, unit.content, unit.email) : toPerson(platforms, unit.person, unit.content);
    case "team":
      return post(unit.platform, { to: "team" }, unit.content);
    case "progress":
      return progressInPlace(ctx, unit.platform, unit.campaignId, unit.content);
    case "edit":
      return editCopy(ctx, unit);
  }
}
