// Counts what each chat platform does with the outbox's messages — delivered by kind, failures by
// reason, the Retry-After a platform asks for — without the delivery rules knowing about metrics.
import type { ChatPlatform, DeliveryResult, UpdateResult } from "../../ports/chat-platform.js";
import type { Metrics } from "../../ports/metrics.js";

/** A failure's error text reduced to a small set of reasons (labels must not grow without bound). */
export function failureReason(result: Exclude<UpdateResult, { status: "sent" }>): string {
  if (result.status === "unreachable") return "unreachable";
  if (result.status === "gone") return "gone";
  const error = result.error.toLowerCase();
  if (/rate.?limit|429/.test(error)) return "rate-limited";
  if (/timeout|timed out|etimedout|aborted/.test(error)) return "timeout";
  if (/http 5\d\d|error 5\d\d|\b5\d\d\b/.test(error)) return "server-error";
  if (/econnreset|econnrefused|enotfound|eai_again|socket|network|request failed|fetch failed/.test(error)) return "network";
  return "error";
}

export function instrumentedPlatform(platform: ChatPlatform, metrics: Metrics): ChatPlatform {
  const count = <R extends UpdateResult>(kind: string, result: R): R => {
    if (result.status === "sent") {
      metrics.delivered(result.platform, kind);
      return result;
    }
    metrics.deliveryFailed(platform.name, failureReason(result));
    if (result.status === "retry" && result.retryAfterMs) metrics.rateLimitWait(platform.name, "retry-after", result.retryAfterMs);
    return result;
  };
  const thrown = (error: unknown): never => {
    metrics.deliveryFailed(platform.name, "error");
    throw error;
  };
  return {
    name: platform.name,
    post: (destination, content) => platform.post(destination, content).then((r: DeliveryResult) => count(content.kind, r), thrown),
    update: (ref, content) => platform.update(ref, content).then((r: UpdateResult) => count(content.kind, r), thrown),
  };
}
