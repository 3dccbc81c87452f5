// The ChatPlatform port on Slack: post one message to one person (a DM) or to the team channel, or
// edit one posted before. What to post, when to edit and to whom is decided in src/app/delivery;
// here the content is worded in the reader's language (presenter), laid out (Block Kit) and every
// Slack error converted into sent / retry / unreachable / gone.
import type { AppContext } from "../../app/context.js";
import { personLocale } from "../../app/locale.js";
import type { Locale } from "../../core/model.js";
import type { ChatContent, Recipient } from "../../core/views.js";
import type { ChatPlatform, DeliveryResult, Destination, UpdateResult } from "../../ports/chat-platform.js";
import { presentContent } from "../../presenter/index.js";
import { fetchIdentity } from "./identity.js";
import type { Pacer } from "./pacing.js";
import { slackPresentation } from "./presentation.js";
import { renderMessage, type SlackMessage } from "./render/block-kit.js";
import { isSlackError, slackErrorCode, toDeliveryResult } from "./slack-errors.js";
import type { WebClient } from "./web-client.js";
import type { SlackWorkspaces } from "./workspaces.js";

export interface SlackPlatformOptions {
  ctx: AppContext;
  workspaces: SlackWorkspaces;
  /** SLACK_TEAM_CHANNEL: channel id (or name) for progress and team posts; null: none. */
  teamChannel: string | null;
  pacer: Pacer;
}

/** Where a posted message lives (the `ref` of a DeliveryResult, as JSON), to edit it later. */
interface SlackMessageRef {
  channel: string;
  ts: string;
  /** A team post: SLACK_TEAM_CHANNEL as configured then (a name or an id; `channel` is Slack's id). */
  team?: string;
  /** A message to a person: the language it was worded in, so that an edit reads the same. */
  locale?: Locale;
}

function readMessageRef(ref: string | null | undefined): SlackMessageRef | null {
  try {
    const v = JSON.parse(ref ?? "") as Partial<SlackMessageRef>;
    if (typeof v.channel !== "string" || typeof v.ts !== "string") return null;
    return {
      channel: v.channel,
      ts: v.ts,
      ...(typeof v.team === "string" ? { team: v.team } : {}),
      ...(v.locale === "fr" || v.locale === "en" ? { locale: v.locale } : {}),
    };
  } catch {
    return null;
  }
}

class Unreachable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The person's Slack language; a users.info failure other than a rate limit only costs the locale. */
async function slackLocaleOf(client: WebClient, userId: string): Promise<Locale | null> {
  try {
    return (await fetchIdentity(client, userId)).locale;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === null || code === "ratelimited") throw error;
    return null;
  }
}

export function slackPlatform(options: SlackPlatformOptions): ChatPlatform {
  const { ctx, workspaces, pacer } = options;

  async function send(client: WebClient, channel: string, message: SlackMessage): Promise<SlackMessageRef> {
    await pacer.wait(channel);
    const r = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    return { channel: r.channel ?? channel, ts: String(r.ts) };
  }

  /** Finds the person in Slack (by e-mail the first time), remembers who they are, opens the DM. */
  async function reach(to: Recipient): Promise<{ client: WebClient; channel: string; locale: Locale }> {
    for (const client of await workspaces.forPerson(to.personId)) {
      let userId = workspaces.single ? to.slackUserId : null;
      let slackLocale: Locale | null = null;
      if (!userId) {
        try {
          userId = (await client.users.lookupByEmail({ email: to.email })).user?.id ?? null;
        } catch (error) {
          if (isSlackError(error, "users_not_found", "user_not_found")) continue;
          throw error;
        }
        if (!userId) continue;
        slackLocale = await slackLocaleOf(client, userId);
        if (to.personId) await ctx.store.people.linkPlatform(to.personId, { platform: "slack", userId, locale: to.locale ?? slackLocale }, ctx.clock.now());
      }
      const dm = await client.conversations.open({ users: userId });
      if (!dm.channel?.id) throw new Error("conversations.open returned no channel");
      // The person's known language first, then Slack's, then CAGNOTTE_DEFAULT_LOCALE.
      return { client, channel: dm.channel.id, locale: personLocale(ctx, to.locale, slackLocale) };
    }
    throw new Unreachable("users_not_found");
  }

  const render = (content: ChatContent, locale: Locale) => renderMessage(presentContent(content, slackPresentation(ctx, locale)));

  async function toPerson(to: Recipient, content: ChatContent): Promise<SlackMessageRef> {
    const { client, channel, locale } = await reach(to);
    return { ...(await send(client, channel, render(content, locale))), locale };
  }

  async function toTeam(content: ChatContent): Promise<SlackMessageRef> {
    const client = await workspaces.home();
    const channel = options.teamChannel;
    if (!client || !channel) throw new Unreachable("no team channel (SLACK_TEAM_CHANNEL)");
    const message = render(content, ctx.rules.defaultLocale);
    try {
      return { ...(await send(client, channel, message)), team: channel };
    } catch (error) {
      // A public channel the bot was never invited to: join it once (channels:join) and post again.
      if (!isSlackError(error, "not_in_channel")) throw error;
      await client.conversations.join({ channel });
      return { ...(await send(client, channel, message)), team: channel };
    }
  }

  function failed(error: unknown, what: string): DeliveryResult {
    if (error instanceof Unreachable) return { status: "unreachable", reason: error.reason };
    const result = toDeliveryResult(error);
    ctx.logger.warn({ content: what, result }, "slack delivery failed");
    return result;
  }

  return {
    name: "slack",
    async post(destination: Destination, content: ChatContent): Promise<DeliveryResult> {
      try {
        const ref = destination.to === "person" ? await toPerson(destination.person, content) : await toTeam(content);
        return { status: "sent", platform: "slack", ref: JSON.stringify(ref) };
      } catch (error) {
        return failed(error, content.kind);
      }
    },

    /**
     * Edits a message this platform posted. Only the home workspace's messages are edited this way
     * (the team channel's progress and posts, the DMs of technicians and management): a survey DM
     * is updated by the handler that got the click. A DM reads the language it was written in; the
     * team channel, the default one.
     */
    async update(ref: string, content: ChatContent): Promise<UpdateResult> {
      const where = readMessageRef(ref);
      const client = await workspaces.home();
      // SLACK_TEAM_CHANNEL changed since the post: the team reads the new channel, so start afresh there.
      if (!where || !client || (where.team !== undefined && where.team !== options.teamChannel)) return { status: "gone" };
      const message = render(content, where.locale ?? ctx.rules.defaultLocale);
      try {
        await client.chat.update({ channel: where.channel, ts: where.ts, text: message.text, blocks: message.blocks });
        return { status: "sent", platform: "slack", ref };
      } catch (error) {
        // Deleted by someone, or too old to edit: the delivery rules post a fresh one.
        if (isSlackError(error, "message_not_found", "cant_update_message")) return { status: "gone" };
        return failed(error, content.kind);
      }
    },
  };
}
