// Public holidays on which no reminder is sent. Computed here (no data file, works offline):
// France's eleven public holidays, three of which move with Easter, plus the two extra days of
// Alsace-Moselle (Good Friday, St Stephen's Day) for offices there.
export type HolidayCalendar = "fr" | "fr-alsace-moselle" | "none";

export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = ["fr", "fr-alsace-moselle", "none"];

/** Easter Sunday (Gregorian), as [month 1–12, day]: the anonymous Gregorian algorithm. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

function shifted(year: number, [month, day]: [number, number], days: number): string {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return `${date.getUTCMonth() + 1}-${date.getUTCDate()}`;
}

const FIXED_FR = ["1-1", "5-1", "5-8", "7-14", "8-15", "11-1", "11-11", "12-25"];

/** Whether a local calendar date (month 1–12) is a public holiday in the calendar. */
export function isPublicHoliday(calendar: HolidayCalendar, year: number, month: number, day: number): boolean {
  if (calendar === "none") return false;
  const key = `${month}-${day}`;
  if (FIXED_FR.includes(key)) return true;
  const easter = easterSunday(year);
  // Easter Monday, Ascension Thursday, Whit Monday.
  const moving = [1, 39, 50].map((offset) => shifted(year, easter, offset));
  if (calendar === "fr-alsace-moselle") moving.push(shifted(year, easter, -2), "12-26");
  return moving.includes(key);
}
