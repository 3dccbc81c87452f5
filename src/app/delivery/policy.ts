// One partial-failure policy for every message, whatever its number of destinations (several
// managers, the team channels of several platforms, progress + milestone + shared comment):
// - what was sent stays sent: each destination reached is remembered by purpose
//   ("delivery:<outboxId>:<unit key>") and never sent again on a retry;
// - a destination that answers `retry` is tried again on the next attempt (the longest
//   Retry-After among them wins);
// - an unreachable destination is dropped with a log line, and remembered as such;
// - the message is done when every destination is sent or unreachable.
// A message with one destination needs no memory: its one result settles it.
import type { ChatPlatform, DeliveryResult } from "../../ports/chat-platform.js";
import type { AppContext } from "../context.js";
import type { Logger } from "../../ports/logger.js";
import { copyPurpose } from "./copies.js";
import type { Unit } from "./plan.js";
import { sendUnit } from "./send.js";

/** Platform name recorded for a destination no platform could reach. */
export const UNREACHABLE = "none";

export const deliveryPurposePrefix = (outboxId: string) => `delivery:${outboxId}:`;
const deliveryPurpose = (outboxId: string, unit: Unit) => `${deliveryPurposePrefix(outboxId)}${unit.key}`;

export interface DeliveryRound {
  /** Results of the destinations tried in this round, by unit key. */
  results: Map<string, DeliveryResult>;
  /** Destinations reached so far, this round and earlier ones. */
  sent: number;
  /** Destinations dropped so far (unreachable), with their reasons. */
  unreachable: string[];
  /** Set when some destination must be tried again. */
  retry: { error: string; retryAfterMs?: number } | null;
}

/** What a log line may say about a destination: no e-mail address. */
function describe(unit: Unit): Record<string, unknown> {
  return unit.to === "person" ? { to: "person", personId: unit.person.personId } : { to: unit.to, platform: unit.platform.name, content: unit.content.kind };
}

export async function deliverUnits(ctx: AppContext, platforms: readonly ChatPlatform[], outboxId: string, units: readonly Unit[], log: Logger): Promise<DeliveryRound> {
  const remember = units.length > 1;
  const round: DeliveryRound = { results: new Map(), sent: 0, unreachable: [], retry: null };
  for (const unit of units) {
    const purpose = deliveryPurpose(outboxId, unit);
    const earlier = remember ? await ctx.store.messageRefs.list(purpose) : [];
    if (earlier.length > 0) {
      if (earlier.some((r) => r.platform === UNREACHABLE)) round.unreachable.push(`${unit.key}: unreachable earlier`);
      else round.sent += 1;
      continue;
    }
    const result = await sendUnit(ctx, platforms, unit);
    round.results.set(unit.key, result);
    if (result.status === "sent") {
      round.sent += 1;
      if (remember) await ctx.store.messageRefs.save({ purpose, platform: result.platform, ref: result.ref, now: ctx.clock.now() });
      // A message that quotes a comment: kept for good, to edit it when the comment's fate changes.
      if (unit.to !== "progress" && unit.to !== "edit" && unit.copyOf && result.ref) {
        await ctx.store.messageRefs.save({ purpose: copyPurpose(unit.copyOf, unit.content, unit.key), platform: result.platform, ref: result.ref, now: ctx.clock.now() });
      }
    } else if (result.status === "unreachable") {
      round.unreachable.push(result.reason);
      log.warn({ ...describe(unit), reason: result.reason }, "destination unreachable: dropped");
      if (remember) await ctx.store.messageRefs.save({ purpose, platform: UNREACHABLE, ref: null, now: ctx.clock.now() });
    } else {
      const longest = Math.max(round.retry?.retryAfterMs ?? 0, result.retryAfterMs ?? 0);
      round.retry = { error: round.retry ? `${round.retry.error}; ${result.error}` : result.error, ...(longest > 0 ? { retryAfterMs: longest } : {}) };
    }
  }
  return round;
}

/** Once a message is settled (done or given up), its per-destination memory is no longer needed. */
export async function forgetDelivery(ctx: AppContext, outboxId: string): Promise<void> {
  await ctx.store.messageRefs.forgetStartingWith(deliveryPurposePrefix(outboxId));
}
