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
import { methodLimits, NoTurn, type MethodLimits } from "./method-limits.js";
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
  /** Slack's per-method tiers and 429 pauses (methodLimits(), one per workspace when absent). */
  limits?: (client: WebClient) => MethodLimits;
  /** 1 in production; benchmarks against a fake Slack on a faster clock: Retry-After × this. */
  timeScale?: number;
  /**
   * How long a call may wait in memory for its method's 429 pause to end (0, the default: none, the
   * message comes back through the outbox when the pause ends; the worker's lanes stay free).
   */
  maxWaitMs?: number;
}

/** People remembered per workspace (their Slack id, language and DM never change); the oldest forgotten first. */
const MAX_REMEMBERED = 50_000;

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= MAX_REMEMBERED) map.delete(map.keys().next().value as K);
  map.set(key, value);
  return value;
}

/** Per workspace client: what is known, or being asked, about each person. */
interface WorkspaceMemory {
  limits: MethodLimits;
  /** e-mail → Slack user id and language (one users.lookupByEmail per person, shared by concurrent deliveries). */
  people: Map<string, Promise<{ userId: string; locale: Locale | null } | null>>;
  /** user id → DM channel id (one conversations.open per person). */
  dms: Map<string, Promise<string>>;
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

/** A method paused by a 429 (longer than a call may wait), or a wait interrupted: the message comes back later. */
class MethodPaused extends Error {
  constructor(readonly method: string, readonly ms: number) {
    // not user-facing: an error for the log and the outbox's retry reason
    super(`slack: ${method} paused by a rate limit`);
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
  const timeScale = options.timeScale ?? 1;
  const maxWaitMs = options.maxWaitMs ?? 0;
  const memories = new WeakMap<WebClient, WorkspaceMemory>();

  const memoryOf = (client: WebClient): WorkspaceMemory => {
    let memory = memories.get(client);
    if (!memory) {
      memories.set(client, (memory = { limits: options.limits?.(client) ?? methodLimits({ tiers: {}, timeScale, now: () => ctx.clock.now().getTime() }), people: new Map(), dms: new Map() }));
    }
    return memory;
  };
  const retryAfterMs = (error: unknown) => Math.max(1, (error as { retryAfter?: number }).retryAfter ?? 1) * 1000 * timeScale;

  /**
   * One Web API call, in its method's turn (method-limits.ts). A 429 pauses the method for every
   * delivery here; a call that finds it paused waits for the pause's end in memory when it is no
   * longer than `maxWaitMs`, and otherwise is not made: its message comes back when the pause
   * ends, without counting a failed attempt. The call that got the 429 hands it back the same way.
   * Meanwhile the worker delivers the messages that need other methods and channels.
   */
  async function call<T>(client: WebClient, method: string, run: () => Promise<T>): Promise<T> {
    const { limits } = memoryOf(client);
    let done: () => void;
    try {
      done = await limits.turn(method, maxWaitMs);
    } catch (error) {
      if (error instanceof NoTurn) throw new MethodPaused(method, error.pausedMs);
      throw error;
    }
    try {
      return await run();
    } catch (error) {
      if (slackErrorCode(error) === "ratelimited") limits.pause(method, retryAfterMs(error));
      throw error;
    } finally {
      done();
    }
  }

  async function send(client: WebClient, channel: string, message: SlackMessage): Promise<SlackMessageRef> {
    try {
      // The channel's pace is kept in the call's turn: a post waiting behind another keeps its distance.
      const r = await call(client, `chat.postMessage ${channel}`, async () => {
        await pacer.wait(channel);
        return client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
      });
      return { channel: r.channel ?? channel, ts: String(r.ts) };
    } catch (error) {
      const plain = withoutPictures(message, error);
      if (!plain) throw error;
      return send(client, channel, plain);
    }
  }

  /**
   * Slack downloads a picture when the message is posted and refuses the whole message when it
   * cannot (`invalid_blocks`, "downloading image failed"): PUBLIC_URL not reachable from the
   * internet, or not HTTPS. The message then goes without its pictures; the log says why.
   */
  function withoutPictures(message: SlackMessage, error: unknown): SlackMessage | null {
    if (!isSlackError(error, "invalid_blocks") || !message.blocks.some((b) => b.type === "image")) return null;
    ctx.logger.warn({ publicUrl: ctx.publicUrl }, "slack could not download a chart picture (PUBLIC_URL must be a public HTTPS address): sent without it");
    return { ...message, blocks: message.blocks.filter((b) => b.type !== "image") };
  }

  /** The person's Slack id and language, looked up by e-mail once (null: not in this workspace). */
  function lookUp(client: WebClient, to: Recipient): Promise<{ userId: string; locale: Locale | null } | null> {
    const { people } = memoryOf(client);
    const key = to.email.trim().toLowerCase();
    const known = people.get(key);
    if (known) return known;
    const asked = (async () => {
      let userId: string | null;
      try {
        userId = (await call(client, "users.lookupByEmail", () => client.users.lookupByEmail({ email: to.email }))).user?.id ?? null;
      } catch (error) {
        if (isSlackError(error, "users_not_found", "user_not_found")) return null;
        throw error;
      }
      if (!userId) return null;
      const found = userId;
      const locale = await call(client, "users.info", () => slackLocaleOf(client, found));
      if (to.personId) await ctx.store.people.linkPlatform(to.personId, { platform: "slack", userId, locale: to.locale ?? locale }, ctx.clock.now());
      return { userId, locale };
    })();
    remember(people, key, asked);
    // Not found or failed: ask again next time (the person may join, the fault may pass).
    asked.then((r) => r === null && people.get(key) === asked && people.delete(key), () => people.get(key) === asked && people.delete(key));
    return asked;
  }

  /** The DM channel with a Slack user, opened once. */
  function dmWith(client: WebClient, userId: string): Promise<string> {
    const { dms } = memoryOf(client);
    const known = dms.get(userId);
    if (known) return known;
    const opened = call(client, "conversations.open", () => client.conversations.open({ users: userId })).then((dm) => {
      if (!dm.channel?.id) throw new Error("conversations.open returned no channel");
      return dm.channel.id;
    });
    remember(dms, userId, opened);
    opened.catch(() => dms.get(userId) === opened && dms.delete(userId));
    return opened;
  }

  /** Finds the person in Slack (by e-mail the first time), remembers who they are, opens the DM. */
  async function reach(to: Recipient): Promise<{ client: WebClient; channel: string; locale: Locale }> {
    for (const client of await workspaces.forPerson(to.personId)) {
      let userId = workspaces.single ? to.slackUserId : null;
      let slackLocale: Locale | null = null;
      if (!userId) {
        const found = await lookUp(client, to);
        if (!found) continue;
        ({ userId, locale: slackLocale } = found);
      }
      const channel = await dmWith(client, userId);
      // The person's known language first, then Slack's, then CAGNOTTE_DEFAULT_LOCALE.
      return { client, channel, locale: personLocale(ctx, to.locale, slackLocale) };
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
    // Rate limited: the method is paused (above); the message waits for it without counting an attempt.
    if (slackErrorCode(error) === "ratelimited") return { status: "retry", error: "slack: ratelimited", retryAfterMs: retryAfterMs(error), rateLimited: true };
    if (error instanceof MethodPaused) return { status: "retry", error: error.message, retryAfterMs: error.ms, rateLimited: true };
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
        try {
          await client.chat.update({ channel: where.channel, ts: where.ts, text: message.text, blocks: message.blocks });
        } catch (error) {
          const plain = withoutPictures(message, error);
          if (!plain) throw error;
          await client.chat.update({ channel: where.channel, ts: where.ts, text: plain.text, blocks: plain.blocks });
        }
        return { status: "sent", platform: "slack", ref };
      } catch (error) {
        // Deleted by someone, or too old to edit: the delivery rules post a fresh one.
        if (isSlackError(error, "message_not_found", "cant_update_message")) return { status: "gone" };
        return failed(error, content.kind);
      }
    },
  };
}
