// Bolt and its Web API clients log through our logger, so their lines follow LOG_LEVEL and the same
// format. Their debug lines are dropped: they print request bodies, which hold people's comments.
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../ports/logger.js";

export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: "slack" });
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  let level = LogLevel.INFO;
  return {
    debug: () => {},
    info: (...msg) => log.info(text(msg)),
    warn: (...msg) => log.warn(text(msg)),
    error: (...msg) => log.error(text(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
