// What every use case is given: built once in main.ts, passed in, never global.
import type { Clock } from "../ports/clock.js";
import type { Helpdesk } from "../ports/helpdesk.js";
import type { Logger } from "../ports/logger.js";
import type { Metrics } from "../ports/metrics.js";
import type { Store } from "../ports/store.js";
import type { Config } from "../config.js";

/** The business rules of the configuration (CAGNOTTE_*), as loadConfig reads them: one definition. */
export type Rules = Config["rules"];

export interface AppContext {
  store: Store;
  clock: Clock;
  logger: Logger;
  rules: Rules;
  publicUrl: string;
  /** Management e-mails (CAGNOTTE_ADMINS), lower case. */
  admins: readonly string[];
  /** Counters for GET /metrics; absent in tests that do not look at them. */
  metrics?: Metrics;
  /** The configured helpdesk connectors (src/adapters/helpdesks), for write-back and survey links; absent: none. */
  helpdesks?: readonly Helpdesk[];
}

/** Is the answer to a ticket from `source` written back to its helpdesk (CAGNOTTE_WRITE_BACK)? */
export function writesBack(ctx: Pick<AppContext, "helpdesks">, source: string): boolean {
  return ctx.helpdesks?.some((h) => h.name === source && h.writeBack !== null) ?? false;
}

/** Is the survey link of a ticket from `source` written on its helpdesk ticket (CAGNOTTE_HELPDESK_SURVEY_LINK)? */
export function postsSurveyLink(ctx: Pick<AppContext, "helpdesks">, source: string): boolean {
  return ctx.helpdesks?.some((h) => h.name === source && h.surveyLink !== null) ?? false;
}

export function isAdmin(ctx: Pick<AppContext, "admins">, email: string | null | undefined): boolean {
  return !!email && ctx.admins.includes(email.trim().toLowerCase());
}

/** The règlement every survey links to: the company's own document (CAGNOTTE_RULES_URL), else ours. */
export function rulesUrl(ctx: Pick<AppContext, "publicUrl" | "rules">): string {
  return ctx.rules.rulesUrl ?? `${ctx.publicUrl}/reglement`;
}

export function surveyUrl(ctx: Pick<AppContext, "publicUrl">, token: string): string {
  return `${ctx.publicUrl}/s/${encodeURIComponent(token)}`;
}
