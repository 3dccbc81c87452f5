// An outbox record as stored is JSON: read it back into a typed OutboxMessage, or null when the
// kind is unknown or the payload is not of its kind (e.g. a notice enqueued by an older version,
// when notices were pre-worded texts).
import type { OutboxMessage, OutboxRecord } from "../../ports/store.js";

const isString = (v: unknown): v is string => typeof v === "string";
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export function readOutboxMessage(record: OutboxRecord): OutboxMessage | null {
  const p = record.payload;
  switch (record.kind) {
    case "survey.deliver":
    case "survey.remind":
      return isString(p.surveyId) ? { kind: record.kind, payload: { surveyId: p.surveyId } } : null;
    case "praise.deliver":
    case "followup.deliver":
      return isString(p.answerId) ? { kind: record.kind, payload: { answerId: p.answerId } } : null;
    case "pot.progress": {
      const { campaignId, potBefore, potAfter, answerId } = p;
      if (!isString(campaignId) || typeof potBefore !== "number" || typeof potAfter !== "number") return null;
      return { kind: "pot.progress", payload: { campaignId, potBefore, potAfter, answerId: isString(answerId) ? answerId : null } };
    }
    case "notice":
      return isObject(p.notice) && isString(p.notice.kind) ? { kind: "notice", payload: { notice: p.notice as never } } : null;
    case "team-post":
      return isObject(p.post) && isString(p.post.kind) ? { kind: "team-post", payload: { post: p.post as never } } : null;
    default:
      return null;
  }
}
