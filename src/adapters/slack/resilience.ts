// What keeps the Slack side up when Slack, the network or a caller misbehaves:
// - the connection (auth.test, Socket Mode) is made after the HTTP server is up and retried, so a
//   Slack or DNS outage at boot never takes the ticket webhook and the web survey down;
// - every interaction is acknowledged within Slack's 3 s, whatever the Web API does afterwards;
// - /slack/events refuses unsigned, stale or oversized requests before reading their body, and a
//   signed body Bolt cannot make sense of gets 400, not 500.
import { ErrorCode, type AckFn, type AnyMiddlewareArgs, type App, type Middleware, type ReceiverProcessEventErrorHandlerArgs } from "@slack/bolt";
import { Router, type RequestHandler } from "express";
import type { Logger } from "../../ports/logger.js";

/** Slack waits 3 s for the acknowledgement; past this, the bot answers it itself. */
export const ACK_DEADLINE_MS = 2_000;
/** Slack's own payloads are far smaller; Bolt's default would read 4 MB from anyone. */
export const SLACK_BODY_LIMIT = 1024 * 1024;
/** Slack signs with the time of sending and Bolt refuses anything older than 5 minutes. */
const MAX_CLOCK_SKEW_S = 5 * 60;
/** Waits between connection attempts; the last one repeats. */
export const CONNECT_RETRY_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

const explain = (error: unknown) => (error instanceof Error ? `${error.message}${(error as { code?: string }).code ? ` (${(error as { code?: string }).code})` : ""}` : String(error));

export interface SlackConnection {
  /** auth.test done (and the socket open in Socket Mode): events can be handled. */
  ready(): boolean;
  /** First attempt; on failure, says so and keeps trying in the background. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function slackConnection(app: App, options: { logger: Logger; socketMode: boolean; retryMs?: readonly number[] }): SlackConnection {
  const { logger, socketMode } = options;
  const retryMs = options.retryMs ?? CONNECT_RETRY_MS;
  let ready = false;
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let attempt: Promise<void> = Promise.resolve();

  async function connect(): Promise<void> {
    try {
      await app.init(); // auth.test with the bot token (nothing to call with the OAuth install)
      if (socketMode) await app.start();
      if (stopped) {
        if (socketMode) await app.stop();
        return;
      }
      ready = true;
      if (failures > 0) logger.info(`slack: connected after ${failures} failed attempt(s)`);
    } catch (error) {
      if (stopped) return;
      const wait = retryMs[Math.min(failures, retryMs.length - 1)] ?? 60_000;
      failures += 1;
      logger.warn(
        { err: { message: explain(error) }, attempt: failures },
        `slack: cannot reach Slack's Web API (${explain(error)}); the ticket webhook and the web survey keep working; trying again in ${Math.round(wait / 1000)} s`,
      );
      timer = setTimeout(() => {
        attempt = connect();
      }, wait);
      timer.unref();
    }
  }

  return {
    ready: () => ready,
    async start() {
      attempt = connect();
      await attempt;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await attempt;
      if (ready && socketMode) await app.stop();
      ready = false;
    },
  };
}

/**
 * Global Bolt middleware, registered first: when the handlers have not finished within
 * ACK_DEADLINE_MS (a Web API call that never answers), the request is acknowledged now — the
 * handler's own ack() if it made one, an empty one otherwise — and the handler finishes alone.
 */
export function ackDeadline(logger: Logger, deadlineMs = ACK_DEADLINE_MS): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const ack = (args as { ack?: AckFn<unknown> }).ack;
    const work = args.next();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), deadlineMs)));
    try {
      if ((await Promise.race([work.then(() => "done" as const), late])) === "done") return;
    } finally {
      clearTimeout(timer);
    }
    logger.warn(`slack: handler still running after ${deadlineMs} ms; acknowledged without waiting for it`);
    work.catch((error: unknown) => logger.error({ err: { message: explain(error) } }, "slack handler failed after the acknowledgement"));
    if (ack) await ack().catch(() => undefined); // already acknowledged by the handler: that answer goes out now
  };
}

/** True when the deadline above acknowledged the request first: answer some other way. */
export function isLateAck(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === ErrorCode.ReceiverMultipleAckError;
}

/**
 * The receiver's handler for errors Bolt raises itself (not the listeners' errors, which go to
 * app.error): after the signature was verified, these mean a body Bolt cannot read — `null`,
 * actions without ids, a view without a view. The caller's fault: 400.
 */
export function refuseMalformed(logger: Logger) {
  return async ({ error, response }: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    if (response.headersSent) return false;
    if ((error as { code?: unknown }).code === ErrorCode.AuthorizationError) {
      response.writeHead(401).end();
      return true;
    }
    logger.warn({ err: { message: explain(error) } }, "slack: signed request with a body Bolt cannot read; answered 400");
    response.writeHead(400).end();
    return true;
  };
}

/**
 * In front of Bolt's receiver on POST /slack/events: a request without Slack's signature headers,
 * with a stale timestamp or a declared body over the limit is refused before its body is read
 * (Bolt reads the whole body, up to its limit, before checking the signature); and while Slack is
 * not connected yet, 503 (Slack retries events; the person sees the app is unavailable).
 */
export function eventsGuard(path: string, ready: () => boolean, now = () => Date.now()): Router {
  const router = Router();
  const guard: RequestHandler = (req, res, next) => {
    const refuse = (status: number) => {
      res.set("Connection", "close").status(status).end();
    };
    const signature = req.header("x-slack-signature");
    const timestamp = req.header("x-slack-request-timestamp");
    if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp) || Math.abs(now() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) {
      refuse(401);
      return;
    }
    const length = Number(req.header("content-length") ?? 0);
    if (length > SLACK_BODY_LIMIT) {
      refuse(413);
      return;
    }
    if (!ready()) {
      res.set("Retry-After", "10");
      refuse(503);
      return;
    }
    next();
  };
  router.post(path, guard);
  return router;
}
