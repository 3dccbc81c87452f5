// Messages typed to the bot: `cagnotte status`, `help`, `withdraw`, the management commands, and
// the Teams-only `cagnotte channel` (and `demo` in local mode). Parses who is asking and renders
// the reply; the command logic is runCommand's, shared with Slack.
import { TurnContext } from "botbuilder";
import { refusal } from "../../app/commands/refusals.js";
import { runCommand } from "../../app/commands/run-command.js";
import type { Actor } from "../../app/commands/replies.js";
import { isAdmin } from "../../app/context.js";
import { ticketClosed } from "../../app/ticket-closed.js";
import type { Locale, Person } from "../../core/model.js";
import { cardAttachment, type AdaptiveCard } from "./card-templates.js";
import { isPersonalChat, memberOf, rememberMember, type Member } from "./conversation-references.js";
import { noteCard } from "./note-cards.js";
import { replyCard } from "./reply-cards.js";
import { channelReference, saveProgressChannel } from "./team-channel.js";
import type { TeamsDeps } from "./teams-deps.js";
import { localeOf, teamsTexts } from "./teams-texts.js";

/** "@Cagnotte cagnotte status" → "status"; an empty message means status. */
export function commandText(raw: string): string {
  const text = raw.replace(/<at>[^<]*<\/at>/gi, " ").replace(/\s+/g, " ").trim();
  return text.replace(/^\/?cagnotte\b\s*/i, "").trim();
}

export function actorOf(member: Member, person: Person | null, locale: Locale): Actor {
  return { platform: "teams", platformUserId: member.userId, email: member.email, personId: person?.id ?? null, locale };
}

async function setChannel(deps: TeamsDeps, turn: TurnContext, member: Member, locale: Locale): Promise<AdaptiveCard> {
  const t = teamsTexts[locale];
  if (!isAdmin(deps.ctx, member.email)) return replyCard(refusal("not-management"), locale);
  if (isPersonalChat(turn) || turn.activity.conversation.conversationType !== "channel") return noteCard({ title: t.channelOnlyInChannel, color: "Attention" });
  await saveProgressChannel(deps.ctx.store, channelReference(turn), deps.ctx.clock.now());
  deps.ctx.logger.info({ by: member.email }, "teams: progress channel set");
  return noteCard({ title: t.channelSet, color: "Good" });
}

/** Local trial only: closes a demo ticket for the sender, who is both requester and technician. */
async function closeDemoTicket(deps: TeamsDeps, member: Member, locale: Locale): Promise<AdaptiveCard> {
  const t = teamsTexts[locale];
  const email = member.email ?? "demo.user@example.com";
  const now = deps.ctx.clock.now();
  const ticketId = `DEMO-${now.getTime().toString(36).toUpperCase()}`;
  const result = await ticketClosed(deps.ctx, {
    source: "demo",
    ticketId,
    title: locale === "fr" ? "Imprimante du 3e étage en panne" : "Third-floor printer out of order",
    kind: deps.ctx.rules.surveyedKinds[0] ?? "incident",
    closedAt: now,
    requester: { email, name: member.name },
    technician: { email, name: member.name },
    client: { id: "demo-client", name: "Demo SA" },
  });
  return result.status === "scheduled" ? noteCard({ title: t.demoScheduled(ticketId), color: "Good" }) : noteCard({ title: t.demoIgnored(result.reason) });
}

export async function handleMessage(deps: TeamsDeps, turn: TurnContext): Promise<void> {
  const locale = localeOf(turn.activity.locale, deps.ctx.rules.defaultLocale);
  const member = await memberOf(turn);
  const person = await rememberMember(deps.ctx, turn, member, locale);
  const text = commandText(TurnContext.removeRecipientMention(turn.activity) ?? turn.activity.text ?? "");
  const name = text.split(" ")[0]?.toLowerCase() ?? "";
  let card: AdaptiveCard;
  if (name === "channel") card = await setChannel(deps, turn, member, locale);
  else if (name === "demo" && deps.local) card = await closeDemoTicket(deps, member, locale);
  else card = replyCard(await runCommand(deps.ctx, deps.commands, actorOf(member, person, locale), text), locale);
  await turn.sendActivity({ attachments: [cardAttachment(card)] });
}
