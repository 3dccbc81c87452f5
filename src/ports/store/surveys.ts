// Tickets, their surveys and the answers given.
import type { Answer, SurveyContext, SurveyStatus } from "../../core/model.js";

export interface TicketRepository {
  exists(source: string, externalId: string): Promise<boolean>;
  create(input: {
    source: string;
    externalId: string;
    title: string | null;
    kind: string;
    closedAt: Date;
    receivedAt: Date;
    requesterId: string;
    technicianId: string;
    clientId: string;
  }): Promise<{ id: string }>;
  /** Which of these (source, external id) pairs are already recorded. */
  known(keys: readonly { source: string; externalId: string }[]): Promise<{ source: string; externalId: string }[]>;
  /**
   * Closed tickets recorded together (ingest's group commit): each ticket with its pending survey
   * and the survey's pending outbox message, one multi-row statement per table.
   */
  recordClosures(rows: readonly ClosureRow[]): Promise<void>;
}

export interface ClosureRow {
  ticket: { id: string; source: string; externalId: string; title: string | null; kind: string; closedAt: Date; receivedAt: Date; requesterId: string; technicianId: string; clientId: string };
  survey: { id: string; token: string; createdAt: Date; expiresAt: Date };
  /**
   * The closure's outbox messages (as outbox.enqueue writes them): the survey's delivery first, then
   * any other the closure schedules (the survey link written on the helpdesk ticket). Whatever writes
   * a batch's outbox rows writes all of them: rows.flatMap((r) => r.outbox).
   */
  outbox: readonly ClosureOutboxRow[];
}

export interface ClosureOutboxRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
  availableAt: Date;
  createdAt: Date;
}

export interface SurveyRepository {
  create(input: { ticketId: string; token: string; createdAt: Date; expiresAt: Date }): Promise<{ id: string; token: string }>;
  findContext(surveyId: string): Promise<SurveyContext | null>;
  findContextByToken(token: string): Promise<SurveyContext | null>;
  /** Conditional transition: only from one of `from`; returns false when the survey was elsewhere. */
  transition(surveyId: string, from: readonly SurveyStatus[], to: SurveyStatus, patch?: { platform?: string; messageRef?: string; undeliverableReason?: string; at?: Date }): Promise<boolean>;
  messageRef(surveyId: string): Promise<{ platform: string | null; messageRef: string | null } | null>;
}

export interface AnswerRepository {
  create(input: Omit<Answer, "id" | "withdrawnAt">): Promise<Answer>;
  findById(id: string): Promise<Answer | null>;
  findBySurvey(surveyId: string): Promise<Answer | null>;
  /** Erases the text (rule 7) and marks the answer withdrawn. */
  withdraw(answerId: string, at: Date): Promise<void>;
  setOutcome(answerId: string, outcome: string): Promise<void>;
  /** Management's moderation decision: "clean" (approved) or "rejected". */
  setModeration(answerId: string, moderation: string): Promise<void>;
  latestWithCommentBy(personId: string): Promise<Answer | null>;
}
