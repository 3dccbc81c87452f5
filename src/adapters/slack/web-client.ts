// The Slack Web API clients the adapter uses: one per workspace token.
import { webApi } from "@slack/bolt";
import type { Logger } from "../../ports/logger.js";
import { fetchWithDeadline } from "../net/call-deadline.js";
import { boltLogger } from "./bolt-logger.js";

export type WebClient = webApi.WebClient;

export interface ClientOptions {
  /** SLACK_API_URL (GovSlack, tests); Slack's own when null. */
  apiUrl: string | null;
  logger: Logger;
  /** Per call (15 s when absent); a call Slack leaves unanswered then fails and the outbox retries it. */
  timeoutMs?: number;
}

/**
 * The outbox's client: a 429 comes straight back (rejectRateLimitedCalls) with its Retry-After and
 * nothing is retried inside the call, because the durable outbox reschedules the message itself.
 * Each call is bounded by a deadline that does not run out while this process is too busy to read
 * the answer (net/call-deadline.ts): a post Slack made, or a 429 it sent, is never taken for a lost
 * call.
 */
export function outboxClient(token: string, options: ClientOptions): WebClient {
  return new webApi.WebClient(token, {
    ...(options.apiUrl ? { slackApiUrl: withSlash(options.apiUrl) } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 0,
    fetch: fetchWithDeadline(options.timeoutMs ?? 15_000),
    logger: boltLogger(options.logger),
  });
}

export function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
