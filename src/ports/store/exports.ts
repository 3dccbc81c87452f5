// Management's exports and a person's own data.
import type { Answer } from "../../core/model.js";

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
