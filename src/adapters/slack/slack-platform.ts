// The ChatPlatform port on Slack: survey DMs, praise, follow-ups, notices, the team channel's
// progress message (one per campaign, edited in place) and team posts. Called by the outbox only;
// every Slack error is converted into sent / retry / unreachable here.
import type { AppContext } from "../../app/context.js";
import type { Locale } from "../../core/model.js";
import type { PotProgress, Recipient } from "../../core/views.js";
import type { ChatMessage, ChatPlatform, DeliveryResult } from "../../ports/chat-platform.js";
import { renderSurvey, type SlackMessage } from "./blocks/survey-blocks.js";
import { renderFollowUp, renderProgress, renderProgressNews, renderTeamPost, renderText, renderThankYou } from "./blocks/note-blocks.js";
import { escapeMrkdwn } from "./escape.js";
import { fetchIdentity } from "./identity.js";
import type { Pacer } from "./pacing.js";
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

/** Where a posted message lives, kept to edit it later (survey DM, progress message). */
export interface MessageRef {
  channel: string;
  ts: string;
}

class Unreachable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The person's Slack language; a users.info failure other than a rate limit only costs the locale. */
async function localeOf(client: WebClient, userId: string): Promise<Locale | null> {
  try {
    return (await fetchIdentity(client, userId)).locale;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === null || code === "ratelimited") throw error;
    return null;
  }
}

export const progressKey = (campaignId: string) => `slack.progress.${campaignId}`;

export function slackPlatform(options: SlackPlatformOptions): ChatPlatform {
  const { ctx, workspaces, pacer } = options;

  async function post(client: WebClient, channel: string, message: SlackMessage): Promise<MessageRef> {
    await pacer.wait(channel);
    const r = await client.chat.postMessage({ channel, text: escapeMrkdwn(message.text), blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    return { channel: r.channel ?? channel, ts: String(r.ts) };
  }

  /** Finds the person in Slack (by e-mail the first time), remembers who they are, opens the DM. */
  async function reach(to: Recipient): Promise<{ client: WebClient; channel: string; locale: Locale | null }> {
    const candidates = await workspaces.forPerson(to.personId);
    for (const client of candidates) {
      let userId = workspaces.single ? to.slackUserId : null;
      let locale = to.locale;
      if (!userId) {
        try {
          const found = await client.users.lookupByEmail({ email: to.email });
          userId = found.user?.id ?? null;
        } catch (error) {
          if (isSlackError(error, "users_not_found", "user_not_found")) continue;
          throw error;
        }
        if (!userId) continue;
        locale = (await localeOf(client, userId)) ?? locale;
        if (to.personId) await ctx.store.people.linkPlatform(to.personId, { platform: "slack", userId, locale }, ctx.clock.now());
      }
      const dm = await client.conversations.open({ users: userId });
      if (!dm.channel?.id) throw new Error("conversations.open returned no channel");
      return { client, channel: dm.channel.id, locale };
    }
    throw new Unreachable("users_not_found");
  }

  async function dmEach(to: Recipient[], render: (locale: Locale | null) => SlackMessage): Promise<DeliveryResult> {
    let sent = 0;
    const missing: string[] = [];
    for (const recipient of to) {
      try {
        const { client, channel, locale } = await reach(recipient);
        await post(client, channel, render(locale));
        sent++;
      } catch (error) {
        const result: DeliveryResult = error instanceof Unreachable ? { status: "unreachable", reason: error.reason } : toDeliveryResult(error);
        if (result.status === "unreachable") missing.push(result.reason);
        // Nobody reached yet: the whole message can be tried again. Otherwise a retry would send
        // it twice to those already reached, so this recipient is skipped and it is logged.
        else if (sent === 0) throw error;
        else ctx.logger.warn({ result }, "slack: one recipient skipped after others were reached");
      }
    }
    if (sent === 0 && to.length > 0) return { status: "unreachable", reason: missing.join(", ") || "no recipient" };
    return { status: "sent", platform: "slack" };
  }

  async function teamChannel(): Promise<{ client: WebClient; channel: string } | null> {
    const client = await workspaces.home();
    return client && options.teamChannel ? { client, channel: options.teamChannel } : null;
  }

  async function postToTeam(client: WebClient, channel: string, message: SlackMessage): Promise<MessageRef> {
    try {
      return await post(client, channel, message);
    } catch (error) {
      // A public channel the bot was never invited to: join it once (channels:join) and post again.
      if (!isSlackError(error, "not_in_channel")) throw error;
      await client.conversations.join({ channel });
      return post(client, channel, message);
    }
  }

  async function deliverProgress(progress: PotProgress): Promise<DeliveryResult> {
    const target = await teamChannel();
    if (!target) return { status: "sent", platform: "slack" };
    const locale = ctx.rules.defaultLocale;
    const message = renderProgress(progress, locale, ctx.rules.milestoneCents);
    const key = progressKey(progress.campaignId);
    const stored = await ctx.store.settings.get(key);
    const ref = stored ? (JSON.parse(stored) as MessageRef & { configured?: string }) : null;
    let updated = false;
    // SLACK_TEAM_CHANNEL changed since the message was posted: start a new one in the new channel.
    if (ref && ref.configured === target.channel) {
      try {
        await target.client.chat.update({ channel: ref.channel, ts: ref.ts, text: escapeMrkdwn(message.text), blocks: message.blocks });
        updated = true;
      } catch (error) {
        // Deleted by someone: post a fresh one below.
        if (!isSlackError(error, "message_not_found", "cant_update_message")) throw error;
      }
    }
    if (!updated) {
      const posted = await postToTeam(target.client, target.channel, message);
      await ctx.store.settings.set(key, JSON.stringify({ ...posted, configured: target.channel }), ctx.clock.now());
    }
    const news = renderProgressNews(progress, locale);
    if (news) await postToTeam(target.client, target.channel, news);
    return { status: "sent", platform: "slack", ref: stored ?? undefined };
  }

  async function deliver(message: ChatMessage): Promise<DeliveryResult> {
    switch (message.type) {
      case "survey": {
        const { client, channel, locale } = await reach(message.to);
        const posted = await post(client, channel, renderSurvey(message.prompt, locale ?? message.prompt.locale));
        return { status: "sent", platform: "slack", ref: JSON.stringify(posted) };
      }
      case "thank-you": {
        const { client, channel, locale } = await reach(message.to);
        await post(client, channel, renderThankYou({ ...message.note, locale: locale ?? message.note.locale }));
        return { status: "sent", platform: "slack" };
      }
      case "follow-up":
        return dmEach(message.to, () => renderFollowUp(message.note));
      case "notice":
        return dmEach(message.to, (locale) => renderText(message.text, locale ?? ctx.rules.defaultLocale));
      case "pot-progress":
        return deliverProgress(message.progress);
      case "team-post": {
        const target = await teamChannel();
        if (target) await postToTeam(target.client, target.channel, renderTeamPost(message.post, ctx.rules.defaultLocale));
        return { status: "sent", platform: "slack" };
      }
    }
  }

  return {
    name: "slack",
    async deliver(message) {
      try {
        return await deliver(message);
      } catch (error) {
        if (error instanceof Unreachable) return { status: "unreachable", reason: error.reason };
        const result = toDeliveryResult(error);
        ctx.logger.warn({ message: message.type, result }, "slack delivery failed");
        return result;
      }
    },
  };
}
