// What Cagnotte asks of a helpdesk it is connected to (GLPI, Zendesk, Freshdesk, Jira Service
// Management): look people up by the helpdesk's own ids, write the requester's answer back on the
// ticket so the helpdesk's native satisfaction reports keep working, remove it again when the
// comment is withdrawn, write each survey's link on its ticket, and check its own settings. Each
// connector in src/adapters/helpdesks/ implements it; the outbox (`helpdesk.write-back`,
// `helpdesk.survey-link`) calls it, so retries and rate limits are the outbox's.
import type { Locale } from "../core/model.js";

/** The ticket's source name as stored on tickets: "glpi", "zendesk", "freshdesk", "jira". */
export type HelpdeskName = "glpi" | "zendesk" | "freshdesk" | "jira";

export const HELPDESK_NAMES: readonly HelpdeskName[] = ["glpi", "zendesk", "freshdesk", "jira"];

/** What is written back: the answer as the requester gave it, and only what may be shown. */
export interface WriteBackAnswer {
  answerId: string;
  /** The helpdesk's own ticket id (Ticket.externalId). */
  ticketId: string;
  rating: number;
  ratingScale: number;
  /** The rating's label in `locale` ("Efficace", "Effective"…), worded by the caller. */
  ratingLabel: string;
  /** Null when there is none, or when it may not be shown (withdrawn, hidden, hateful…). */
  comment: string | null;
  requesterEmail: string;
  answeredAt: Date;
  locale: Locale;
  /** Where the helpdesk keeps what was written earlier for this answer (from a previous `record`). */
  previousRef: string | null;
}

export type WriteBackResult =
  /** Done; `ref` identifies what was written (a note id, a rating id) to edit or remove it later. */
  | { status: "done"; ref: string | null }
  /** Try again later: rate limited (`retryAfterMs` from the helpdesk) or a passing fault. */
  | { status: "retry"; error: string; retryAfterMs?: number; rateLimited?: boolean }
  /** Will never work (ticket deleted, permission missing, API cannot do it): stop trying. */
  | { status: "failed"; reason: string };

export interface HelpdeskWriteBack {
  /** Records or updates the rating (and the comment when it may be shown) on the ticket. */
  record(answer: WriteBackAnswer): Promise<WriteBackResult>;
  /** Removes the comment written earlier (`answer.previousRef`), or says why it cannot. */
  withdraw(answer: WriteBackAnswer): Promise<WriteBackResult>;
}

/**
 * The survey's link, to be written on the ticket so that the helpdesk's own e-mail to the requester
 * carries it (CAGNOTTE_HELPDESK_SURVEY_LINK): in a custom field the helpdesk's trigger or automation
 * places in its e-mail, or in a public comment / reply / follow-up the helpdesk e-mails itself.
 */
export interface SurveyLinkPost {
  /** The helpdesk's own ticket id (Ticket.externalId). */
  ticketId: string;
  surveyUrl: string;
  /** The public comment's words, in the requester's language (the catalogue's): subject first. */
  subject: string;
  lines: readonly string[];
  locale: Locale;
}

export interface HelpdeskSurveyLink {
  /** Writes the link on the ticket; "done" once the helpdesk has it (ref: the comment's id, if any). */
  post(link: SurveyLinkPost): Promise<WriteBackResult>;
}

/** One line of `npm run connector:check`: what was tried and what came of it, in plain words. */
export interface CheckLine {
  ok: boolean;
  /** "webhook secret", "API sign-in", "user e-mail lookup", "write-back permission"… */
  what: string;
  detail: string;
}

export interface Helpdesk {
  readonly name: HelpdeskName;
  /** Present when CAGNOTTE_WRITE_BACK turns write-back on for this helpdesk and its API is set. */
  readonly writeBack: HelpdeskWriteBack | null;
  /** Present when CAGNOTTE_HELPDESK_SURVEY_LINK names this helpdesk and its API is set. */
  readonly surveyLink: HelpdeskSurveyLink | null;
  /** Calls the helpdesk's API with the configured settings and says what works and what is missing. */
  check(): Promise<CheckLine[]>;
}
