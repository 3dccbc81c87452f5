// botbuilder writes to the console (console.error(err) with a stack trace on every refused token,
// console.warn on a bad activity), outside the JSON log and whatever LOG_LEVEL says. While it
// handles one of our requests, its console lines go to our logger instead, as one line without a
// stack; everything else in the process keeps the real console.
import { AsyncLocalStorage } from "node:async_hooks";
import { format } from "node:util";
import type { Logger } from "../../ports/logger.js";

const scope = new AsyncLocalStorage<Logger>();
const LEVELS = ["log", "info", "warn", "error", "debug", "trace"] as const;
let installed = false;

const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === "string" ? a : format("%o", a))).join(" ");

function install(): void {
  if (installed) return;
  installed = true;
  for (const level of LEVELS) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      const logger = scope.getStore();
      if (!logger) {
        original(...args);
        return;
      }
      // Its messages are about the caller's request (a refused token, a bad activity): warn at most.
      if (level === "error" || level === "warn") logger.warn(text(args));
      else logger.debug(text(args));
    };
  }
}

/** Runs `work` with botbuilder's console lines sent to `logger`. */
export function withLibraryConsole<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  install();
  return scope.run(logger, work);
}
