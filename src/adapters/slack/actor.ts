// Who typed a command or clicked a management button, as runCommand needs it.
import type { AppContext } from "../../app/context.js";
import { personLocale } from "../../app/locale.js";
import type { Actor } from "../../app/commands/replies.js";
import type { IdentityCache } from "./identity.js";
import type { WebClient } from "./web-client.js";

/**
 * `trusted`: the request comes from the home workspace. A client company's workspace vouches for
 * its own people only: its admins could give an account a management address, so there the
 * e-mail finds the person (withdraw) but never grants management commands.
 */
export async function resolveActor(ctx: AppContext, identities: IdentityCache, client: WebClient, userId: string, trusted = true): Promise<Actor> {
  const identity = await identities.get(client, userId);
  let person = await ctx.store.people.findByPlatformId("slack", userId);
  if (!person && identity.email) {
    person = await ctx.store.people.findByEmail(identity.email);
    // Slack vouches for the e-mail: remember the Slack identity of a person we only knew by e-mail.
    if (person && !person.slackUserId) {
      await ctx.store.people.linkPlatform(person.id, { platform: "slack", userId, locale: identity.locale }, ctx.clock.now());
    } else if (person?.slackUserId && person.slackUserId !== userId) {
      person = null;
    }
  }
  return {
    platform: "slack",
    platformUserId: userId,
    email: trusted ? identity.email : null,
    personId: person?.id ?? null,
    // The person's known language first, then Slack's, then CAGNOTTE_DEFAULT_LOCALE.
    locale: personLocale(ctx, person?.locale, identity.locale),
  };
}
