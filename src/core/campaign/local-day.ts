// Calendar days in the campaign's time zone, for the day counts every status shows (days left in
// the campaign, days into it). Finding where a local day starts goes through Intl (luxon), which
// costs more than the rest of a status answer; the days asked about are nearly always the same few
// (today, the campaign's first and last day), so the last days found are kept per zone and an
// instant inside one of them is answered without Intl. A day is [start, end): 23 or 25 hours long
// across a daylight-saving change, and starting at 01:00 where midnight is skipped.
import { DateTime } from "luxon";

export interface LocalDay {
  /** First instant of the day (ms since the epoch). */
  start: number;
  /** First instant of the next day (ms). */
  end: number;
}

const KEPT_PER_ZONE = 8;
const recent = new Map<string, LocalDay[]>();

/** The local calendar day of `instant` in `zone`. */
export function localDay(instant: Date | number, zone: string): LocalDay {
  const t = typeof instant === "number" ? instant : instant.getTime();
  let days = recent.get(zone);
  if (days) for (const d of days) if (t >= d.start && t < d.end) return d;
  const local = DateTime.fromMillis(t, { zone });
  if (!local.isValid) throw new RangeError(`invalid instant or time zone: ${zone}`);
  const start = local.startOf("day");
  // Frozen: the same object answers every later call for an instant of that day.
  const day: LocalDay = Object.freeze({ start: start.toMillis(), end: start.plus({ days: 1 }).startOf("day").toMillis() });
  if (!days) {
    if (recent.size >= 32) recent.clear();
    recent.set(zone, (days = []));
  }
  days.unshift(day);
  if (days.length > KEPT_PER_ZONE) days.pop();
  return day;
}

/** Whole calendar days from the local day of `from` to the local day of `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: Date | number, to: Date | number, zone: string): number {
  // Two local midnights are a whole number of days apart give or take a daylight-saving hour.
  return Math.round((localDay(to, zone).start - localDay(from, zone).start) / 86_400_000);
}
