// Who is who in Teams. Teams cannot message someone by e-mail: the bot saves each person's
// conversation reference when the app is installed for them or when they write, with the e-mail
// Teams vouches for (TeamsInfo.getMember), and uses it later for proactive messages.
import { TeamsInfo, TurnContext, type ConversationReference, type TeamsChannelAccount } from "botbuilder";
import type { AppContext } from "../../app/context.js";
import type { Person } from "../../core/model.js";
import { localeFromTag } from "../../i18n/index.js";

export interface Member {
  /** Azure AD object id: stable across chats and teams. */
  userId: string;
  email: string | null;
  name: string | null;
}

/** The e-mail and AAD id of whoever sent this activity, as Teams reports them. */
export async function memberOf(turn: TurnContext): Promise<Member> {
  const from = turn.activity.from;
  let account: TeamsChannelAccount | null = null;
  try {
    account = await TeamsInfo.getMember(turn, from.id);
  } catch {
    // Not a Teams conversation or the roster is unavailable: the person stays unidentified.
    account = null;
  }
  const email = account?.email ?? account?.userPrincipalName ?? null;
  return {
    userId: account?.aadObjectId ?? from.aadObjectId ?? from.id,
    email: email ? email.trim().toLowerCase() : null,
    name: account?.name ?? from.name ?? null,
  };
}

export function isPersonalChat(turn: TurnContext): boolean {
  return turn.activity.conversation.conversationType === "personal" || turn.activity.conversation.conversationType === undefined;
}

/**
 * Links the member to their person record; in a 1:1 chat, saves where to reach them later. The
 * locale Teams sends with the activity becomes the person's known locale only while none is known:
 * one person keeps one language across every message, whatever a later activity says.
 */
export async function rememberMember(ctx: AppContext, turn: TurnContext, member: Member): Promise<Person | null> {
  if (!member.email) return null;
  const now = ctx.clock.now();
  const person = await ctx.store.people.upsertByEmail({ email: member.email, name: member.name, now });
  const other = await ctx.store.people.findByPlatformId("teams", member.userId);
  // The same Teams account already belongs to someone else (a changed address): keep the old link.
  if (other && other.id !== person.id) return other;
  const locale = person.locale ?? localeFromTag(turn.activity.locale);
  const reference = isPersonalChat(turn) ? JSON.stringify(proactiveReference(turn)) : null;
  await ctx.store.people.linkPlatform(person.id, { platform: "teams", userId: member.userId, locale, teamsConversation: reference }, now);
  return { ...person, locale, teamsUserId: member.userId };
}

export function parseReference(json: string): Partial<ConversationReference> | null {
  try {
    const reference = JSON.parse(json) as Partial<ConversationReference>;
    return reference.conversation?.id && reference.serviceUrl ? reference : null;
  } catch {
    return null;
  }
}

/** A reference for new messages later: without the activity id, which would make them replies. */
export function proactiveReference(turn: TurnContext): Partial<ConversationReference> {
  const { activityId: _replyTo, ...reference } = TurnContext.getConversationReference(turn.activity);
  return reference;
}
