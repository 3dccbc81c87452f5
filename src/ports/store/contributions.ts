// What counted answers add to the pot (and what a withdrawal or moderation takes back).
import type { Contribution, ContributionKind } from "../../core/model.js";

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
  /** Every contribution of the campaign (active or reversed), oldest first: the pot's curve over time. */
  timeline(campaignId: string): Promise<{ at: Date; amountCents: number; reversedAt: Date | null }[]>;
}
