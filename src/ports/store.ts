// Storage ports. The use cases run their writes inside `Store.transaction` so that a ticket, its
// survey and its outbox message, or an answer and its contribution, land together or not at all.
// Each aggregate's repository is declared in src/ports/store/; this file gathers them.
import type { PeopleRepository, ClientRepository } from "./store/people.js";
import type { TicketRepository, SurveyRepository, AnswerRepository } from "./store/surveys.js";
import type { CampaignRepository, CharityRepository, PayoutRepository } from "./store/campaigns.js";
import type { ContributionRepository } from "./store/contributions.js";
import type { ModerationRepository, AuditRepository } from "./store/moderation.js";
import type { JobLeaseRepository, LifecycleRepository } from "./store/jobs.js";
import type { ExportRepository } from "./store/exports.js";
import type { SettingsRepository } from "./store/settings.js";
import type { OutboxRepository } from "./store/outbox.js";
import type { MessageRefRepository } from "./store/message-refs.js";
import type { ClosureRepositories } from "./store/closures.js";
import type { WebhookDeliveryRepository } from "./store/webhook-deliveries.js";
import type { DashboardAccessRepository, InsightsRepository } from "./store/dashboard.js";
import type { MailingRepository } from "./store/mailing.js";

export type { PeopleRepository, ClientRepository } from "./store/people.js";
export type { TicketRepository, SurveyRepository, AnswerRepository, ClosureOutboxRow, ClosureRow } from "./store/surveys.js";
export type { CampaignRepository, CharityRepository, PayoutRepository } from "./store/campaigns.js";
export type { ContributionRepository } from "./store/contributions.js";
export type { ModerationItemRecord, ModerationRepository, AuditRecord, AuditRepository } from "./store/moderation.js";
export type { JobLeaseRepository, ReminderCandidate, LifecycleRepository } from "./store/jobs.js";
export type { AnswerExportRow, ContributionExportRow, ExportRepository } from "./store/exports.js";
export type { SettingsRepository } from "./store/settings.js";
export type { OutboxEntry, OutboxKind, OutboxMessage, OutboxRecord, OutboxRepository } from "./store/outbox.js";
export type { MessageRefRepository, StoredMessageRef } from "./store/message-refs.js";
export type { ClosureRepositories } from "./store/closures.js";
export type { WebhookDeliveryRepository } from "./store/webhook-deliveries.js";
export type { ClientGroup, DashboardAccessRepository, DashboardSessionRecord, InsightsRepository, LinkUse, TechnicianRatingGroup } from "./store/dashboard.js";
export type { MailingRepository, SurveyRouting } from "./store/mailing.js";

export interface Repositories {
  settings: SettingsRepository;
  people: PeopleRepository;
  clients: ClientRepository;
  tickets: TicketRepository;
  surveys: SurveyRepository;
  campaigns: CampaignRepository;
  charities: CharityRepository;
  answers: AnswerRepository;
  contributions: ContributionRepository;
  moderation: ModerationRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
  messageRefs: MessageRefRepository;
  leases: JobLeaseRepository;
  lifecycle: LifecycleRepository;
  payouts: PayoutRepository;
  exports: ExportRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  dashboard: DashboardAccessRepository;
  insights: InsightsRepository;
  /** E-mail channel: opt-outs, unsubscribe tokens, clients set to e-mail first. */
  mailing: MailingRepository;
}

export interface Store extends Repositories {
  readonly provider: "sqlite" | "postgres";
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /**
   * A transaction for ingest's group commit only: its few statements run on the driver directly,
   * prepared once, and the work sees only what it needs. Same guarantees as `transaction`: all or
   * nothing, resolved only once committed; a unique-key collision rejects with ConflictError and a
   * full disk with StoreUnavailableError (no retry here: the caller falls back to one closure per
   * `transaction`).
   */
  closureTransaction<T>(work: (tx: ClosureRepositories) => Promise<T>): Promise<T>;
  /**
   * Moves with every transaction this process commits and every write it makes outside one (the
   * outbox's own bookkeeping aside): figures kept in memory are stale once it moves.
   */
  commits(): number;
  /**
   * Resolves when the database answers; after a write failed for want of space or I/O, only once
   * a write succeeds again (throws StoreUnavailableError meanwhile).
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A write collided with a unique key (e.g. the same ticket reported twice at once). */
export class ConflictError extends Error {
  readonly code = "conflict";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ConflictError";
  }
}

/** The database cannot write for now (disk full, I/O error): try again later (HTTP 503). */
export class StoreUnavailableError extends Error {
  readonly code = "store-unavailable";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}
