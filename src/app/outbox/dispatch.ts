// Delivers one claimed outbox message through the chat platform and records what happened.
import type { ChatMessage, ChatPlatform, DeliveryResult } from "../../ports/chat-platform.js";
import type { OutboxRecord } from "../../ports/store.js";
import type { AppContext } from "../context.js";
import { buildAnswerMessage, buildPotProgressMessage, buildSurveyMessage } from "./build-messages.js";

export const MAX_ATTEMPTS = 12;
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 3_600_000;

/** Exponential backoff with full jitter; a platform's Retry-After wins when it is longer. */
export function retryDelayMs(attempts: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  const backoff = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(backoff, retryAfterMs ?? 0);
}

async function buildMessage(ctx: AppContext, record: OutboxRecord): Promise<ChatMessage | null> {
  const p = record.payload;
  switch (record.kind) {
    case "survey.deliver":
      return buildSurveyMessage(ctx, ctx.store, String(p.surveyId), false);
    case "survey.remind":
      return buildSurveyMessage(ctx, ctx.store, String(p.surveyId), true);
    case "praise.deliver":
      return buildAnswerMessage(ctx, ctx.store, String(p.answerId), "praise");
    case "followup.deliver":
      return buildAnswerMessage(ctx, ctx.store, String(p.answerId), "followup");
    case "pot.progress":
      return buildPotProgressMessage(ctx, ctx.store, {
        campaignId: String(p.campaignId),
        potBefore: Number(p.potBefore),
        potAfter: Number(p.potAfter),
        answerId: typeof p.answerId === "string" ? p.answerId : null,
      });
    // Built when enqueued: the payload is the ChatMessage itself (final figures frozen at closing).
    case "notice":
    case "team-post":
      return p as unknown as ChatMessage;
    default:
      throw new Error(`unknown outbox message kind: ${record.kind}`);
  }
}

async function recordSurveyOutcome(ctx: AppContext, record: OutboxRecord, result: DeliveryResult): Promise<void> {
  if (record.kind !== "survey.deliver") return;
  const surveyId = String(record.payload.surveyId);
  const at = ctx.clock.now();
  if (result.status === "sent") {
    await ctx.store.surveys.transition(surveyId, ["pending"], "delivered", { platform: result.platform, messageRef: result.ref ?? "", at });
  } else if (result.status === "unreachable") {
    await ctx.store.surveys.transition(surveyId, ["pending"], "undeliverable", { undeliverableReason: result.reason, at });
  }
}

export async function dispatch(ctx: AppContext, platform: ChatPlatform, record: OutboxRecord): Promise<DeliveryResult | "skipped"> {
  const now = () => ctx.clock.now();
  const log = ctx.logger.child({ outboxId: record.id, kind: record.kind, attempt: record.attempts });
  let result: DeliveryResult;
  try {
    const message = await buildMessage(ctx, record);
    if (!message) {
      await ctx.store.outbox.markSent(record.id, now());
      log.debug("nothing to send any more");
      return "skipped";
    }
    result = await platform.deliver(message);
  } catch (error) {
    result = { status: "retry", error: error instanceof Error ? error.message : String(error) };
  }
  await recordSurveyOutcome(ctx, record, result);
  if (result.status === "sent") {
    await ctx.store.outbox.markSent(record.id, now());
  } else if (result.status === "unreachable") {
    log.warn({ reason: result.reason }, "recipient unreachable");
    await ctx.store.outbox.markDead(record.id, { at: now(), error: `unreachable: ${result.reason}` });
  } else if (record.attempts >= MAX_ATTEMPTS) {
    log.error({ error: result.error }, "giving up after too many attempts");
    await ctx.store.outbox.markDead(record.id, { at: now(), error: result.error });
  } else {
    const delay = retryDelayMs(record.attempts, result.retryAfterMs);
    log.warn({ error: result.error, retryInMs: delay }, "delivery failed, will retry");
    await ctx.store.outbox.reschedule(record.id, { availableAt: new Date(now().getTime() + delay), error: result.error });
  }
  return result;
}
