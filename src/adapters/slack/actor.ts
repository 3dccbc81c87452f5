// Who typed a command or clicked a management button, as runCommand needs it.
import type { AppContext } from "../../app/context.js";
import { STATUS_TTL_MS } from "../../app/get-status.js";
import type { Person } from "../../core/model.js";
import { personLocale } from "../../app/locale.js";
import type { Actor } from "../../app/commands/replies.js";
import type { IdentityCache } from "./identity.js";
import type { WebClient } from "./web-client.js";

/**
 * `trusted`: the request comes from the home workspace. A client company's workspace vouches for
 * its own people only: its admins could give an account a management address, so there the
 * e-mail finds the person (withdraw) but never grants management commands.
 */
/**
 * Who a Slack user is among our people, kept as long as the status figures are (STATUS_TTL_MS, and
 * dropped when this process writes): a burst of commands by the same people reads them once.
 */
const known = new WeakMap<AppContext["store"], Map<string, { commits: number; at: number; person: Promise<Person | null> }>>();
const MAX_KNOWN = 10_000;

function personOf(ctx: AppContext, userId: string, email: string | null): Promise<Person | null> {
  let people = known.get(ctx.store);
  if (!people) known.set(ctx.store, (people = new Map()));
  const key = `${userId}:${email ?? ""}`;
  const at = ctx.clock.now().getTime();
  const commits = ctx.store.commits();
  const hit = people.get(key);
  if (hit && hit.commits === commits && at >= hit.at && at - hit.at < STATUS_TTL_MS) return hit.person;
  const person = findPerson(ctx, userId, email);
  if (people.size >= MAX_KNOWN) people.delete(people.keys().next().value as string);
  people.set(key, { commits, at, person });
  person.catch(() => people.get(key)?.person === person && people.delete(key));
  return person;
}

async function findPerson(ctx: AppContext, userId: string, email: string | null): Promise<Person | null> {
  const person = await ctx.store.people.findByPlatformId("slack", userId);
  if (person || !email) return person;
  const byEmail = await ctx.store.people.findByEmail(email);
  return byEmail && (!byEmail.slackUserId || byEmail.slackUserId === userId) ? byEmail : null;
}

export async function resolveActor(ctx: AppContext, identities: IdentityCache, client: WebClient, userId: string, trusted = true): Promise<Actor> {
  const identity = await identities.get(client, userId);
  const person = await personOf(ctx, userId, identity.email);
  // Slack vouches for the e-mail: remember the Slack identity of a person we only knew by e-mail.
  if (person && !person.slackUserId) {
    await ctx.store.people.linkPlatform(person.id, { platform: "slack", userId, locale: identity.locale }, ctx.clock.now());
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
