// An outbox record as stored is JSON: read it back into a typed OutboxMessage, or null when the
// kind is unknown or the payload is not of its kind (e.g. a notice enqueued by an older version,
// when notices were pre-worded texts).
import type { Notice, TeamPost } from "../../core/views.js";
import type { OutboxMessage, OutboxRecord } from "../../ports/store.js";

const isString = (v: unknown): v is string => typeof v === "string";
const NOTICE_KINDS: ReadonlySet<string> = new Set<Notice["kind"]>(["choose-charity", "payout-reminder", "comment-reported"]);
const POST_KINDS: ReadonlySet<string> = new Set<TeamPost["kind"]>(["campaign-closed", "campaign-opened", "weekly-digest"]);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export function readOutboxMessage(record: OutboxRecord): OutboxMessage | null {
  const p = record.payload;
  switch (record.kind) {
    case "survey.deliver":
    case "survey.remind":
    case "helpdesk.survey-link":
      return isString(p.surveyId) ? { kind: record.kind, payload: { surveyId: p.surveyId } } : null;
    case "praise.deliver":
    case "followup.deliver":
    case "comment.copies":
      return isString(p.answerId) ? { kind: record.kind, payload: { answerId: p.answerId } } : null;
    case "helpdesk.write-back":
      return isString(p.answerId) && (p.action === "record" || p.action === "withdraw") ? { kind: "helpdesk.write-back", payload: { answerId: p.answerId, action: p.action } } : null;
    case "pot.progress": {
      const { campaignId, potBefore, potAfter, answerId } = p;
      if (!isString(campaignId) || typeof potBefore !== "number" || typeof potAfter !== "number") return null;
      return { kind: "pot.progress", payload: { campaignId, potBefore, potAfter, answerId: isString(answerId) ? answerId : null } };
    }
    case "notice":
      // Written by enqueueNotice from a typed Notice: its kind is the part that can be stale.
      return isObject(p.notice) && isString(p.notice.kind) && NOTICE_KINDS.has(p.notice.kind) ? { kind: "notice", payload: { notice: p.notice as unknown as Notice } } : null;
    case "team-post":
      return isObject(p.post) && isString(p.post.kind) && POST_KINDS.has(p.post.kind) ? { kind: "team-post", payload: { post: p.post as unknown as TeamPost } } : null;
    default:
      return null;
  }
}
