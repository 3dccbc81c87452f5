// Log lines written while a request is handled carry its id (src/adapters/http/request-context.ts);
// a line below the logger's level costs nothing, not even the request's child logger.
import { describe, expect, it } from "vitest";
import type { Request, Response } from "express";
import { requestContext, requestScopedLogger } from "../../../src/adapters/http/request-context.js";
import type { Logger } from "../../../src/ports/logger.js";

function rootLogger(enabled: (level: string) => boolean) {
  const lines: { level: string; bindings: Record<string, unknown>; msg: unknown }[] = [];
  let children = 0;
  const make = (bindings: Record<string, unknown>): Logger & { isLevelEnabled(level: string): boolean } => ({
    isLevelEnabled: enabled,
    debug: (obj, msg) => void lines.push({ level: "debug", bindings, msg: msg ?? obj }),
    info: (obj, msg) => void lines.push({ level: "info", bindings, msg: msg ?? obj }),
    warn: (obj, msg) => void lines.push({ level: "warn", bindings, msg: msg ?? obj }),
    error: (obj, msg) => void lines.push({ level: "error", bindings, msg: msg ?? obj }),
    child: (more) => (children++, make({ ...bindings, ...more })),
  });
  return { root: make({}), lines, children: () => children };
}

function inRequest(logger: Logger, id: string, work: () => void): void {
  const req = { header: (name: string) => (name === "X-Request-Id" ? id : undefined), method: "GET" } as unknown as Request;
  const res = { setHeader: () => undefined, once: () => undefined } as unknown as Response;
  requestContext(logger)(req, res, work);
}

describe("request-scoped logger", () => {
  it("writes the request's id on its lines, and makes no child logger for a line below the level", () => {
    const { root, lines, children } = rootLogger((level) => level !== "debug");
    const logger = requestScopedLogger(root);
    inRequest(logger, "req-1", () => {
      logger.debug("dropped");
      expect(children()).toBe(0);
      logger.info("kept");
      logger.warn("kept too");
    });
    expect(lines).toEqual([
      { level: "info", bindings: { requestId: "req-1" }, msg: "kept" },
      { level: "warn", bindings: { requestId: "req-1" }, msg: "kept too" },
    ]);
    expect(children()).toBe(1);
  });

  it("writes every line of a logger that cannot say its level", () => {
    const { root, lines } = rootLogger(() => true);
    const plain: Logger = { debug: root.debug, info: root.info, warn: root.warn, error: root.error, child: root.child };
    const logger = requestScopedLogger(plain);
    inRequest(logger, "req-2", () => logger.debug("written"));
    expect(lines).toEqual([{ level: "debug", bindings: { requestId: "req-2" }, msg: "written" }]);
  });
});
