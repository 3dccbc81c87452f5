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

/** Each helpdesk's settings: those that enable its webhook, then those of its API. */
export const HELPDESK_SETTINGS: Record<HelpdeskName, { webhook: readonly string[]; api: readonly string[] }> = {
  glpi: { webhook: ["GLPI_WEBHOOK_SECRET"], api: ["GLPI_API_URL", "GLPI_APP_TOKEN", "GLPI_USER_TOKEN"] },
  jira: { webhook: ["JIRA_WEBHOOK_SECRET"], api: ["JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN"] },
  zendesk: { webhook: ["ZENDESK_WEBHOOK_SECRET"], api: ["ZENDESK_URL", "ZENDESK_EMAIL", "ZENDESK_API_TOKEN"] },
  freshdesk: { webhook: ["FRESHDESK_WEBHOOK_USER", "FRESHDESK_WEBHOOK_PASSWORD"], api: ["FRESHDESK_URL", "FRESHDESK_API_KEY"] },
};

/** Why a helpdesk is not configured: the webhook settings that enable it, apart from its API's. */
function notConfigured(name: HelpdeskName): string {
  // The configuration refuses API settings without the webhook's, so here none of them is set.
  const { webhook, api } = HELPDESK_SETTINGS[name];
  return `not configured on this instance: set ${webhook.join(" and ")} to enable its webhook; its API also needs ${api.join(", ")} (see README, Helpdesks)`;
}

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
    print(formatLine({ ok: false, what: `${helpdeskName} connector`, detail: notConfigured(helpdeskName) }));
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
