// What the bot counts for operators (GET /metrics). The use cases and adapters say what happened;
// the Prometheus adapter (src/adapters/metrics) turns it into counters and histograms, so neither
// src/app nor src/core knows the client library. Labels are small closed sets, never ids or texts.
export interface Metrics {
  /** A ticket closure reached the webhook: scheduled, ignored (its reason), invalid or unauthorized. */
  closureReceived(result: string): void;
  /** A survey was answered, through the web page or a chat platform. */
  surveyAnswered(channel: "web" | "slack" | "teams"): void;
  /** A message reached a platform (`kind`: survey, thank-you, progress…). */
  delivered(platform: string, kind: string): void;
  /** A delivery did not go through: rate-limited, server-error, timeout, network, unreachable, error. */
  deliveryFailed(platform: string, reason: string): void;
  /** Time spent waiting for a platform's rate limit: our own pacing, or the platform's Retry-After. */
  rateLimitWait(platform: string, cause: "pacing" | "retry-after", ms: number): void;
}

export const noMetrics: Metrics = {
  closureReceived: () => {},
  surveyAnswered: () => {},
  delivered: () => {},
  deliveryFailed: () => {},
  rateLimitWait: () => {},
};
