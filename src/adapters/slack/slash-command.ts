// `/cagnotte …`: resolve who is asking, run the shared command language (runCommand), present the
// reply in the asker's language and lay it out as an ephemeral message; a file reply (CSV export)
// is uploaded to the asker's DM. The moderation queue's approve/reject buttons run
// `moderation approve|reject <id>` the same way.
import type { App, BlockAction, RespondFn } from "@slack/bolt";
import type { AppContext } from "../../app/context.js";
import { runCommand, type CommandTable } from "../../app/commands/run-command.js";
import type { Actor } from "../../app/commands/replies.js";
import type { CommandReply } from "../../core/views.js";
import { presentRefusal, presentReply, type HelpExtras, type Message } from "../../presenter/index.js";
import { resolveActor } from "./actor.js";
import type { BlockActions } from "./block-actions.js";
import type { IdentityCache } from "./identity.js";
import { ids } from "./ids.js";
import { slackPresentation, SLASH_COMMAND } from "./presentation.js";
import { renderMessage, type SlackMessage } from "./render/block-kit.js";
import { isLateAck } from "./resilience.js";
import type { WebClient } from "./web-client.js";

export interface CommandHandlerDeps {
  ctx: AppContext;
  identities: IdentityCache;
  commands: CommandTable;
  /** Whether a request from this Slack team may use its e-mails for management rights. */
  trustedTeam: (teamId: string | undefined) => Promise<boolean>;
  /** Slack-only commands `help` lists (slack-install when the OAuth install is on). */
  helpExtras: HelpExtras;
  /** The one Bolt listener of every button (block-actions.ts). */
  actions: BlockActions;
}

type Ephemeral = SlackMessage & { response_type: "ephemeral" };

export function registerCommandHandlers(app: App, deps: CommandHandlerDeps): void {
  const { ctx, identities, commands, trustedTeam, helpExtras, actions } = deps;

  const present = (reply: CommandReply, actor: Actor): Message => presentReply(reply, slackPresentation(ctx, actor.locale), helpExtras);
  const ephemeral = (reply: CommandReply, actor: Actor): Ephemeral => ({ response_type: "ephemeral", ...renderMessage(present(reply, actor)) });
  // A status report is one shared object while its figures are kept (get-status.ts): everyone who
  // asks in a burst gets the same answer, laid out once per language rather than once per command.
  const laidOut = new WeakMap<object, Map<string, Ephemeral>>();
  const answerOf = (reply: CommandReply, actor: Actor): Ephemeral => {
    if (reply.kind !== "status") return ephemeral(reply, actor);
    let byLocale = laidOut.get(reply.report);
    if (!byLocale) laidOut.set(reply.report, (byLocale = new Map()));
    let answer = byLocale.get(actor.locale);
    if (!answer) byLocale.set(actor.locale, (answer = ephemeral(reply, actor)));
    return answer;
  };

  app.command(SLASH_COMMAND, async ({ ack: ackNow, command, client, respond }) => {
    // Acknowledged already by the deadline (ack-deadline in resilience.ts): answer through response_url.
    const ack = async (message: Ephemeral) => {
      try {
        await ackNow(message);
      } catch (error) {
        if (!isLateAck(error)) throw error;
        await respond(message);
      }
    };
    let actor: Actor | null = null;
    let reply: CommandReply;
    try {
      actor = await resolveActor(ctx, identities, client, command.user_id, await trustedTeam(command.team_id));
      reply = await runCommand(ctx, commands, actor, command.text ?? "");
    } catch (error) {
      // A bug or an outage: the person gets a plain "try again", the log gets the error (not the text typed).
      ctx.logger.error({ err: error instanceof Error ? { message: error.message } : String(error) }, "/cagnotte failed");
      const locale = actor?.locale ?? ctx.rules.defaultLocale;
      await ack({ response_type: "ephemeral", ...renderMessage(presentRefusal({ code: "something-wrong" }, slackPresentation(ctx, locale))) });
      return;
    }
    // The answer rides on the acknowledgement: Slack shows it to the asker only.
    if (reply.kind === "file") {
      const message = present(reply, actor);
      await ack({ response_type: "ephemeral", ...renderMessage(message) });
      await uploadFile(client, actor, reply, message.title);
      return;
    }
    await ack(answerOf(reply, actor));
  });

  actions.on(ids.moderationAction, async ({ ack, body, action, client, respond }) => {
    await ack();
    const verdict = action.action_id.endsWith("approve") ? "approve" : "reject";
    const actor = await resolveActor(ctx, identities, client, body.user.id, await trustedTeam(body.team?.id ?? body.user.team_id));
    const reply = await runCommand(ctx, commands, actor, `moderation ${verdict} ${action.value ?? ""}`);
    if (reply.kind !== "done") {
      await answerClick(client, respond, body, ephemeral(reply, actor), false);
      return;
    }
    // Done: show the confirmation above the queue as it is now, in place of the old queue.
    const queue = await runCommand(ctx, commands, actor, "moderation");
    const confirmation = ephemeral(reply, actor);
    const refreshed = queue.kind === "moderation-queue" ? ephemeral(queue, actor) : null;
    const message = refreshed ? { ...confirmation, blocks: [...confirmation.blocks, ...refreshed.blocks] } : confirmation;
    await answerClick(client, respond, body, message, refreshed !== null);
  });
}

/** `title`: the reply's title as the presenter worded it (plain text: Slack shows it as is). */
async function uploadFile(client: WebClient, actor: Actor, reply: Extract<CommandReply, { kind: "file" }>, title: string): Promise<void> {
  const dm = await client.conversations.open({ users: actor.platformUserId });
  if (!dm.channel?.id) throw new Error("conversations.open returned no channel");
  await client.files.uploadV2({ channel_id: dm.channel.id, filename: reply.filename, title, content: reply.content });
}

/** The queue is itself an ephemeral message: answer through its response_url, else in the channel. */
async function answerClick(client: WebClient, respond: RespondFn, body: BlockAction, message: Ephemeral, replace: boolean): Promise<void> {
  if (body.response_url) {
    await respond({ ...message, replace_original: replace });
    return;
  }
  const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
  if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, text: message.text, blocks: message.blocks });
}
