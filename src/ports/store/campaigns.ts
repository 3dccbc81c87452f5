// Quarterly campaigns, the charities they support and the payouts made to them.
import type { Campaign, Charity } from "../../core/model.js";
import type { CampaignFigures } from "../../core/status/status-report.js";
import type { CampaignHistoryLine } from "../../core/views.js";

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

export interface PayoutRepository {
  /** `potCents`: what the campaign collected; `reason`: why the amount paid differs from it. */
  create(input: { campaignId: string; amountCents: number; potCents: number; reason: string | null; paidOn: Date; reference: string; recordedBy: string; now: Date }): Promise<void>;
}
