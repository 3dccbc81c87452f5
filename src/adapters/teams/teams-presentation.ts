// How Teams presents: the reader's language, the bot's settings, and the "cagnotte " prefix people
// type before a command. One place decides a person's language, so that the welcome, the survey,
// the thank-you, the follow-up, `status` and `help` all speak the same one.
import type { AppContext } from "../../app/context.js";
import { personLocale } from "../../app/locale.js";
import type { Locale } from "../../core/model.js";
import { localeFromTag } from "../../i18n/index.js";
import type { HelpExtras, Presentation } from "../../presenter/index.js";

export const COMMAND_PREFIX = "cagnotte ";

export function teamsPresentation(ctx: AppContext, locale: Locale): Presentation {
  return { locale, timeZone: ctx.rules.timeZone, commandPrefix: COMMAND_PREFIX, milestoneCents: ctx.rules.milestoneCents };
}

/** The person's known locale, else the one Teams sends with the activity ("fr-FR"), else the default. */
export function readerLocale(ctx: AppContext, known: Locale | null | undefined, activityLocale: string | null | undefined): Locale {
  return personLocale(ctx, known, localeFromTag(activityLocale));
}

/** Teams' own commands in `help`: `channel` for management, `demo` for everyone in a local trial. */
export function teamsHelpExtras(local: boolean): HelpExtras {
  return { management: ["teamsChannel"], everyone: local ? ["teamsDemo"] : [] };
}
