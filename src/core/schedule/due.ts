// When each scheduled thing is due, computed from stored facts and `now` only: a job that did not
// run (bot down, two instances) finds the same answer at its next run, so nothing is lost or doubled.
import { DateTime } from "luxon";
import { isBusinessTime, nextBusinessInstant, type BusinessHours } from "./business-hours.js";

const HOUR_MS = 3_600_000;

export interface ReminderFacts {
  status: string;
  deliveredAt: Date | null;
  remindedAt: Date | null;
  expiresAt: Date;
}

/** The instant a survey's one reminder may go out: the delay after delivery, moved into business hours. */
export function reminderSendAt(deliveredAt: Date, delayHours: number, zone: string, hours: BusinessHours): Date {
  return nextBusinessInstant(new Date(deliveredAt.getTime() + delayHours * HOUR_MS), zone, hours);
}

/** One reminder per unanswered, delivered survey, sent only inside business hours and before expiry. */
export function isReminderDue(s: ReminderFacts, now: Date, policy: { delayHours: number; zone: string; hours: BusinessHours }): boolean {
  if (s.status !== "delivered" || s.deliveredAt === null || s.remindedAt !== null || s.expiresAt <= now) return false;
  return now >= reminderSendAt(s.deliveredAt, policy.delayHours, policy.zone, policy.hours) && isBusinessTime(now, policy.zone, policy.hours);
}

/**
 * Rule 10: management is reminded in the month after a campaign ends, then every month until the
 * payout is recorded. Reminder n (0, 1, 2…) is due n months after the end, in business hours.
 * Returns the latest reminder due now, or null (before the end, or outside business hours).
 */
export function duePayoutReminder(endsAt: Date, now: Date, zone: string, hours: BusinessHours): { index: number; dueAt: Date } | null {
  if (now < endsAt || !isBusinessTime(now, zone, hours)) return null;
  const end = DateTime.fromJSDate(endsAt, { zone });
  const months = Math.floor(DateTime.fromJSDate(now, { zone }).diff(end, "months").months);
  for (let index = Math.max(0, months); index >= 0; index--) {
    const dueAt = nextBusinessInstant(end.plus({ months: index }).toJSDate(), zone, hours);
    if (dueAt <= now) return { index, dueAt };
  }
  return null;
}

/** The latest weekly digest slot at or before `now` (its local date is the digest's key). */
export function latestDigestSlot(now: Date, zone: string, digest: { weekday: number; minutes: number }): { key: string; at: Date } {
  const local = DateTime.fromJSDate(now, { zone });
  let slot = local.set({ weekday: digest.weekday as 1, hour: Math.floor(digest.minutes / 60), minute: digest.minutes % 60, second: 0, millisecond: 0 });
  if (slot > local) slot = slot.minus({ weeks: 1 });
  return { key: slot.toISODate() ?? slot.toString(), at: slot.toJSDate() };
}

/** Answers given before this instant have their comment text erased (rule: retention). */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 24 * HOUR_MS);
}
