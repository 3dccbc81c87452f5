// How Slack readers see the presenter's messages: their language, the bot's time zone and
// milestones, and commands written as the slash command Slack knows.
import type { AppContext } from "../../app/context.js";
import type { Locale } from "../../core/model.js";
import type { Presentation } from "../../presenter/index.js";

export const SLASH_COMMAND = "/cagnotte";

export function slackPresentation(ctx: Pick<AppContext, "rules">, locale: Locale): Presentation {
  return { locale, timeZone: ctx.rules.timeZone, commandPrefix: `${SLASH_COMMAND} `, milestoneCents: ctx.rules.milestoneCents };
}
