// Drives the bot as the Slack client does: signed slash commands (form-encoded), button clicks built
// from the blocks the bot actually posted, modal submissions built from the view it actually opened
// (interactions as `payload=<json>`), all signed `v0:<timestamp>:<body>` with the signing secret.
import { createHmac } from "node:crypto";
import type { Block, FakeMessage, FakeSlack, FakeView } from "./fake-slack-server.js";

export function signSlack(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature };
}

export interface SlackReply {
  status: number;
  body: string;
  json: Record<string, unknown> | null;
}

export class SlackDriver {
  private seq = 0;
  constructor(
    private readonly botUrl: string,
    private readonly signingSecret: string,
    private readonly fake: FakeSlack,
    private readonly teamId = "T0001",
  ) {}

  async postSigned(body: string, contentType: string, extraHeaders: Record<string, string> = {}): Promise<SlackReply> {
    const res = await fetch(`${this.botUrl}/slack/events`, {
      method: "POST",
      headers: { "content-type": contentType, ...signSlack(this.signingSecret, body), ...extraHeaders },
      body,
    });
    const text = await res.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      json = null;
    }
    return { status: res.status, body: text, json };
  }

  slash(userId: string, text: string, channelId = "CGENERAL"): Promise<SlackReply> {
    const body = new URLSearchParams({
      token: "legacy-verification-token",
      team_id: this.teamId,
      team_domain: "fake",
      channel_id: channelId,
      channel_name: "general",
      user_id: userId,
      user_name: userId.toLowerCase(),
      command: "/cagnotte",
      text,
      api_app_id: "A0001",
      response_url: `${this.fake.url}/response/${++this.seq}`,
      trigger_id: this.fake.newTrigger(),
    }).toString();
    return this.postSigned(body, "application/x-www-form-urlencoded");
  }

  private interaction(payload: Record<string, unknown>, headers: Record<string, string> = {}): Promise<SlackReply> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.postSigned(body, "application/x-www-form-urlencoded", headers);
  }

  /** Clicks the button `actionId` found in the blocks of `message`, as `userId`. */
  click(userId: string, message: Pick<FakeMessage, "channel" | "ts" | "text" | "blocks">, actionId: string, headers: Record<string, string> = {}, actionTs?: string): Promise<SlackReply> {
    const found = findButton(message.blocks, actionId);
    if (!found) throw new Error(`no button ${actionId} in the message`);
    return this.interaction(
      {
        type: "block_actions",
        team: { id: this.teamId, domain: "fake" },
        user: { id: userId, username: userId.toLowerCase(), team_id: this.teamId },
        api_app_id: "A0001",
        token: "legacy-verification-token",
        container: { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
        trigger_id: this.fake.newTrigger(),
        channel: { id: message.channel, name: "directmessage" },
        message: { type: "message", ts: message.ts, text: message.text, blocks: message.blocks },
        response_url: `${this.fake.url}/response/${++this.seq}`,
        actions: [{ ...found.element, block_id: found.blockId, action_ts: actionTs ?? `${Date.now() / 1000}${++this.seq}` }],
      },
      headers,
    );
  }

  /** Submits `opened` with values typed into its input blocks: { <block_id>: text | string[] (checked values) }. */
  submit(userId: string, opened: FakeView, values: Record<string, string | string[]>): Promise<SlackReply> {
    const state: Record<string, Record<string, unknown>> = {};
    for (const block of opened.view.blocks) {
      if (block.type !== "input" || !block.block_id || !block.element?.action_id) continue;
      const given = values[block.block_id];
      const element = block.element;
      if (element.type === "plain_text_input") {
        state[block.block_id] = { [element.action_id!]: { type: "plain_text_input", value: typeof given === "string" ? given : null } };
      } else if (element.type === "checkboxes") {
        const options = (element.options as { value: string; text: unknown }[]) ?? [];
        const checked = Array.isArray(given) ? options.filter((o) => given.includes(o.value)) : [];
        state[block.block_id] = { [element.action_id!]: { type: "checkboxes", selected_options: checked } };
      }
    }
    return this.interaction({
      type: "view_submission",
      team: { id: this.teamId, domain: "fake" },
      user: { id: userId, username: userId.toLowerCase(), team_id: this.teamId },
      api_app_id: "A0001",
      token: "legacy-verification-token",
      trigger_id: this.fake.newTrigger(),
      view: {
        ...opened.view,
        id: opened.id,
        team_id: this.teamId,
        state: { values: state },
        hash: `h-${opened.id}`,
        app_id: "A0001",
        bot_id: "BBOT",
      },
    });
  }
}

export function findButton(blocks: Block[], actionId: string): { blockId: string | undefined; element: Record<string, unknown> } | null {
  for (const block of blocks) {
    for (const element of block.elements ?? []) {
      if (element.action_id === actionId) return { blockId: block.block_id, element };
    }
  }
  return null;
}

/** Every text the bot put in a message, blocks included, to look for what a reader would see. */
export function allText(message: { text: string; blocks: Block[] }): string {
  return `${message.text}\n${JSON.stringify(message.blocks)}`;
}
