// Every HTTP request gets an id: the caller's X-Request-Id when it is a sane token (a reverse proxy
// or the helpdesk may set one), else a new UUID. It is echoed in the response and carried by every
// log line written while the request is handled, whoever writes it (use cases log through
// ctx.logger): the logger main.ts builds looks up the request in an AsyncLocalStorage and logs
// through that request's pino child.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Request, RequestHandler } from "express";
import type { Logger } from "../../ports/logger.js";

interface RequestScope {
  requestId: string;
  /** The request's child of each root logger (one per bot; tests run several in one process). */
  loggers: Map<Logger, Logger>;
}

const scope = new AsyncLocalStorage<RequestScope>();
const SANE_ID = /^[\w.:-]{1,128}$/;

export const REQUEST_ID_HEADER = "X-Request-Id";

/** `root`, but inside a request every line (of it or of its children) carries the request id. */
export function requestScopedLogger(root: Logger): Logger {
  return scoped(root, null);
}

function scoped(root: Logger, bindings: Record<string, unknown> | null): Logger {
  const outside = bindings ? root.child(bindings) : root;
  const current = (): Logger => {
    const s = scope.getStore();
    if (!s) return outside;
    let forRequest = s.loggers.get(root);
    if (!forRequest) {
      forRequest = root.child({ requestId: s.requestId });
      s.loggers.set(root, forRequest);
    }
    return bindings ? forRequest.child(bindings) : forRequest;
  };
  // A line below the logger's level is dropped before the request's child logger is made (pino's
  // isLevelEnabled; a logger without it writes every line): the debug line every request ends
  // with cost a child logger per request at the default level, only to be thrown away.
  const levels = root as Partial<{ isLevelEnabled(level: string): boolean }>;
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (obj: object | string, msg?: string): void => {
      if (levels.isLevelEnabled?.(level) === false) return;
      current()[level](obj, msg);
    };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error"), child: (more) => scoped(root, { ...bindings, ...more }) };
}

/**
 * The route's pattern (`/s/:token`), never the raw path: paths hold survey tokens, and metrics
 * labels must stay a small set. "unmatched" for what no route took (404s).
 */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === "string" ? `${req.baseUrl}${path}` : "unmatched";
}

/** First middleware: opens the request's scope, echoes its id, logs one line when it is answered. */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.header(REQUEST_ID_HEADER);
    const requestId = given && SANE_ID.test(given) ? given : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    const store: RequestScope = { requestId, loggers: new Map() };
    // In the request's scope: "finish" is emitted from the socket's context. (scope.run, not
    // AsyncLocalStorage.bind: binding costs an async resource per request.)
    res.once("finish", () =>
      scope.run(store, () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logger.debug({ method: req.method, route: routeOf(req), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
      }),
    );
    scope.run(store, next);
  };
}
