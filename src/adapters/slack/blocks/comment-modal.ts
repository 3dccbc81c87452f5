// The comment modal opened by a rating click, and the reading of its submission.
import type { View } from "./block-types.js";
import type { Locale } from "../../../core/model.js";
import { MAX_COMMENT_LENGTH } from "../../../core/rules/comment.js";
import { escapeMrkdwn, mrkdwn, plain } from "../escape.js";
import { ids, type ModalMetadata } from "../ids.js";
import { slackTexts } from "../texts.js";
import { ratingLabel } from "./survey-blocks.js";

export function renderCommentModal(meta: ModalMetadata, input: { locale: Locale; ratingScale: number; ticketRef: string }): View {
  const t = slackTexts[input.locale];
  return {
    type: "modal",
    callback_id: ids.commentModal,
    private_metadata: JSON.stringify(meta),
    title: plain(t.modalTitle, 24),
    submit: plain(t.modalSubmit, 24),
    close: plain(t.modalClose, 24),
    blocks: [
      { type: "section", text: mrkdwn(`*${escapeMrkdwn(input.ticketRef)}*\n${t.modalRating(escapeMrkdwn(ratingLabel(meta.rating, input.ratingScale, input.locale)))}`) },
      {
        type: "input",
        block_id: ids.commentBlock,
        optional: true,
        label: plain(t.commentLabel, 2000),
        hint: plain(t.commentHint, 2000),
        element: {
          type: "plain_text_input",
          action_id: ids.commentInput,
          multiline: true,
          max_length: MAX_COMMENT_LENGTH,
          placeholder: plain(t.commentPlaceholder, 150),
        },
      },
      {
        type: "input",
        block_id: ids.shareBlock,
        optional: true,
        label: plain(t.shareLabel, 2000),
        hint: plain(t.shareHint, 2000),
        element: {
          type: "checkboxes",
          action_id: ids.shareInput,
          options: [{ text: plain(t.shareOption, 150), value: ids.shareValue }],
        },
      },
    ],
  };
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

/** An information modal that replaces the form (survey already answered, expired…). */
export function renderInfoModal(text: string, locale: Locale): View {
  const t = slackTexts[locale];
  return { type: "modal", title: plain(t.modalTitle, 24), close: plain("OK", 24), blocks: [{ type: "section", text: mrkdwn(escapeMrkdwn(text)) }] };
}
