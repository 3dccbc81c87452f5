// Office hours in the campaign's time zone: reminders and management notices go out only then.
// Luxon applies the zone's rules, so a window keeps its local wall-clock times across DST changes.
import { DateTime } from "luxon";
import { isPublicHoliday, type HolidayCalendar } from "./holidays.js";

export interface TimeWindow {
  /** Minutes after local midnight, start inclusive, end exclusive. */
  start: number;
  end: number;
}

export interface BusinessHours {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  windows: readonly TimeWindow[];
  holidays: HolidayCalendar;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = Object.freeze({
  days: Object.freeze([1, 2, 3, 4, 5]),
  windows: Object.freeze([Object.freeze({ start: 9 * 60, end: 12 * 60 }), Object.freeze({ start: 14 * 60, end: 17 * 60 })]),
  holidays: "fr" as const,
});

/** Looking further than this for an open window means the settings allow none. */
const MAX_DAYS_AHEAD = 400;

function isWorkingDay(day: DateTime, hours: BusinessHours): boolean {
  return hours.days.includes(day.weekday) && !isPublicHoliday(hours.holidays, day.year, day.month, day.day);
}

function at(day: DateTime, minutes: number): DateTime {
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

export function isBusinessTime(instant: Date, zone: string, hours: BusinessHours): boolean {
  return nextBusinessInstant(instant, zone, hours).getTime() === instant.getTime();
}

/** The first instant at or after `instant` that falls inside business hours. */
export function nextBusinessInstant(instant: Date, zone: string, hours: BusinessHours): Date {
  const windows = [...hours.windows].sort((a, b) => a.start - b.start);
  const from = DateTime.fromJSDate(instant, { zone });
  if (!from.isValid) throw new RangeError(`invalid instant or time zone: ${zone}`);
  let day = from.startOf("day");
  for (let i = 0; i < MAX_DAYS_AHEAD; i++, day = day.plus({ days: 1 }).startOf("day")) {
    if (!isWorkingDay(day, hours)) continue;
    for (const w of windows) {
      const start = at(day, w.start);
      const end = at(day, w.end);
      if (from < end) return (from > start ? from : start).toJSDate();
    }
  }
  throw new RangeError("business hours allow no instant: check the business days and hours settings");
}

/** "09:00-12:00,14:00-17:00" → windows; null when the text is not such a list. */
export function parseWindows(text: string): TimeWindow[] | null {
  const windows: TimeWindow[] = [];
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!m) return null;
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (Number(m[2]) > 59 || Number(m[4]) > 59 || end > 24 * 60 || start >= end) return null;
    windows.push({ start, end });
  }
  return windows.length ? windows : null;
}

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export function parseWeekday(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^[1-7]$/.test(t)) return Number(t);
  const i = WEEKDAYS.indexOf(t.slice(0, 3));
  return i >= 0 && t.length >= 3 ? i + 1 : null;
}

/** "mon-fri", "1-5", "mon,wed,fri" → ISO weekdays; null when not understood. */
export function parseDays(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [a, b] = part.split("-");
    const first = parseWeekday(a ?? "");
    const last = b === undefined ? first : parseWeekday(b);
    if (first === null || last === null || last < first) return null;
    for (let d = first; d <= last; d++) days.add(d);
  }
  return days.size ? [...days].sort() : null;
}

/** "HH:MM" → minutes after midnight. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}
