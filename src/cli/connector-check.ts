// `npm run connector:check -- <helpdesk>`: builds the helpdesk's connector from the environment,
// calls its API with the configured settings and says, line by line, what works and what does not.
// Exit code 0 when every line is fine, 1 otherwise (or when the helpdesk is not configured).
// The webhook needs no database, and neither does this: nothing is read or written there.
import { helpdeskConnectors } from "../adapters/helpdesks/index.js";
import type { AppContext } from "../app/context.js";
import { ConfigError, loadConfig } from "../config.js";
import { silentLogger } from "../ports/logger.js";
import { systemClock } from "../ports/clock.js";
import { HELPDESK_NAMES, type CheckLine, type HelpdeskName } from "../ports/helpdesk.js";
import type { Store } from "../ports/store.js";

/** Every setting of each helpdesk: the webhook's first, then its API's. */
export const HELPDESK_SETTINGS: Record<HelpdeskName, readonly string[]> = {
  glpi: ["GLPI_WEBHOOK_SECRET", "GLPI_API_URL", "GLPI_APP_TOKEN", "GLPI_USER_TOKEN"],
  jira: ["JIRA_WEBHOOK_SECRET", "JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN"],
  zendesk: ["ZENDESK_WEBHOOK_SECRET", "ZENDESK_URL", "ZENDESK_EMAIL", "ZENDESK_API_TOKEN"],
  freshdesk: ["FRESHDESK_WEBHOOK_USER", "FRESHDESK_WEBHOOK_PASSWORD", "FRESHDESK_URL", "FRESHDESK_API_KEY"],
};

const noDatabase = new Proxy({} as Store, {
  get() {
    throw new Error("connector:check does not use the database");
  },
});

export const formatLine = (line: CheckLine) => `${line.ok ? "✓" : "✗"} ${line.what} — ${line.detail}`;

/** Runs the check; `print` receives each line. Returns the exit code. */
export async function connectorCheck(name: string | undefined, env: Record<string, string | undefined>, print: (line: string) => void): Promise<number> {
  if (!name || !(HELPDESK_NAMES as readonly string[]).includes(name)) {
    print(`usage: npm run connector:check -- <${HELPDESK_NAMES.join("|")}>`);
    return 1;
  }
  const helpdeskName = name as HelpdeskName;
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    print(formatLine({ ok: false, what: "configuration", detail: error.message }));
    return 1;
  }
  const ctx: AppContext = { store: noDatabase, clock: systemClock, logger: silentLogger, rules: config.rules, publicUrl: config.publicUrl, admins: config.admins };
  const connector = helpdeskConnectors(ctx, config).find((c) => c.helpdesk.name === helpdeskName);
  if (!connector) {
    const missing = HELPDESK_SETTINGS[helpdeskName].filter((s) => !env[s]);
    print(formatLine({ ok: false, what: `${helpdeskName} connector`, detail: `not configured on this instance; missing: ${missing.join(", ")} (see README, Helpdesks)` }));
    return 1;
  }
  const lines = await connector.helpdesk.check();
  for (const line of lines) print(formatLine(line));
  const failed = lines.filter((l) => !l.ok).length;
  print(failed === 0 ? `${helpdeskName}: everything works` : `${helpdeskName}: ${failed} of ${lines.length} check(s) failed`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // eslint-disable-next-line no-restricted-syntax -- entry point: the one place a CLI reads its environment
  const env = process.env;
  connectorCheck(process.argv[2], env, (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`connector:check failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
