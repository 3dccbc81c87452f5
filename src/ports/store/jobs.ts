// What the scheduled jobs read and change, and the leases that let one instance run each job.
import type { Campaign, SurveyStatus } from "../../core/model.js";

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
