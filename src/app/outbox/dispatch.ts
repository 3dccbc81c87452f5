// Settles one claimed outbox record: reads it, lets the delivery rules (src/app/delivery) send it
// to its destinations, records a survey's delivery, then marks the record sent or dead, or
// schedules the next attempt with backoff.
import type { ChatPlatform, DeliveryResult } from "../../ports/chat-platform.js";
import type { Logger } from "../../ports/logger.js";
import type { MailChannel } from "../../ports/mail-channel.js";
import type { OutboxRecord } from "../../ports/store.js";
import type { AppContext } from "../context.js";
import { planDelivery, type ChatOutboxMessage } from "../delivery/plan.js";
import { deliverUnits, forgetDelivery } from "../delivery/policy.js";
import { readOutboxMessage } from "../delivery/read-message.js";
import { postSurveyLink } from "../delivery/survey-link.js";
import { writeBackAnswer, type WriteBackOutcome } from "../delivery/write-back.js";

export const MAX_ATTEMPTS = 12;
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 3_600_000;

/** Exponential backoff with full jitter; a platform's Retry-After wins when it is longer. */
export function retryDelayMs(attempts: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  const backoff = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(backoff, retryAfterMs ?? 0);
}

export type DispatchOutcome = "sent" | "skipped" | "retry" | "dead";

async function recordSurveyOutcome(ctx: AppContext, surveyId: string, result: DeliveryResult | undefined): Promise<void> {
  const at = ctx.clock.now();
  if (result?.status === "sent") {
    await ctx.store.surveys.transition(surveyId, ["pending"], "delivered", { platform: result.platform, messageRef: result.ref ?? "", at });
  } else if (result?.status === "unreachable") {
    await ctx.store.surveys.transition(surveyId, ["pending"], "undeliverable", { undeliverableReason: result.reason, at });
  }
}

type Retry = { error: string; retryAfterMs?: number; rateLimited?: boolean };

/** `mail`: the e-mail channel surveys may take (null: not configured). */
export async function dispatch(ctx: AppContext, platforms: readonly ChatPlatform[], record: OutboxRecord, mail: MailChannel | null = null): Promise<DispatchOutcome> {
  const now = () => ctx.clock.now();
  const log = ctx.logger.child({ outboxId: record.id, kind: record.kind, attempt: record.attempts });
  const message = readOutboxMessage(record);
  if (!message) {
    log.error("unknown outbox message kind or unreadable payload: dropped");
    await ctx.store.outbox.markDead(record.id, { at: now(), error: `unreadable ${record.kind} message` });
    return "dead";
  }
  let retry: Retry;
  try {
    const settled =
      message.kind === "helpdesk.write-back"
        ? await toHelpdesk(ctx, record, log, await writeBackAnswer(ctx, message.payload))
        : message.kind === "helpdesk.survey-link"
          ? await toHelpdesk(ctx, record, log, await postSurveyLink(ctx, message.payload))
          : await deliver(ctx, platforms, record, log, message, mail);
    if (typeof settled === "string") return settled;
    retry = settled;
  } catch (error) {
    retry = { error: error instanceof Error ? error.message : String(error) };
  }
  if (retry.rateLimited && retry.retryAfterMs !== undefined) {
    // The platform asked to wait (429): come back exactly then, and the attempt does not count.
    log.info({ retryInMs: retry.retryAfterMs }, "rate limited: waiting for Retry-After");
    await ctx.store.outbox.reschedule(record.id, { availableAt: new Date(now().getTime() + retry.retryAfterMs), error: retry.error, uncount: true });
    return "retry";
  }
  if (record.attempts >= MAX_ATTEMPTS) {
    log.error({ error: retry.error }, "giving up after too many attempts");
    await ctx.store.outbox.markDead(record.id, { at: now(), error: retry.error });
    await forgetDelivery(ctx, record.id);
    return "dead";
  }
  const delay = retryDelayMs(record.attempts, retry.retryAfterMs);
  log.warn({ error: retry.error, retryInMs: delay }, "delivery not finished, will retry");
  await ctx.store.outbox.reschedule(record.id, { availableAt: new Date(now().getTime() + delay), error: retry.error });
  return "retry";
}

/** A chat message: planned, sent to each destination; settled, or what to retry. */
async function deliver(ctx: AppContext, platforms: readonly ChatPlatform[], record: OutboxRecord, log: Logger, message: ChatOutboxMessage, mail: MailChannel | null): Promise<DispatchOutcome | Retry> {
  const now = () => ctx.clock.now();
  const plan = await planDelivery(ctx, platforms, message, mail);
  if (plan.status === "nothing") {
    log.debug({ reason: plan.reason }, "nothing to send any more");
    if (plan.undeliverable) await recordSurveyOutcome(ctx, plan.undeliverable.surveyId, { status: "unreachable", reason: plan.undeliverable.reason });
    await ctx.store.outbox.markSent(record.id, now());
    await forgetDelivery(ctx, record.id);
    return "skipped";
  }
  const round = await deliverUnits(ctx, platforms, record.id, plan.units, log);
  if (plan.surveyId) await recordSurveyOutcome(ctx, plan.surveyId, plan.units[0] && round.results.get(plan.units[0].key));
  if (round.retry) return round.retry;
  // A message of one destination remembered nothing (policy.ts).
  if (plan.units.length > 1) await forgetDelivery(ctx, record.id);
  if (round.sent > 0 || plan.units.length === 0) {
    await ctx.store.outbox.markSent(record.id, now());
    return "sent";
  }
  await ctx.store.outbox.markDead(record.id, { at: now(), error: `unreachable: ${round.unreachable.join("; ")}` });
  return "dead";
}

/** A call to a helpdesk's API (write-back, survey link): written (or nothing to write), refused for good, or what to retry. */
async function toHelpdesk(ctx: AppContext, record: OutboxRecord, log: Logger, result: WriteBackOutcome): Promise<DispatchOutcome | Retry> {
  const now = () => ctx.clock.now();
  switch (result.status) {
    case "done":
      await ctx.store.outbox.markSent(record.id, now());
      return "sent";
    case "nothing":
      log.debug({ reason: result.reason }, "nothing to write to the helpdesk");
      await ctx.store.outbox.markSent(record.id, now());
      return "skipped";
    case "failed":
      log.error({ reason: result.reason }, "refused by the helpdesk: given up");
      await ctx.store.outbox.markDead(record.id, { at: now(), error: result.reason });
      return "dead";
    case "retry":
      return result;
  }
}
