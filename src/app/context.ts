// What every use case is given: built once in main.ts, passed in, never global.
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { Store } from "../ports/store.js";
import type { Caps } from "../core/rules/counting.js";

export interface Rules {
  timeZone: string;
  defaultLocale: "fr" | "en";
  amountCents: number;
  caps: Caps;
  surveyedKinds: readonly string[];
  ratingScale: 3 | 5;
  surveyExpiryDays: number;
  milestoneCents: number;
  staffDomains: readonly string[];
  /** CAGNOTTE_RULES_URL: the company's own règlement; null: GET /reglement. */
  rulesUrl: string | null;
  /** CAGNOTTE_CONTACT: who requesters and clients write to (an e-mail or a web page). */
  contact: string | null;
}

export interface AppContext {
  store: Store;
  clock: Clock;
  logger: Logger;
  rules: Rules;
  publicUrl: string;
  /** Management e-mails (CAGNOTTE_ADMINS), lower case. */
  admins: readonly string[];
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
