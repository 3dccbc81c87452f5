// The environment, parsed once with zod into one typed, frozen object. Nothing else reads
// process.env. A bad setting stops start-up with one line naming the variable.
import { z } from "zod";

const emailList = z
  .string()
  .default("")
  .transform((s) => s.split(/[,;\s]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.email({ message: "must be a comma-separated list of e-mail addresses" })));

const optionalSecret = z.string().trim().min(1).optional().catch(undefined);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Europe/Paris");

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
  CAGNOTTE_SURVEY_EXPIRY_DAYS: positiveInt(14),
  CAGNOTTE_MILESTONE_CENTS: positiveInt(1000),
});

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  publicUrl: string;
  database: { url: string; provider: "sqlite" | "postgres"; autoMigrate: boolean };
  logLevel: string;
  ticketWebhookSecret: string | null;
  slack: { botToken: string; signingSecret: string; apiUrl: string | null } | null;
  /** `local`: Teams activities accepted without authentication (TEAMS_LOCAL=true, never in production). */
  teams: { appId: string; appPassword: string | null; appType: string; tenantId: string | null; local: boolean } | null;
  admins: readonly string[];
  rules: {
    timeZone: string;
    defaultLocale: "fr" | "en";
    amountCents: number;
    caps: { perRequester: number; perClient: number };
    surveyedKinds: readonly string[];
    ratingScale: 3 | 5;
    surveyExpiryDays: number;
    milestoneCents: number;
  };
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
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET) throw new ConfigError("SLACK_SIGNING_SECRET", "is required when SLACK_BOT_TOKEN is set");
  if (e.SLACK_SIGNING_SECRET && !e.SLACK_BOT_TOKEN) throw new ConfigError("SLACK_BOT_TOKEN", "is required when SLACK_SIGNING_SECRET is set");
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE !== "UserAssignedMSI" && !e.MICROSOFT_APP_PASSWORD) {
    throw new ConfigError("MICROSOFT_APP_PASSWORD", "is required when MICROSOFT_APP_ID is set");
  }
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE === "SingleTenant" && !e.MICROSOFT_APP_TENANT_ID) {
    throw new ConfigError("MICROSOFT_APP_TENANT_ID", "is required for a SingleTenant bot (set MICROSOFT_APP_TYPE=MultiTenant otherwise)");
  }
  if (e.MICROSOFT_APP_PASSWORD && !e.MICROSOFT_APP_ID) throw new ConfigError("MICROSOFT_APP_ID", "is required when MICROSOFT_APP_PASSWORD is set");
  const teamsLocal = e.TEAMS_LOCAL === "true";
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
    slack: e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET ? { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, apiUrl: e.SLACK_API_URL ?? null } : null,
    teams: e.MICROSOFT_APP_ID
      ? { appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD ?? null, appType: e.MICROSOFT_APP_TYPE, tenantId: e.MICROSOFT_APP_TENANT_ID ?? null, local: false }
      : teamsLocal
        ? { appId: "", appPassword: null, appType: "MultiTenant", tenantId: null, local: true }
        : null,
    admins: e.CAGNOTTE_ADMINS,
    rules: {
      timeZone: e.CAGNOTTE_TIME_ZONE,
      defaultLocale: e.CAGNOTTE_DEFAULT_LOCALE,
      amountCents: e.CAGNOTTE_AMOUNT_CENTS,
      caps: { perRequester: e.CAGNOTTE_CAP_PER_REQUESTER, perClient: e.CAGNOTTE_CAP_PER_CLIENT },
      surveyedKinds: e.CAGNOTTE_SURVEYED_KINDS,
      ratingScale: e.CAGNOTTE_RATING_SCALE,
      surveyExpiryDays: e.CAGNOTTE_SURVEY_EXPIRY_DAYS,
      milestoneCents: e.CAGNOTTE_MILESTONE_CENTS,
    },
  });
}
