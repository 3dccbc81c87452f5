// The environment, parsed once with zod into one typed, frozen object. Nothing else reads
// process.env. A bad setting stops start-up with one line naming the variable.
import { z } from "zod";
import { parseDays, parseTimeOfDay, parseWeekday, parseWindows } from "./core/schedule/business-hours.js";
import { HOLIDAY_CALENDARS, type HolidayCalendar } from "./core/schedule/holidays.js";
import type { ScheduleSettings } from "./core/schedule/settings.js";
import { MIN_SURVEY_DAYS } from "./core/rules/survey-policy.js";
import type { Caps } from "./core/rules/counting.js";
import { HELPDESK_NAMES, type HelpdeskName } from "./ports/helpdesk.js";

const emailList = z
  .string()
  .default("")
  .transform((s) => s.split(/[,;\s]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.email({ message: "must be a comma-separated list of e-mail addresses" })));

const optionalSecret = z.string().trim().min(1).optional().catch(undefined);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A text setting turned into a value by a parser; null from the parser means invalid. */
function parsed<T>(fallback: string, parse: (text: string) => T | null, message: string) {
  return z
    .string()
    .default(fallback)
    .transform((text, c) => {
      const value = parse(text);
      if (value === null) {
        c.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return value;
    });
}

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Europe/Paris");

/** off, on (every helpdesk whose API is set), or a list of helpdesks such as glpi,jira. */
const helpdeskSwitch = z
  .string()
  .default("off")
  .transform((s) => s.trim().toLowerCase())
  .pipe(
    z.union([
      z.enum(["off", "on"]),
      z
        .string()
        .transform((s) => s.split(",").map((n) => n.trim()).filter(Boolean))
        .pipe(z.array(z.enum(HELPDESK_NAMES as [HelpdeskName, ...HelpdeskName[]], { message: `must be off, on, or a list of ${HELPDESK_NAMES.join(", ")}` })).min(1)),
    ]),
  );

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.url({ message: "must be an absolute URL such as https://cagnotte.example.com" }).optional(),
  DATABASE_URL: z
    .string()
    .default("file:./data/cagnotte.db")
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), "must start with file: (SQLite) or postgresql:// (PostgreSQL)"),
  DATABASE_AUTO_MIGRATE: z.enum(["true", "false"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TICKET_WEBHOOK_SECRET: optionalSecret,
  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_API_URL: z.url().optional(),
  SLACK_TEAM_CHANNEL: optionalSecret,
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .regex(/^xapp-/, "must be an app-level token starting with xapp- (Socket Mode)")
    .optional(),
  SLACK_CLIENT_ID: optionalSecret,
  SLACK_CLIENT_SECRET: optionalSecret,
  SLACK_STATE_SECRET: optionalSecret,
  MICROSOFT_APP_ID: optionalSecret,
  MICROSOFT_APP_PASSWORD: optionalSecret,
  MICROSOFT_APP_TYPE: z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("SingleTenant"),
  MICROSOFT_APP_TENANT_ID: optionalSecret,
  TEAMS_LOCAL: z.enum(["true", "false"]).default("false"),
  CAGNOTTE_ADMINS: emailList,
  CAGNOTTE_TIME_ZONE: timeZone.default("Europe/Paris"),
  CAGNOTTE_DEFAULT_LOCALE: z.enum(["fr", "en"]).default("fr"),
  CAGNOTTE_AMOUNT_CENTS: positiveInt(100),
  CAGNOTTE_CAP_PER_REQUESTER: positiveInt(3),
  CAGNOTTE_CAP_PER_CLIENT: positiveInt(10),
  CAGNOTTE_SURVEYED_KINDS: z
    .string()
    .default("incident")
    .transform((s) => s.split(",").map((k) => k.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string()).min(1, "must name at least one ticket kind")),
  CAGNOTTE_RATING_SCALE: z.enum(["3", "5"]).default("3").transform((s) => Number(s) as 3 | 5),
  CAGNOTTE_SURVEY_EXPIRY_DAYS: z.coerce
    .number()
    .int()
    .min(MIN_SURVEY_DAYS, `may only lengthen the ${MIN_SURVEY_DAYS} days the règlement guarantees (at least ${MIN_SURVEY_DAYS})`)
    .default(MIN_SURVEY_DAYS),
  CAGNOTTE_STAFF_DOMAINS: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be e-mail domains such as esn.example, comma-separated"))),
  CAGNOTTE_MILESTONE_CENTS: positiveInt(1000),
  CAGNOTTE_CHARITY: z.string().trim().min(1).max(120, "at most 120 characters").optional(),
  CAGNOTTE_RULES_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  CAGNOTTE_CONTACT: z.string().trim().min(3).max(200).optional(),
  CAGNOTTE_COMPANY_NAME: z.string().trim().min(1).max(120, "at most 120 characters").optional(),
  CAGNOTTE_SCHEDULER: z.enum(["on", "off"]).default("on"),
  CAGNOTTE_REMINDER_DELAY_HOURS: positiveInt(48),
  CAGNOTTE_BUSINESS_DAYS: parsed("mon-fri", parseDays, "must be weekdays such as mon-fri or mon,tue,thu"),
  CAGNOTTE_BUSINESS_HOURS: parsed("09:00-12:00,14:00-17:00", parseWindows, "must be time ranges such as 09:00-12:00,14:00-17:00"),
  CAGNOTTE_HOLIDAYS: z.enum(HOLIDAY_CALENDARS as [HolidayCalendar, ...HolidayCalendar[]]).default("fr"),
  CAGNOTTE_DIGEST_DAY: parsed("mon", parseWeekday, "must be a weekday such as mon"),
  CAGNOTTE_DIGEST_TIME: parsed("09:00", parseTimeOfDay, "must be a time such as 09:00"),
  CAGNOTTE_RETENTION_DAYS: positiveInt(365),
  // E-mail channel
  SMTP_URL: z
    .string()
    .trim()
    .refine((u) => {
      try {
        const url = new URL(u);
        return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
      } catch {
        return false;
      }
    }, "must be an smtp:// or smtps:// URL such as smtp://user:password@smtp.example.com:587")
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  // Zendesk / Freshdesk
  ZENDESK_WEBHOOK_SECRET: optionalSecret,
  ZENDESK_URL: z.url({ protocol: /^https?$/, error: "must be your Zendesk address such as https://example.zendesk.com" }).optional(),
  ZENDESK_EMAIL: optionalSecret,
  ZENDESK_API_TOKEN: optionalSecret,
  FRESHDESK_WEBHOOK_USER: optionalSecret,
  FRESHDESK_WEBHOOK_PASSWORD: optionalSecret,
  FRESHDESK_URL: z.url({ protocol: /^https?$/, error: "must be your Freshdesk address such as https://example.freshdesk.com" }).optional(),
  FRESHDESK_API_KEY: optionalSecret,
  // Helpdesk write-back: off, on (every helpdesk whose API is set), or a list such as glpi,jira.
  CAGNOTTE_WRITE_BACK: helpdeskSwitch,
  // Survey link (connectors-finish): the survey's link written on the helpdesk ticket, likewise.
  CAGNOTTE_HELPDESK_SURVEY_LINK: helpdeskSwitch,
  ZENDESK_SURVEY_LINK_FIELD: z.string().trim().regex(/^\d+$/, "must be the numeric id of the Zendesk ticket field (Admin Center > Objects and rules > Tickets > Fields)").optional(),
  FRESHDESK_SURVEY_LINK_FIELD: z.string().trim().regex(/^cf_[a-z0-9_]+$/, "must be the API name of the Freshdesk ticket field, such as cf_cagnotte_survey").optional(),
  JIRA_SURVEY_LINK_FIELD: z.string().trim().regex(/^customfield_\d+$/, "must be the id of the Jira custom field, such as customfield_10123").optional(),
  // GLPI / Jira
  GLPI_WEBHOOK_SECRET: optionalSecret,
  GLPI_API_URL: z.url({ protocol: /^https?$/, error: "must be the http(s) URL of GLPI's REST API, such as https://glpi.example.com/apirest.php" }).optional(),
  GLPI_APP_TOKEN: optionalSecret,
  GLPI_USER_TOKEN: optionalSecret,
  JIRA_WEBHOOK_SECRET: optionalSecret,
  JIRA_URL: z.url({ protocol: /^https?$/, error: "must be your site's http(s) URL, such as https://example.atlassian.net" }).optional(),
  JIRA_EMAIL: z.email({ message: "must be the e-mail address of the Jira account the API token belongs to" }).optional(),
  JIRA_API_TOKEN: optionalSecret,
  JIRA_ORGANIZATION_FIELD: z.string().trim().regex(/^customfield_\d+$/, "must be the id of Service Management's Organizations field, such as customfield_10002").optional(),
});

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  publicUrl: string;
  database: { url: string; provider: "sqlite" | "postgres"; autoMigrate: boolean };
  logLevel: string;
  ticketWebhookSecret: string | null;
  slack: {
    /** The (home) workspace's bot token. */
    botToken: string;
    signingSecret: string | null;
    apiUrl: string | null;
    /** Channel (id or name) for the pot's progress message and team posts. */
    teamChannel: string | null;
    /** Socket Mode app-level token (xapp-…); null: HTTP at /slack/events. */
    appToken: string | null;
    /** OAuth install flow, for client companies installing the app in their own workspace. */
    oauth: { clientId: string; clientSecret: string; stateSecret: string } | null;
  } | null;
  /** `local`: Teams activities accepted without authentication (TEAMS_LOCAL=true, never in production). */
  teams: { appId: string; appPassword: string | null; appType: string; tenantId: string | null; local: boolean } | null;
  admins: readonly string[];
  /** CAGNOTTE_CHARITY: the first charity, so that a fresh install does not open a quarter without one. */
  firstCharity: string | null;
  rules: {
    timeZone: string;
    defaultLocale: "fr" | "en";
    amountCents: number;
    caps: Caps;
    surveyedKinds: readonly string[];
    ratingScale: 3 | 5;
    surveyExpiryDays: number;
    milestoneCents: number;
    /** CAGNOTTE_STAFF_DOMAINS: the support team's own e-mail domains; their tickets are not surveyed. */
    staffDomains: readonly string[];
    /** CAGNOTTE_RULES_URL: the company's own règlement; null: GET /reglement. */
    rulesUrl: string | null;
    /** CAGNOTTE_CONTACT: who requesters and clients write to (an e-mail or a web page). */
    contact: string | null;
    /** CAGNOTTE_COMPANY_NAME: who asks, named on the web answer page; null: "your IT provider". */
    companyName: string | null;
  };
  schedule: ScheduleSettings;
  /** The e-mail channel (SMTP_URL, MAIL_FROM); null: no e-mail is sent. `smtpUrl` holds the password: never log it. */
  mail: { smtpUrl: string; from: string; host: string } | null;
  // Zendesk / Freshdesk
  /** ZENDESK_*: null when ZENDESK_WEBHOOK_SECRET is not set (POST /webhooks/zendesk answers 404). */
  zendesk: { webhookSecret: string; api: { url: string; email: string; token: string } | null } | null;
  /** FRESHDESK_*: null when the webhook credentials are not set (POST /webhooks/freshdesk answers 404). */
  freshdesk: { webhookUser: string; webhookPassword: string; api: { url: string; apiKey: string } | null } | null;
  /** CAGNOTTE_WRITE_BACK: "off", "on" (every helpdesk whose API settings are present) or the helpdesks named. */
  writeBack: "off" | "on" | readonly HelpdeskName[];
  /**
   * Survey link (connectors-finish): CAGNOTTE_HELPDESK_SURVEY_LINK ("off", "on" or the helpdesks
   * named) and the custom field each helpdesk takes it in (null: a public comment instead).
   */
  surveyLink: { helpdesks: "off" | "on" | readonly HelpdeskName[]; fields: { zendesk: string | null; freshdesk: string | null; jira: string | null } };
  // GLPI / Jira
  /** GLPI's native webhook (GLPI_WEBHOOK_SECRET); `api`: its legacy REST API (apirest.php), for e-mails and write-back. */
  glpi: { webhookSecret: string; api: { url: string; appToken: string; userToken: string } | null } | null;
  /** Jira Cloud / Service Management admin webhook (JIRA_WEBHOOK_SECRET); `api`: REST API v3 with an API token. */
  jira: {
    webhookSecret: string;
    api: { url: string; email: string; apiToken: string } | null;
    /** JIRA_ORGANIZATION_FIELD: the Organizations field whose first organization is the client; null: the project. */
    organizationField: string | null;
  } | null;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`${variable}: ${detail}`);
    this.name = "ConfigError";
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function slackSettings(e: z.infer<typeof schema>): Config["slack"] {
  const oauthParts = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  if (oauthParts.some(Boolean) && !oauthParts.every(Boolean)) {
    const missing = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"].find((_, i) => !oauthParts[i]) ?? "SLACK_CLIENT_ID";
    throw new ConfigError(missing, "is required for the Slack OAuth install flow (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together)");
  }
  const oauth = e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET ? { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET } : null;
  const transport = e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN;
  if (e.SLACK_BOT_TOKEN && !transport) throw new ConfigError("SLACK_SIGNING_SECRET", "is required when SLACK_BOT_TOKEN is set (or SLACK_APP_TOKEN for Socket Mode)");
  if (oauth && !e.SLACK_SIGNING_SECRET) throw new ConfigError("SLACK_SIGNING_SECRET", "is required for the Slack OAuth install flow");
  // The home workspace (technicians, management, team channel) keeps its own token; OAuth adds clients'.
  if (oauth && !e.SLACK_BOT_TOKEN) throw new ConfigError("SLACK_BOT_TOKEN", "is required with OAuth too: it is the token of your own (home) workspace");
  if (transport && !e.SLACK_BOT_TOKEN) throw new ConfigError("SLACK_BOT_TOKEN", `is required when ${e.SLACK_SIGNING_SECRET ? "SLACK_SIGNING_SECRET" : "SLACK_APP_TOKEN"} is set`);
  if (e.SLACK_APP_TOKEN && oauth) throw new ConfigError("SLACK_APP_TOKEN", "Socket Mode and the OAuth install flow cannot be combined here; use HTTP for several workspaces");
  if (!e.SLACK_BOT_TOKEN || !transport) return null;
  return {
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET ?? null,
    apiUrl: e.SLACK_API_URL ?? null,
    teamChannel: e.SLACK_TEAM_CHANNEL ?? null,
    appToken: e.SLACK_APP_TOKEN ?? null,
    oauth,
  };
}

// Zendesk / Freshdesk
/** Settings that go together: all of them, or none (then null); a partial set names what is missing. */
function allOrNone<K extends string>(e: Partial<Record<K, string>>, names: readonly K[], purpose: string): Record<K, string> | null {
  const missing = names.filter((n) => !e[n]);
  if (missing.length === names.length) return null;
  if (missing.length > 0) throw new ConfigError(missing[0]!, `is required ${purpose} (${names.join(", ")} go together)`);
  return e as Record<K, string>;
}

function helpdeskSettings(e: z.infer<typeof schema>): Pick<Config, "zendesk" | "freshdesk"> {
  const zendeskApi = allOrNone(e, ["ZENDESK_URL", "ZENDESK_EMAIL", "ZENDESK_API_TOKEN"], "for the Zendesk API");
  if (zendeskApi && !e.ZENDESK_WEBHOOK_SECRET) throw new ConfigError("ZENDESK_WEBHOOK_SECRET", "is required when the Zendesk API is set (the webhook's signing secret)");
  const freshdeskHook = allOrNone(e, ["FRESHDESK_WEBHOOK_USER", "FRESHDESK_WEBHOOK_PASSWORD"], "for the Freshdesk webhook");
  const freshdeskApi = allOrNone(e, ["FRESHDESK_URL", "FRESHDESK_API_KEY"], "for the Freshdesk API");
  if (freshdeskApi && !freshdeskHook) throw new ConfigError("FRESHDESK_WEBHOOK_USER", "is required when the Freshdesk API is set (with FRESHDESK_WEBHOOK_PASSWORD)");
  return {
    zendesk: e.ZENDESK_WEBHOOK_SECRET
      ? { webhookSecret: e.ZENDESK_WEBHOOK_SECRET, api: zendeskApi ? { url: zendeskApi.ZENDESK_URL.replace(/\/+$/, ""), email: zendeskApi.ZENDESK_EMAIL, token: zendeskApi.ZENDESK_API_TOKEN } : null }
      : null,
    freshdesk: freshdeskHook
      ? { webhookUser: freshdeskHook.FRESHDESK_WEBHOOK_USER, webhookPassword: freshdeskHook.FRESHDESK_WEBHOOK_PASSWORD, api: freshdeskApi ? { url: freshdeskApi.FRESHDESK_URL.replace(/\/+$/, ""), apiKey: freshdeskApi.FRESHDESK_API_KEY } : null }
      : null,
  };
}

// GLPI / Jira
function glpiSettings(e: z.infer<typeof schema>): Config["glpi"] {
  const api = allOrNone(e, ["GLPI_API_URL", "GLPI_APP_TOKEN", "GLPI_USER_TOKEN"] as const, "for GLPI's REST API");
  if (!e.GLPI_WEBHOOK_SECRET) {
    if (api) throw new ConfigError("GLPI_WEBHOOK_SECRET", "is required when GLPI's API is set: it is the secret of the GLPI webhook that reports closed tickets");
    return null;
  }
  return { webhookSecret: e.GLPI_WEBHOOK_SECRET, api: api && { url: api.GLPI_API_URL.replace(/\/+$/, ""), appToken: api.GLPI_APP_TOKEN, userToken: api.GLPI_USER_TOKEN } };
}

function jiraSettings(e: z.infer<typeof schema>): Config["jira"] {
  const api = allOrNone(e, ["JIRA_URL", "JIRA_EMAIL", "JIRA_API_TOKEN"] as const, "for Jira's REST API");
  if (!e.JIRA_WEBHOOK_SECRET) {
    if (api) throw new ConfigError("JIRA_WEBHOOK_SECRET", "is required when Jira's API is set: it is the secret of the Jira webhook that reports resolved issues");
    return null;
  }
  return {
    webhookSecret: e.JIRA_WEBHOOK_SECRET,
    api: api && { url: api.JIRA_URL.replace(/\/+$/, ""), email: api.JIRA_EMAIL, apiToken: api.JIRA_API_TOKEN },
    organizationField: e.JIRA_ORGANIZATION_FIELD ?? null,
  };
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set" (docker-compose and systemd write them that way).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? "environment"), issue?.message ?? "invalid");
  }
  const e = parsed.data;
  const provider = e.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgres";
  // Without it each instance would generate and keep its own secret: the helpdesk's signature
  // would match one instance and be refused by the others.
  if (provider === "postgres" && !e.TICKET_WEBHOOK_SECRET) {
    throw new ConfigError("TICKET_WEBHOOK_SECRET", "is required with PostgreSQL (several instances must share one secret); set it to a long random value, e.g. openssl rand -hex 32");
  }
  const slack = slackSettings(e);
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE !== "UserAssignedMSI" && !e.MICROSOFT_APP_PASSWORD) {
    throw new ConfigError("MICROSOFT_APP_PASSWORD", "is required when MICROSOFT_APP_ID is set");
  }
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE === "SingleTenant" && !e.MICROSOFT_APP_TENANT_ID) {
    throw new ConfigError("MICROSOFT_APP_TENANT_ID", "is required for a SingleTenant bot (set MICROSOFT_APP_TYPE=MultiTenant otherwise)");
  }
  if (e.MICROSOFT_APP_PASSWORD && !e.MICROSOFT_APP_ID) throw new ConfigError("MICROSOFT_APP_ID", "is required when MICROSOFT_APP_PASSWORD is set");
  const teamsLocal = e.TEAMS_LOCAL === "true";
  const mail = mailSettings(e);
  const helpdesks = helpdeskSettings(e);
  if (teamsLocal && e.MICROSOFT_APP_ID) throw new ConfigError("TEAMS_LOCAL", "turns Teams authentication off; unset it when MICROSOFT_APP_ID is set");
  if (teamsLocal && e.NODE_ENV === "production") throw new ConfigError("TEAMS_LOCAL", "is for local trials only and refused with NODE_ENV=production");
  return deepFreeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    database: { url: e.DATABASE_URL, provider, autoMigrate: e.DATABASE_AUTO_MIGRATE ? e.DATABASE_AUTO_MIGRATE === "true" : provider === "sqlite" },
    logLevel: e.LOG_LEVEL,
    ticketWebhookSecret: e.TICKET_WEBHOOK_SECRET ?? null,
    slack,
    teams: e.MICROSOFT_APP_ID
      ? { appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD ?? null, appType: e.MICROSOFT_APP_TYPE, tenantId: e.MICROSOFT_APP_TENANT_ID ?? null, local: false }
      : teamsLocal
        ? { appId: "", appPassword: null, appType: "MultiTenant", tenantId: null, local: true }
        : null,
    admins: e.CAGNOTTE_ADMINS,
    firstCharity: e.CAGNOTTE_CHARITY ?? null,
    rules: {
      timeZone: e.CAGNOTTE_TIME_ZONE,
      defaultLocale: e.CAGNOTTE_DEFAULT_LOCALE,
      amountCents: e.CAGNOTTE_AMOUNT_CENTS,
      caps: { perRequester: e.CAGNOTTE_CAP_PER_REQUESTER, perClient: e.CAGNOTTE_CAP_PER_CLIENT },
      surveyedKinds: e.CAGNOTTE_SURVEYED_KINDS,
      ratingScale: e.CAGNOTTE_RATING_SCALE,
      surveyExpiryDays: e.CAGNOTTE_SURVEY_EXPIRY_DAYS,
      milestoneCents: e.CAGNOTTE_MILESTONE_CENTS,
      staffDomains: e.CAGNOTTE_STAFF_DOMAINS,
      rulesUrl: e.CAGNOTTE_RULES_URL ?? null,
      contact: e.CAGNOTTE_CONTACT ?? null,
      companyName: e.CAGNOTTE_COMPANY_NAME ?? null,
    },
    schedule: {
      enabled: e.CAGNOTTE_SCHEDULER === "on",
      reminderDelayHours: e.CAGNOTTE_REMINDER_DELAY_HOURS,
      businessHours: { days: e.CAGNOTTE_BUSINESS_DAYS, windows: e.CAGNOTTE_BUSINESS_HOURS, holidays: e.CAGNOTTE_HOLIDAYS },
      digest: { weekday: e.CAGNOTTE_DIGEST_DAY, minutes: e.CAGNOTTE_DIGEST_TIME },
      retentionDays: e.CAGNOTTE_RETENTION_DAYS,
    },
    mail,
    ...helpdesks,
    writeBack: e.CAGNOTTE_WRITE_BACK,
    surveyLink: {
      helpdesks: e.CAGNOTTE_HELPDESK_SURVEY_LINK,
      fields: { zendesk: e.ZENDESK_SURVEY_LINK_FIELD ?? null, freshdesk: e.FRESHDESK_SURVEY_LINK_FIELD ?? null, jira: e.JIRA_SURVEY_LINK_FIELD ?? null },
    },
    // GLPI / Jira
    glpi: glpiSettings(e),
    jira: jiraSettings(e),
  });
}

/** `"Cagnotte" <cagnotte@esn.example>` or a bare address: the address inside must be an e-mail. */
function senderAddress(from: string): string | null {
  const inside = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from;
  return z.email().safeParse(inside.trim()).success ? inside.trim() : null;
}

function mailSettings(e: z.infer<typeof schema>): Config["mail"] {
  if (!e.SMTP_URL) {
    if (e.MAIL_FROM) throw new ConfigError("SMTP_URL", "is required when MAIL_FROM is set (the SMTP server that sends the e-mails)");
    return null;
  }
  if (!e.MAIL_FROM) throw new ConfigError("MAIL_FROM", 'is required with SMTP_URL: the sender, such as "Cagnotte" <cagnotte@esn.example>');
  if (!senderAddress(e.MAIL_FROM)) throw new ConfigError("MAIL_FROM", 'must be an e-mail address, or a name and an address such as "Cagnotte" <cagnotte@esn.example>');
  return { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, host: new URL(e.SMTP_URL).hostname };
}

/** What `npm run package:teams` needs: the Azure bot's app id, and PUBLIC_URL for the links. */
export function loadTeamsPackageSettings(env: Record<string, string | undefined>): { appId: string; publicUrl: string | null } {
  const appId = env.MICROSOFT_APP_ID?.trim();
  if (!appId) throw new ConfigError("MICROSOFT_APP_ID", "is required: the Azure bot's app id (a GUID) the package is built for");
  const parsed = schema.shape.PUBLIC_URL.safeParse(env.PUBLIC_URL || undefined);
  if (!parsed.success) throw new ConfigError("PUBLIC_URL", parsed.error.issues[0]?.message ?? "invalid");
  return { appId, publicUrl: parsed.data?.replace(/\/+$/, "") ?? null };
}
