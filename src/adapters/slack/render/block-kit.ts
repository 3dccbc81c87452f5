// Block Kit: lays a neutral Message (src/presenter) out for Slack. It adds no words of its own and
// escapes every string of the message exactly once (plain_text objects are not mrkdwn: they are
// only cut to Slack's lengths). Slack's limits are kept here: 50 blocks, 150-character headers,
// 75-character buttons, 10 fields per section, 25 buttons per actions block, 3,000 characters of text.
import type { Action, Block, Message, Tone } from "../../../presenter/index.js";
import type { KnownBlock } from "./block-types.js";
import { clip, dateToken, escapeMrkdwn, link, mrkdwn, plain, quoteMrkdwn, strong } from "../escape.js";
import { encodeRating, ids, slackActionId } from "../ids.js";

/** What chat.postMessage, chat.update and an ephemeral answer take. `text` is mrkdwn, escaped. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export const SLACK_LIMITS = { blocks: 50, header: 150, button: 75, fields: 10, buttons: 25, text: 2900, imageText: 2000 } as const;

type Button = Extract<Extract<KnownBlock, { type: "actions" }>["elements"][number], { type: "button" }>;

/** A one-line message (a confirmation, a refusal) has no header: a mark says how it went. */
const MARK: Record<Tone, string> = { default: "", accent: "", good: ":white_check_mark: ", attention: ":warning: " };

export function renderMessage(message: Message): SlackMessage {
  const surveyId = surveyOf(message);
  const body = message.blocks.flatMap((b) => renderBlock(b, surveyId));
  return { text: escapeMrkdwn(message.summary), blocks: fit([...titleBlocks(message, body.length === 0), ...body]) };
}

/** The survey the message asks about: the `survey.answer` action carries it (rating buttons encode it). */
function surveyOf(message: Message): string | null {
  for (const b of message.blocks) {
    if (b.type !== "actions") continue;
    const answer = b.actions.find((a) => a.id === "survey.answer");
    if (answer) return answer.value;
  }
  return null;
}

function titleBlocks(message: Message, alone: boolean): KnownBlock[] {
  if (alone) return [section(`${MARK[message.tone]}${escapeMrkdwn(message.title)}`)];
  if (message.title.length <= SLACK_LIMITS.header) return [{ type: "header", text: plain(message.title, SLACK_LIMITS.header) }];
  return [section(strong(message.title))];
}

function renderBlock(b: Block, surveyId: string | null): KnownBlock[] {
  switch (b.type) {
    case "text":
      if (b.style === "subtle") return [context(escapeMrkdwn(b.text))];
      return [section(b.style === "strong" ? strong(b.text) : escapeMrkdwn(b.text))];
    case "facts":
      return chunk(b.facts, SLACK_LIMITS.fields).map((facts) => ({
        type: "section" as const,
        fields: facts.map((f) => mrkdwn(`${strong(f.label)}\n${escapeMrkdwn(f.value)}`)),
      }));
    case "quote":
      return [section(`${strong(b.label)}\n${quoteMrkdwn(b.text)}`)];
    case "list":
      return lines([...(b.heading ? [strong(b.heading)] : []), ...b.items.map((i) => `• ${escapeMrkdwn(i)}`)]).map(section);
    case "deadline":
      return [context(`${escapeMrkdwn(b.label)} ${dateToken(b.at, b.text)}`)];
    case "link":
      return [context(linkLine(b))];
    case "input":
      // Slack messages hold no form: the rating is a row of buttons; the comment and the sharing
      // consent are asked in the modal a rating click opens (render/modal.ts).
      if (b.input.kind !== "rating" || surveyId === null) return [];
      return [
        section(strong(b.input.label)),
        {
          type: "actions",
          block_id: ids.ratingBlock,
          elements: b.input.options.map((o, i) => ({
            type: "button" as const,
            action_id: ids.rateActionFor(o.value),
            text: plain(o.label, SLACK_LIMITS.button),
            value: encodeRating(surveyId, o.value),
            ...(i === 0 ? { style: "primary" as const } : {}),
          })),
        },
      ];
    case "actions": {
      const buttons = b.actions.flatMap((a) => button(a));
      return chunk(buttons, SLACK_LIMITS.buttons).map((elements) => ({ type: "actions" as const, elements }));
    }
    case "image":
      // Slack downloads the picture from image_url when the message is posted (and refuses the
      // message when it cannot): slack-platform.ts then sends it again without the picture.
      return [{ type: "image", image_url: b.url, alt_text: clip(b.alt, SLACK_LIMITS.imageText), title: plain(b.title, SLACK_LIMITS.imageText) }];
  }
}

function button(a: Action): Button[] {
  const actionId = slackActionId(a.id);
  if (actionId === null) return [];
  return [
    {
      type: "button",
      action_id: actionId,
      text: plain(a.label, SLACK_LIMITS.button),
      value: a.value,
      ...(a.style ? { style: a.style } : {}),
      ...(a.confirm
        ? {
            confirm: {
              title: plain(a.confirm.title, 100),
              text: plain(a.confirm.text, 300),
              confirm: plain(a.confirm.confirm, 30),
              deny: plain(a.confirm.deny, 30),
            },
          }
        : {}),
    },
  ];
}

/** "Answering means accepting the rules. <url|Read the rules>": the sentence, then the link. */
export function linkLine(b: Extract<Block, { type: "link" }>): string {
  return `${escapeMrkdwn(b.text)} ${link(b.url, b.label)}`;
}

function section(text: string): KnownBlock {
  return { type: "section", text: mrkdwn(text) };
}

function context(text: string): KnownBlock {
  return { type: "context", elements: [mrkdwn(text)] };
}

/** Lines joined into texts Slack accepts (3,000 characters each), a long list in several sections. */
function lines(all: string[]): string[] {
  const out: string[] = [];
  for (const line of all) {
    const last = out.at(-1);
    if (last !== undefined && last.length + 1 + line.length <= SLACK_LIMITS.text) out[out.length - 1] = `${last}\n${line}`;
    else out.push(line);
  }
  return out;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The text of a block that holds nothing but text (a plain section or a one-element context). */
function textOf(block: KnownBlock): string | null {
  if (block.type === "section" && block.text && !block.fields && !block.accessory) return block.text.text;
  if (block.type === "context" && block.elements.length === 1 && block.elements[0]?.type === "mrkdwn") return block.elements[0].text;
  return null;
}

/**
 * Slack refuses a message of more than 50 blocks. Runs of text-only blocks are first joined into
 * one section each (the moderation queue, a long history); what still does not fit is cut.
 */
function fit(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= SLACK_LIMITS.blocks) return blocks;
  const out: KnownBlock[] = [];
  let run: string[] = [];
  const flush = () => {
    out.push(...lines(run).map(section));
    run = [];
  };
  for (const block of blocks) {
    const text = textOf(block);
    if (text === null || block.type === "header") {
      flush();
      out.push(block);
    } else run.push(text);
  }
  flush();
  return out.slice(0, SLACK_LIMITS.blocks);
}
