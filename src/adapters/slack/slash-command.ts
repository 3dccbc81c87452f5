// `/cagnotte …`: resolve who is asking, run the shared command language (runCommand), render the
// reply as an ephemeral message; a file reply (CSV export) is uploaded to the asker's DM. The
// moderation queue's approve/reject buttons run `moderation approve|reject <id>` the same way.
import type { App, BlockAction, ButtonAction, RespondFn } from "@slack/bolt";
import type { AppContext } from "../../app/context.js";
import { runCommand, type CommandTable } from "../../app/commands/run-command.js";
import type { Actor, CommandReply } from "../../app/commands/replies.js";
import { renderReply } from "./blocks/reply-blocks.js";
import { escapeMrkdwn } from "./escape.js";
import { resolveActor } from "./actor.js";
import type { IdentityCache } from "./identity.js";
import { ids } from "./ids.js";
import { slackTexts } from "./texts.js";
import type { WebClient } from "./web-client.js";

export const SLASH_COMMAND = "/cagnotte";

export interface CommandHandlerDeps {
  ctx: AppContext;
  identities: IdentityCache;
  commands: CommandTable;
  /** Whether a request from this Slack team may use its e-mails for management rights. */
  trustedTeam: (teamId: string | undefined) => Promise<boolean>;
}

function renderSomethingWrong(locale: Actor["locale"]) {
  return { response_type: "ephemeral" as const, text: escapeMrkdwn(slackTexts[locale].somethingWrong) };
}

function ephemeral(reply: CommandReply, locale: Actor["locale"]) {
  const m = renderReply(reply, locale);
  return { response_type: "ephemeral" as const, text: escapeMrkdwn(m.text), blocks: m.blocks };
}

async function uploadFile(client: WebClient, actor: Actor, reply: Extract<CommandReply, { kind: "file" }>): Promise<void> {
  const dm = await client.conversations.open({ users: actor.platformUserId });
  if (!dm.channel?.id) throw new Error("conversations.open returned no channel");
  await client.files.uploadV2({
    channel_id: dm.channel.id,
    filename: reply.filename,
    title: reply.title[actor.locale],
    content: reply.content,
  });
}

export function registerCommandHandlers(app: App, deps: CommandHandlerDeps): void {
  const { ctx, identities, commands, trustedTeam } = deps;

  app.command(SLASH_COMMAND, async ({ ack, command, client }) => {
    let actor: Actor | null = null;
    let reply: CommandReply;
    try {
      actor = await resolveActor(ctx, identities, client, command.user_id, await trustedTeam(command.team_id));
      reply = await runCommand(ctx, commands, actor, command.text ?? "");
    } catch (error) {
      // A bug or an outage: the person gets a plain "try again", the log gets the error (not the text typed).
      ctx.logger.error({ err: error instanceof Error ? { message: error.message } : String(error) }, "/cagnotte failed");
      await ack(renderSomethingWrong(actor?.locale ?? ctx.rules.defaultLocale));
      return;
    }
    // The answer rides on the acknowledgement: Slack shows it to the asker only.
    await ack(ephemeral(reply, actor.locale));
    if (reply.kind === "file") await uploadFile(client, actor, reply);
  });

  app.action<BlockAction<ButtonAction>>(ids.moderationAction, async ({ ack, body, action, client, respond }) => {
    await ack();
    const verdict = action.action_id.endsWith("approve") ? "approve" : "reject";
    const actor = await resolveActor(ctx, identities, client, body.user.id, await trustedTeam(body.team?.id ?? body.user.team_id));
    const reply = await runCommand(ctx, commands, actor, `moderation ${verdict} ${action.value ?? ""}`);
    if (reply.kind !== "done") {
      await answerClick(client, respond, body, ephemeral(reply, actor.locale), false);
      return;
    }
    // Done: show the confirmation above the queue as it is now, in place of the old queue.
    const queue = await runCommand(ctx, commands, actor, "moderation");
    const confirmation = ephemeral(reply, actor.locale);
    const refreshed = queue.kind === "moderation-queue" ? ephemeral(queue, actor.locale) : null;
    const message = refreshed ? { ...confirmation, blocks: [...confirmation.blocks, ...refreshed.blocks] } : confirmation;
    await answerClick(client, respond, body, message, refreshed !== null);
  });
}

/** The queue is itself an ephemeral message: answer through its response_url, else in the channel. */
async function answerClick(client: WebClient, respond: RespondFn, body: BlockAction, message: ReturnType<typeof ephemeral>, replace: boolean): Promise<void> {
  if (body.response_url) {
    await respond({ ...message, replace_original: replace });
    return;
  }
  const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
  if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: message.text, blocks: message.blocks });
}
