// Calendar quarters in the campaign's time zone. A campaign is one quarter; the time of a comment
// decides its campaign, so every instant must map to exactly one quarter even across New Year and
// daylight-saving changes. Luxon carries the IANA zone rules (Intl): where a local day or quarter
// starts is always asked of it (local-day.ts keeps the answers), never computed from an offset.
import { DateTime } from "luxon";
import { calendarDaysBetween, localDay } from "./local-day.js";

export interface QuarterRef {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First instant of the quarter (inclusive), 00:00 local time on its first day. */
  startsAt: Date;
  /** First instant of the next quarter (exclusive). */
  endsAt: Date;
}

/** The last quarter found, per zone: most instants asked about fall in the current quarter. */
const lastFound = new Map<string, QuarterRef>();

export function quarterOf(instant: Date, zone: string): QuarterRef {
  const t = instant.getTime();
  const last = lastFound.get(zone);
  if (last && t >= last.startsAt.getTime() && t < last.endsAt.getTime()) return { ...last, startsAt: new Date(last.startsAt), endsAt: new Date(last.endsAt) };
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new RangeError(`invalid instant or time zone: ${zone}`);
  const found = quarterStarting(local.year, local.quarter, zone);
  if (lastFound.size > 16) lastFound.clear();
  lastFound.set(zone, { ...found, startsAt: new Date(found.startsAt), endsAt: new Date(found.endsAt) });
  return found;
}

export function quarterStarting(year: number, quarter: number, zone: string): QuarterRef {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`quarter must be 1–4, got ${quarter}`);
  const start = DateTime.fromObject({ year, month: (quarter - 1) * 3 + 1, day: 1 }, { zone });
  if (!start.isValid) throw new RangeError(`invalid time zone: ${zone}`);
  return {
    year,
    quarter: quarter as QuarterRef["quarter"],
    startsAt: start.toJSDate(),
    endsAt: start.plus({ months: 3 }).toJSDate(),
  };
}

export function nextQuarter(ref: Pick<QuarterRef, "year" | "quarter">, zone: string): QuarterRef {
  return ref.quarter === 4 ? quarterStarting(ref.year + 1, 1, zone) : quarterStarting(ref.year, ref.quarter + 1, zone);
}

export function previousQuarter(ref: Pick<QuarterRef, "year" | "quarter">, zone: string): QuarterRef {
  return ref.quarter === 1 ? quarterStarting(ref.year - 1, 4, zone) : quarterStarting(ref.year, ref.quarter - 1, zone);
}

/** "2026-Q4": the stable label used in commands, exports and logs. */
export function quarterLabel(ref: { year: number; quarter: number }): string {
  return `${ref.year}-Q${ref.quarter}`;
}

export function parseQuarterLabel(label: string): { year: number; quarter: 1 | 2 | 3 | 4 } | null {
  const match = /^(\d{4})-?Q([1-4])$/i.exec(label.trim());
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as 1 | 2 | 3 | 4 };
}

/** Whole days left before the quarter ends, counted in local calendar days (0 on the last day). */
export function daysLeft(ref: Pick<QuarterRef, "endsAt">, now: Date, zone: string): number {
  // The last day is the one before the day `endsAt` falls on.
  const lastDay = localDay(ref.endsAt, zone).start - 1;
  return Math.max(0, calendarDaysBetween(now, lastDay, zone));
}
