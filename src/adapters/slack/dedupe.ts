// Slack retries a request it got no timely answer for (X-Slack-Retry-Num). Remember the ids of
// what was handled recently (event_id, a click's action_ts) and acknowledge repeats without handling
// them again. Modal submissions are not keyed: a form sent again after a validation error is a new
// attempt. Per process only: answerSurvey refusing a second answer is the durable guard.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";

type Body = {
  event_id?: string;
  type?: string;
  user?: { id?: string };
  actions?: { action_ts?: string; action_id?: string }[];
};

export function requestKey(body: Body): string | null {
  if (body.event_id) return `event:${body.event_id}`;
  if (body.type === "block_actions" && body.actions?.[0]?.action_ts) return `action:${body.user?.id}:${body.actions[0].action_id}:${body.actions[0].action_ts}`;
  return null;
}

export function dedupeMiddleware(maxEntries = 10_000): Middleware<AnyMiddlewareArgs> {
  const seen = new Set<string>();
  return async (args) => {
    const key = requestKey(args.body as Body);
    if (key && seen.has(key)) {
      if ("ack" in args && typeof args.ack === "function") await (args.ack as () => Promise<void>)();
      return;
    }
    if (key) {
      if (seen.size >= maxEntries) seen.delete(seen.values().next().value as string);
      seen.add(key);
    }
    await args.next();
  };
}
