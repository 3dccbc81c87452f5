// Storage ports. The use cases run their writes inside `Store.transaction` so that a ticket, its
// survey and its outbox message, or an answer and its contribution, land together or not at all.
import type {
  Answer,
  Campaign,
  Charity,
  Client,
  Contribution,
  ContributionKind,
  Locale,
  Person,
  SurveyContext,
  SurveyStatus,
} from "../core/model.js";
import type { CampaignFigures } from "../core/status/status-report.js";
import type { CampaignHistoryLine } from "../core/views.js";

export interface PeopleRepository {
  upsertByEmail(input: { email: string; name?: string | null; clientId?: string | null; now: Date }): Promise<Person>;
  findById(id: string): Promise<Person | null>;
  findByEmail(email: string): Promise<Person | null>;
  findByPlatformId(platform: "slack" | "teams", userId: string): Promise<Person | null>;
  linkPlatform(personId: string, link: { platform: "slack" | "teams"; userId: string; locale?: Locale | null; teamsConversation?: string | null }, now: Date): Promise<void>;
  /** Teams can only message people whose conversation reference (JSON) it saved. */
  teamsConversation(personId: string): Promise<{ reference: string | null; unreachable: boolean } | null>;
  /** The person blocked the bot or left: stop sending until they link again (linkPlatform clears it). */
  markUnreachable(personId: string, platform: "slack" | "teams", now: Date): Promise<void>;
}

export interface ClientRepository {
  upsertByExternalId(input: { externalId: string; name?: string | null; now: Date }): Promise<Client>;
  findById(id: string): Promise<Client | null>;
}

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
}

export interface SurveyRepository {
  create(input: { ticketId: string; token: string; createdAt: Date; expiresAt: Date }): Promise<{ id: string; token: string }>;
  findContext(surveyId: string): Promise<SurveyContext | null>;
  findContextByToken(token: string): Promise<SurveyContext | null>;
  /** Conditional transition: only from one of `from`; returns false when the survey was elsewhere. */
  transition(surveyId: string, from: readonly SurveyStatus[], to: SurveyStatus, patch?: { platform?: string; messageRef?: string; undeliverableReason?: string; at?: Date }): Promise<boolean>;
  messageRef(surveyId: string): Promise<{ platform: string | null; messageRef: string | null } | null>;
}

export interface CampaignRepository {
  findByQuarter(year: number, quarter: number): Promise<Campaign | null>;
  findById(id: string): Promise<Campaign | null>;
  /** Creates the campaign unless it exists (unique year+quarter); returns the stored one. */
  createIfAbsent(input: { year: number; quarter: number; startsAt: Date; endsAt: Date; charityId: string | null; now: Date }): Promise<{ campaign: Campaign; created: boolean }>;
  /** Takes the campaign's row lock until the transaction ends: answers of one campaign queue here. */
  lock(campaignId: string): Promise<void>;
  close(campaignId: string, input: { at: Date; by: string; reason: string | null }): Promise<boolean>;
  setCharity(campaignId: string, charityId: string): Promise<void>;
  latest(): Promise<Campaign | null>;
  history(): Promise<CampaignHistoryLine[]>;
  figures(campaignId: string, caps: { perRequester: number; perClient: number }): Promise<CampaignFigures>;
  isPaid(campaignId: string): Promise<boolean>;
}

export interface CharityRepository {
  queue(): Promise<Charity[]>;
  findById(id: string): Promise<Charity | null>;
  /** Takes the charity off the queue (it became a campaign's beneficiary). */
  dequeue(id: string): Promise<void>;
  add(input: { name: string; description?: string | null; url?: string | null; vetting?: { on: Date; by: string } | null; now: Date }): Promise<Charity>;
  /** Renumbers the queue in this order (ids of queued charities). */
  reorder(orderedIds: readonly string[]): Promise<void>;
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

export interface ContributionRepository {
  create(input: { answerId: string; campaignId: string; requesterId: string; clientId: string; kind: ContributionKind; amountCents: number; at: Date }): Promise<Contribution>;
  findByAnswer(answerId: string): Promise<Contribution | null>;
  /** Counts rule-counted (not override) active contributions. */
  countCounted(campaignId: string, by: { requesterId?: string; clientId?: string }): Promise<number>;
  countedNormalizedComments(campaignId: string, requesterId: string): Promise<string[]>;
  reverse(contributionId: string, input: { at: Date; reason: string }): Promise<void>;
  /** A reversed contribution counted again (override after withdrawal is refused; this is for moderation approval). */
  reactivate(contributionId: string, input: { kind: ContributionKind; amountCents: number; at: Date }): Promise<void>;
  potCents(campaignId: string): Promise<number>;
  /** Amount and number of active contributions: the figures of a progress message. */
  pot(campaignId: string): Promise<{ amountCents: number; count: number }>;
}

export interface ModerationItemRecord {
  id: string;
  answerId: string;
  verdict: string;
  terms: string[];
  status: "pending" | "approved" | "rejected" | "closed";
  createdAt: Date;
}

export interface ModerationRepository {
  create(input: { answerId: string; verdict: string; terms: string[]; status: "pending" | "closed"; at: Date }): Promise<void>;
  countPending(): Promise<number>;
  /** The items waiting for management, oldest first. */
  pending(limit: number): Promise<ModerationItemRecord[]>;
  findById(id: string): Promise<ModerationItemRecord | null>;
  /** Conditional: only a pending item is resolved; false when someone resolved it first. */
  resolve(id: string, input: { status: "approved" | "rejected"; by: string; at: Date }): Promise<boolean>;
}

export interface AuditRecord {
  at: Date;
  actor: string;
  action: string;
  subject: string;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface AuditRepository {
  append(entry: { at: Date; actor: string; action: string; subject: string; reason?: string | null; details?: Record<string, unknown> }): Promise<void>;
  /** The latest entries, newest first. */
  latest(limit: number): Promise<AuditRecord[]>;
}

/** Scheduled-job leases: one instance runs a job at a time, whatever the number of processes. */
export interface JobLeaseRepository {
  /** Takes the lease until `until` unless another holder's lease still runs; only one caller wins. */
  acquire(name: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease back and records when the job last ran. */
  release(name: string, holder: string, lastRunAt: Date): Promise<void>;
  lastRunAt(name: string): Promise<Date | null>;
}

export interface ReminderCandidate {
  surveyId: string;
  status: SurveyStatus;
  deliveredAt: Date | null;
  remindedAt: Date | null;
  expiresAt: Date;
}

/** What the scheduled jobs read and change. */
export interface LifecycleRepository {
  /** Delivered, unanswered, never reminded surveys delivered at or before `deliveredBefore`. */
  reminderCandidates(deliveredBefore: Date, limit: number): Promise<ReminderCandidate[]>;
  /** Conditional: only the first caller marks the survey reminded. */
  markReminded(surveyId: string, at: Date): Promise<boolean>;
  /** Pending or delivered surveys past their expiry become expired; returns how many. */
  expireSurveys(now: Date): Promise<number>;
  /** Open campaigns whose quarter is over. */
  endedOpenCampaigns(now: Date): Promise<Campaign[]>;
  /** Campaigns that ended (or were closed) before `now` and have no payout yet. */
  unpaidEndedCampaigns(now: Date): Promise<Campaign[]>;
  /** Ratings of answers given in [from, to). */
  ratingsBetween(from: Date, to: Date): Promise<{ rating: number; ratingScale: number; moderation: string }[]>;
  /** Erases comment texts of answers given before `cutoff`; figures stay. Returns how many. */
  eraseCommentsBefore(cutoff: Date, at: Date): Promise<number>;
}

export interface PayoutRepository {
  /** `potCents`: what the campaign collected; `reason`: why the amount paid differs from it. */
  create(input: { campaignId: string; amountCents: number; potCents: number; reason: string | null; paidOn: Date; reference: string; recordedBy: string; now: Date }): Promise<void>;
}

export interface AnswerExportRow {
  campaign: string;
  answerId: string;
  answeredAt: Date;
  ticket: string;
  client: string | null;
  requesterEmail: string;
  technicianEmail: string;
  technicianName: string | null;
  rating: number;
  ratingScale: number;
  comment: string | null;
  shareConsent: boolean;
  moderation: string;
  outcome: string;
  withdrawn: boolean;
  erased: boolean;
  countedCents: number;
}

export interface ContributionExportRow {
  campaign: string;
  answerId: string;
  createdAt: Date;
  kind: string;
  amountCents: number;
  status: string;
  reversedReason: string | null;
  requesterEmail: string;
  client: string | null;
}

/** Management's exports and a person's own data (right of access, right to erasure). */
export interface ExportRepository {
  answerRows(campaignId: string | null): Promise<AnswerExportRow[]>;
  contributionRows(campaignId: string | null): Promise<ContributionExportRow[]>;
  /** Every answer the person gave, withdrawn ones included. */
  answersOf(personId: string): Promise<Answer[]>;
  /** Everything stored about one person, as plain data. */
  personRecord(personId: string): Promise<Record<string, unknown> | null>;
}

export interface OutboxRecord {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface OutboxRepository {
  enqueue(message: { kind: string; payload: Record<string, unknown>; availableAt: Date; dedupeKey?: string; now: Date }): Promise<{ id: string; created: boolean }>;
  /** Claims due messages for `leaseMs`; a message is never held by two workers at once. */
  claimDue(input: { worker: string; now: Date; limit: number; leaseMs: number }): Promise<OutboxRecord[]>;
  markSent(id: string, at: Date): Promise<void>;
  reschedule(id: string, input: { availableAt: Date; error: string }): Promise<void>;
  markDead(id: string, input: { at: Date; error: string }): Promise<void>;
  pendingCount(): Promise<number>;
}

/** Small key/value state: platform message references, the Teams progress channel… */
export interface SettingsRepository {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, now: Date): Promise<void>;
  delete(key: string): Promise<void>;
}

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
  leases: JobLeaseRepository;
  lifecycle: LifecycleRepository;
  payouts: PayoutRepository;
  exports: ExportRepository;
}

export interface Store extends Repositories {
  readonly provider: "sqlite" | "postgres";
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
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
