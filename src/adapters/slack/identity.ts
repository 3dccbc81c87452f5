// Who a Slack user is: e-mail (the platform vouches for it), locale and name, from users.info.
// Cached for a while: a slash command or a click must not cost a Web API call each time.
import type { Locale } from "../../core/model.js";
import { localeFromTag } from "../../i18n/index.js";
import type { WebClient } from "./web-client.js";

export interface SlackIdentity {
  userId: string;
  email: string | null;
  locale: Locale | null;
  name: string | null;
}

export interface IdentityCache {
  get(client: WebClient, userId: string): Promise<SlackIdentity>;
}

interface UserInfo {
  user?: { id?: string; real_name?: string; name?: string; locale?: string; profile?: { email?: string; real_name?: string } };
}

export async function fetchIdentity(client: WebClient, userId: string): Promise<SlackIdentity> {
  const r = (await client.users.info({ user: userId, include_locale: true })) as UserInfo;
  const u = r.user ?? {};
  return {
    userId,
    email: u.profile?.email?.trim().toLowerCase() ?? null,
    locale: localeFromTag(u.locale),
    name: u.profile?.real_name || u.real_name || u.name || null,
  };
}

/**
 * users.info failing (missing scope, a passing fault) must not stop the person: the answer still
 * works through the Slack id linked at delivery. Rate limits are not hidden: the caller sees them.
 */
async function fetchIdentityOrUnknown(client: WebClient, userId: string): Promise<{ identity: SlackIdentity; known: boolean }> {
  try {
    return { identity: await fetchIdentity(client, userId), known: true };
  } catch (error) {
    if ((error as { code?: string }).code === "slack_webapi_rate_limited_error") throw error;
    return { identity: { userId, email: null, locale: null, name: null }, known: false };
  }
}

export function identityCache(ttlMs = 10 * 60_000, maxEntries = 5_000, now = () => Date.now()): IdentityCache {
  const entries = new Map<string, { at: number; identity: SlackIdentity }>();
  // A burst of commands by someone not yet known asks Slack once: the others wait for that answer.
  const pending = new Map<string, Promise<{ identity: SlackIdentity; known: boolean }>>();
  return {
    async get(client, userId) {
      const hit = entries.get(userId);
      if (hit && now() - hit.at < ttlMs) return hit.identity;
      let lookup = pending.get(userId);
      if (!lookup) {
        lookup = fetchIdentityOrUnknown(client, userId).finally(() => pending.delete(userId));
        pending.set(userId, lookup);
      }
      const { identity, known } = await lookup;
      if (!known) return identity;
      if (entries.get(userId)?.identity !== identity) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(userId, { at: now(), identity });
      }
      return identity;
    },
  };
}
