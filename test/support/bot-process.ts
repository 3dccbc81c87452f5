// A real bot process for the scale-out and crash tests: what `npm start` runs (src/main.ts's
// start, the configuration read from this process's environment), plus two test-only overrides
// of the outbox: BOT_OUTBOX_POLL_MS and BOT_OUTBOX_LEASE_MS. Prints {"botUrl": …} on stdout once
// it listens; SIGTERM stops it cleanly, SIGKILL is what the crash test sends.
// Usage: node --import tsx test/support/bot-process.ts
import { loadConfig } from "../../src/config.js";
import { start } from "../../src/main.js";

const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const pollMs = number("BOT_OUTBOX_POLL_MS");
const leaseMs = number("BOT_OUTBOX_LEASE_MS");

const bot = await start(loadConfig(process.env), { ...(pollMs ? { outboxPollMs: pollMs } : {}), ...(leaseMs ? { outboxLeaseMs: leaseMs } : {}) });
process.stdout.write(`${JSON.stringify({ botUrl: bot.url })}\n`);
process.once("SIGTERM", () => {
  bot.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
