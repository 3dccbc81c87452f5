// A failed helpdesk API call as a write-back result: a rate limit or an outage is tried again (the
// outbox waits Retry-After without counting an attempt when rate limited), a refused token too
// (it may be fixed meanwhile); a missing ticket or a refused change will never work.
import type { WriteBackResult } from "../../ports/helpdesk.js";
import type { RestFailure } from "./rest-call.js";

/** Every connector's write-back and survey link settle a failed call through this one rule. */
export function writeBackFailure(outcome: RestFailure, what: string): WriteBackResult {
  switch (outcome.kind) {
    case "rate-limited":
      return { status: "retry", error: `${what}: rate limited`, retryAfterMs: outcome.retryAfterMs, rateLimited: true };
    case "unavailable":
    case "unauthorized":
      return { status: "retry", error: `${what}: ${outcome.kind} (${outcome.detail})` };
    case "forbidden":
    case "not-found":
    case "rejected":
      return { status: "failed", reason: `${what}: ${outcome.kind} (${outcome.detail})` };
  }
}
