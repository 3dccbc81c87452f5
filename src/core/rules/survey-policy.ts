// Rule 2: only closed incidents are surveyed, one survey per ticket, ever, and nobody rates their
// own team's work. Rule 12: a survey stays answerable long enough that answering is never limited
// within a campaign.
import { quarterOf } from "../campaign/quarter.js";

export const DEFAULT_SURVEYED_KINDS: readonly string[] = ["incident"];

export type NotSurveyedReason = "kind-not-surveyed" | "duplicate" | "self-rating" | "staff-requester" | "closed-too-long-ago";

export type SurveyDecision = { survey: true } | { survey: false; reason: NotSurveyedReason };

export interface SurveyFacts {
  kind: string;
  surveyedKinds: readonly string[];
  alreadyKnown: boolean;
  requesterEmail: string;
  technicianEmail: string;
  /** Management's addresses and the support team's own e-mail domains: their tickets are internal. */
  staff: { emails: readonly string[]; domains: readonly string[] };
  /** The local demo closes a ticket for the person trying it, who is requester and technician at once. */
  demo: boolean;
  /** The ticket closed so long ago that its survey's deadline (surveyExpiresAt) has already passed. */
  pastDeadline?: boolean;
}

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

export function decideSurvey(input: SurveyFacts): SurveyDecision {
  if (input.alreadyKnown) return { survey: false, reason: "duplicate" };
  const kind = input.kind.trim().toLowerCase();
  if (!input.surveyedKinds.some((k) => k.toLowerCase() === kind)) return { survey: false, reason: "kind-not-surveyed" };
  // A survey nobody could answer is not sent (a late delivery, a backfill, a trial with an old payload).
  if (input.pastDeadline) return { survey: false, reason: "closed-too-long-ago" };
  if (input.demo) return { survey: true };
  const requester = input.requesterEmail.trim().toLowerCase();
  if (requester === input.technicianEmail.trim().toLowerCase()) return { survey: false, reason: "self-rating" };
  if (input.staff.emails.includes(requester) || input.staff.domains.includes(domainOf(requester))) return { survey: false, reason: "staff-requester" };
  return { survey: true };
}

/** The règlement guarantees at least this long; CAGNOTTE_SURVEY_EXPIRY_DAYS may only lengthen it. */
export const MIN_SURVEY_DAYS = 90;
const DAY_MS = 86_400_000;

/** Until when a survey may be answered: `days` after its ticket closed, and never before the end of that ticket's campaign. */
export function surveyExpiresAt(closedAt: Date, opts: { days: number; timeZone: string }): Date {
  const byDays = closedAt.getTime() + Math.max(opts.days, MIN_SURVEY_DAYS) * DAY_MS;
  const endOfCampaign = quarterOf(closedAt, opts.timeZone).endsAt.getTime();
  return new Date(Math.max(byDays, endOfCampaign));
}
