// The comment modal a rating click opens, laid out from the survey's own Message: its facts, the
// rating chosen, its `comment` and `share` inputs and the line on what a comment brings. It adds no
// words: the title is the rating input's label, the submit button the `survey.answer` action's
// label, and Slack words the close button itself.
import type { Input, Message } from "../../../presenter/index.js";
import type { KnownBlock, ModalView } from "./block-types.js";
import { clip, escapeMrkdwn, mrkdwn, plain, strong } from "../escape.js";
import { ids, type ModalMetadata } from "../ids.js";
import { linkLine } from "./block-kit.js";

type InputOf<K extends Input["kind"]> = Extract<Input, { kind: K }>;

function inputOf<K extends Input["kind"]>(message: Message, kind: K): InputOf<K> | null {
  for (const b of message.blocks) if (b.type === "input" && b.input.kind === kind) return b.input as InputOf<K>;
  return null;
}

/** Slack's limit for a modal's title, submit and close texts. */
const MODAL_TEXT = 24;

export function renderCommentModal(message: Message, meta: ModalMetadata): ModalView {
  const rating = inputOf(message, "rating");
  const comment = inputOf(message, "comment");
  const share = inputOf(message, "share");
  const submit = message.blocks.flatMap((b) => (b.type === "actions" ? b.actions : [])).find((a) => a.id === "survey.answer");
  const chosen = rating?.options.find((o) => o.value === meta.rating);
  const facts = message.blocks.flatMap((b) => (b.type === "facts" ? b.facts : []));
  const fields = [...facts, ...(rating && chosen ? [{ label: rating.label, value: chosen.label }] : [])].slice(0, 10);
  const blocks: KnownBlock[] = [];
  if (fields.length) blocks.push({ type: "section", fields: fields.map((f) => mrkdwn(`${strong(f.label)}\n${escapeMrkdwn(f.value)}`)) });
  if (comment) {
    blocks.push({
      type: "input",
      block_id: ids.commentBlock,
      optional: true,
      label: plain(comment.label, 2000),
      hint: plain(comment.hint, 2000),
      element: {
        type: "plain_text_input",
        action_id: ids.commentInput,
        multiline: true,
        max_length: comment.maxLength,
        placeholder: plain(comment.placeholder, 150),
      },
    });
  }
  if (share) {
    blocks.push({
      type: "input",
      block_id: ids.shareBlock,
      optional: true,
      label: plain(share.heading, 2000),
      hint: plain(share.hint, 2000),
      element: { type: "checkboxes", action_id: ids.shareInput, options: [{ text: plain(share.label, 150), value: ids.shareValue }] },
    });
  }
  // What a comment brings and on what conditions: said before it is written, as in the DM.
  const conditions = afterInputs(message);
  if (conditions.length) blocks.push({ type: "context", elements: conditions.map(mrkdwn) });
  return {
    type: "modal",
    callback_id: ids.commentModal,
    private_metadata: JSON.stringify(meta),
    title: plain(rating?.label ?? message.title, MODAL_TEXT),
    ...(submit ? { submit: plain(submit.label, MODAL_TEXT) } : {}),
    blocks,
  };
}

/** What follows the inputs in the Message: the optional, no-reward line and the link to the rules (mrkdwn). */
function afterInputs(message: Message): string[] {
  const first = message.blocks.findIndex((b) => b.type === "input");
  if (first < 0) return [];
  return message.blocks.slice(first).flatMap((b) => {
    if (b.type === "text" && b.style === "subtle") return [escapeMrkdwn(b.text)];
    if (b.type === "link") return [linkLine(b)];
    return [];
  });
}

/** Slack's view state, as much of it as the modal uses. */
interface ViewState {
  values?: Record<string, Record<string, { value?: string | null; selected_options?: { value?: string }[] | null }>>;
}

export interface CommentSubmission {
  comment: string | null;
  shareConsent: boolean;
}

export function readCommentSubmission(state: ViewState | undefined): CommentSubmission {
  const values = state?.values ?? {};
  const comment = values[ids.commentBlock]?.[ids.commentInput]?.value ?? null;
  const shared = values[ids.shareBlock]?.[ids.shareInput]?.selected_options ?? [];
  return { comment: typeof comment === "string" ? comment : null, shareConsent: shared.some((o) => o.value === ids.shareValue) };
}

/** A refusal shown under the comment field, keeping what was typed (Slack shows it as plain text). */
export function modalErrors(message: Message): Record<string, string> {
  return { [ids.commentBlock]: clip(message.title, 2000) };
}
