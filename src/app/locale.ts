// One language per person: the locale we know for them, else their platform's, else
// CAGNOTTE_DEFAULT_LOCALE. Every message to a person goes through this.
import type { Locale } from "../core/model.js";
import type { AppContext } from "./context.js";

export function personLocale(ctx: Pick<AppContext, "rules">, known: Locale | null | undefined, platform?: Locale | null): Locale {
  return known ?? platform ?? ctx.rules.defaultLocale;
}
