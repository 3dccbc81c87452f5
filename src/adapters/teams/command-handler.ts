// Messages typed to the bot: `cagnotte status`, `help`, `withdraw`, the management commands and
// Teams' own `channel` and `demo`. Reads who asks, runs the shared command language, and answers
// with the presenter's reply laid out as a card.
import { TurnContext } from "botbuilder";
import { runCommand } from "../../app/commands/run-command.js";
import type { CommandReply } from "../../app/commands/replies.js";
import { presentReply, type Presentation } from "../../presenter/index.js";
import { actorOf, whoAsks } from "./asker.js";
import { cardAttachment, type AdaptiveCard } from "./card-templates.js";
import { fileCard } from "./file-card.js";
import { renderCard } from "./render-card.js";
import type { TeamsDeps } from "./teams-deps.js";
import { teamsHelpExtras } from "./teams-presentation.js";

/** "@Cagnotte cagnotte status" → "status"; an empty message means status. */
export function commandText(raw: string): string {
  const text = raw.replace(/<at>[^<]*<\/at>/gi, " ").replace(/\s+/g, " ").trim();
  return text.replace(/^\/?cagnotte\b\s*/i, "").trim();
}

export function replyCard(reply: CommandReply, p: Presentation, local: boolean): AdaptiveCard {
  const message = presentReply(reply, p, teamsHelpExtras(local));
  return reply.kind === "file" ? fileCard(reply, message, p.locale) : renderCard(message);
}

export async function handleMessage(deps: TeamsDeps, turn: TurnContext): Promise<void> {
  const asker = await whoAsks(deps, turn);
  const text = commandText(TurnContext.removeRecipientMention(turn.activity) ?? turn.activity.text ?? "");
  const reply = await runCommand(deps.ctx, deps.commands, actorOf(asker, turn), text);
  await turn.sendActivity({ attachments: [cardAttachment(replyCard(reply, asker.presentation, deps.local))] });
}
