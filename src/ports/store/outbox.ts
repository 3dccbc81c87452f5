// The durable outbox: what may be enqueued (one discriminated union, kind → payload, so that an
// unknown kind or a wrong payload fails the typecheck) and how workers claim and settle records.
import type { Notice, TeamPost } from "../../core/views.js";

export type OutboxMessage =
  | { kind: "survey.deliver"; payload: { surveyId: string } }
  | { kind: "survey.remind"; payload: { surveyId: string } }
  | { kind: "praise.deliver"; payload: { answerId: string } }
  | { kind: "followup.deliver"; payload: { answerId: string } }
  /** The pot moved from potBefore to potAfter (cents); answerId: the answer that may be quoted. */
  | { kind: "pot.progress"; payload: { campaignId: string; potBefore: number; potAfter: number; answerId: string | null } }
  /** Data, worded at delivery in each manager's language. */
  | { kind: "notice"; payload: { notice: Notice } }
  /** Data, worded at delivery in the team channel's language. */
  | { kind: "team-post"; payload: { post: TeamPost } }
  /** The comment's fate changed: every copy already sent is edited to what may be shown now. */
  | { kind: "comment.copies"; payload: { answerId: string } }
  /**
   * The answer, written back to the helpdesk the ticket came from (CAGNOTTE_WRITE_BACK): "record"
   * the rating and the comment while it may be shown; "withdraw" the comment once it may not.
   */
  | { kind: "helpdesk.write-back"; payload: { answerId: string; action: "record" | "withdraw" } }
  /**
   * The survey's link, written on the helpdesk ticket it came from (CAGNOTTE_HELPDESK_SURVEY_LINK),
   * so that the helpdesk's own e-mail to the requester carries it. Enqueued with the survey.
   */
  | { kind: "helpdesk.survey-link"; payload: { surveyId: string } };

export type OutboxKind = OutboxMessage["kind"];

/** A claimed record as stored: the payload is read back (and checked) by the delivery rules. */
export interface OutboxRecord {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export type OutboxEntry = OutboxMessage & { availableAt: Date; dedupeKey?: string; now: Date };

export interface OutboxRepository {
  enqueue(message: OutboxEntry): Promise<{ id: string; created: boolean }>;
  /** Claims due messages for `leaseMs`; a message is never held by two workers at once. */
  claimDue(input: { worker: string; now: Date; limit: number; leaseMs: number }): Promise<OutboxRecord[]>;
  /**
   * Extends the lease of a message `worker` holds to `now + leaseMs`; false when it no longer
   * holds it (settled, or the lease ran out and another worker took it).
   */
  renewLease(input: { id: string; worker: string; now: Date; leaseMs: number }): Promise<boolean>;
  /** renewLease for several messages at once; returns the ids `worker` no longer holds. */
  renewLeases(input: { ids: readonly string[]; worker: string; now: Date; leaseMs: number }): Promise<string[]>;
  markSent(id: string, at: Date): Promise<void>;
  /** `uncount`: the attempt just claimed does not count (the platform asked to wait: a 429). */
  reschedule(id: string, input: { availableAt: Date; error: string; uncount?: boolean }): Promise<void>;
  markDead(id: string, input: { at: Date; error: string }): Promise<void>;
  pendingCount(): Promise<number>;
}
