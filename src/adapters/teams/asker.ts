// Who sent this activity, and in which language to answer them: the member Teams vouches for,
// their person record (saved or linked on the way), and the one locale all their messages use.
import type { TurnContext } from "botbuilder";
import type { Actor } from "../../app/commands/replies.js";
import type { Locale, Person } from "../../core/model.js";
import type { Presentation } from "../../presenter/index.js";
import { isPersonalChat, memberOf, rememberMember, type Member } from "./conversation-references.js";
import { channelReference } from "./team-channel.js";
import type { TeamsDeps } from "./teams-deps.js";
import { readerLocale, teamsPresentation } from "./teams-presentation.js";

export interface Asker {
  member: Member;
  person: Person | null;
  locale: Locale;
  presentation: Presentation;
}

export async function whoAsks(deps: TeamsDeps, turn: TurnContext): Promise<Asker> {
  const member = await memberOf(turn);
  const person = await rememberMember(deps.ctx, turn, member);
  const locale = readerLocale(deps.ctx, person?.locale, turn.activity.locale);
  return { member, person, locale, presentation: teamsPresentation(deps.ctx, locale) };
}

/** Where the command was typed: `channel` needs the channel's reference to post there later. */
function conversationOf(turn: TurnContext): NonNullable<Actor["conversation"]> {
  if (isPersonalChat(turn)) return { kind: "personal", reference: null };
  if (turn.activity.conversation.conversationType === "channel") return { kind: "channel", reference: JSON.stringify(channelReference(turn)) };
  return { kind: "group", reference: null };
}

export function actorOf(asker: Asker, turn: TurnContext): Actor {
  return {
    platform: "teams",
    platformUserId: asker.member.userId,
    email: asker.member.email,
    personId: asker.person?.id ?? null,
    locale: asker.locale,
    conversation: conversationOf(turn),
  };
}
