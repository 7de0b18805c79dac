/**
 * Calendar arithmetic for deadlines. US business days are Monday to Friday on America/Los_Angeles
 * calendar dates, excluding US federal holidays (computed from their rules for any year); global days
 * are plain calendar days in UTC. Days are counted on dates, never by adding 24-hour steps, so a
 * daylight-saving change cannot move a deadline's date (docs/rules.md#deadlines).
 */
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A calendar date as YYYY-MM-DD. */
export type CalendarDate = string;

/** Which days are holidays (observed dates). */
export interface HolidayCalendar {
  has(date: CalendarDate): boolean;
}

export function addHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * HOUR_MS);
}

export function addCalendarDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

const laParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The wall clock in Los Angeles at `at`, as the UTC instant that shows the same digits. */
function laWallClockMs(at: Date): number {
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(laParts.formatToParts(at).find((p) => p.type === type)!.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"), at.getUTCMilliseconds());
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dateOfUtcMs = (ms: number): CalendarDate => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const utcMsOfDate = (date: CalendarDate): number => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

/** The date in Los Angeles as YYYY-MM-DD. */
export function losAngelesDate(at: Date): CalendarDate {
  return dateOfUtcMs(laWallClockMs(at));
}

/** The date in UTC as YYYY-MM-DD. */
export function utcDate(at: Date): CalendarDate {
  return dateOfUtcMs(at.getTime());
}

/** `date` plus `days` calendar days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return dateOfUtcMs(utcMsOfDate(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(utcMsOfDate(date)).getUTCDay();
}

/**
 * The instant at which Los Angeles clocks show `time` (hours, minutes, seconds, ms) on `date`. A time
 * the autumn change shows twice is the first one; a time the spring change skips (02:30) is read with
 * the offset before the change, so it lands an hour later (03:30), as clocks do.
 */
export function losAngelesTime(date: CalendarDate, hours: number, minutes = 0, seconds = 0, ms = 0): Date {
  const wall = utcMsOfDate(date) + ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
  const offsetAt = (instant: number) => laWallClockMs(new Date(instant)) - instant;
  const before = wall - offsetAt(wall - DAY_MS);
  const after = wall - offsetAt(wall + DAY_MS);
  const valid = [before, after].filter((instant) => laWallClockMs(new Date(instant)) === wall).sort((a, b) => a - b);
  return new Date(valid[0] ?? before);
}

/** The nth (1-based) given weekday of a month, or the last one when n is -1. */
function nthWeekday(year: number, month: number, weekday: number, n: number): CalendarDate {
  if (n > 0) {
    const first = weekdayOf(`${pad(year, 4)}-${pad(month)}-01`);
    return `${pad(year, 4)}-${pad(month)}-${pad(1 + ((weekday - first + 7) % 7) + (n - 1) * 7)}`;
  }
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lastWeekday = weekdayOf(`${pad(year, 4)}-${pad(month)}-${pad(last)}`);
  return `${pad(year, 4)}-${pad(month)}-${pad(last - ((lastWeekday - weekday + 7) % 7))}`;
}

/** A fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after. */
function observed(date: CalendarDate): CalendarDate {
  const weekday = weekdayOf(date);
  return weekday === 6 ? addDays(date, -1) : weekday === 0 ? addDays(date, 1) : date;
}

/**
 * The observed US federal holidays that fall in `year` (5 U.S.C. 6103): fixed dates with weekend
 * observance, and the nth or last weekday of a month. New Year's Day of the next year can be observed
 * on 31 December.
 */
export function usFederalHolidays(year: number): CalendarDate[] {
  const fixed = (y: number, month: number, day: number) => observed(`${pad(y, 4)}-${pad(month)}-${pad(day)}`);
  const MONDAY = 1;
  const THURSDAY = 4;
  return [
    fixed(year, 1, 1),
    nthWeekday(year, 1, MONDAY, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 2, MONDAY, 3), // Washington's Birthday
    nthWeekday(year, 5, MONDAY, -1), // Memorial Day
    fixed(year, 6, 19), // Juneteenth
    fixed(year, 7, 4),
    nthWeekday(year, 9, MONDAY, 1), // Labor Day
    nthWeekday(year, 10, MONDAY, 2), // Columbus Day
    fixed(year, 11, 11), // Veterans Day
    nthWeekday(year, 11, THURSDAY, 4), // Thanksgiving Day
    fixed(year, 12, 25),
    fixed(year + 1, 1, 1),
  ].filter((date) => date.startsWith(`${pad(year, 4)}-`));
}

const holidayYears = new Map<number, ReadonlySet<CalendarDate>>();

/** US federal holidays for every year, computed once per year asked. */
export const US_FEDERAL_HOLIDAYS: HolidayCalendar = {
  has(date) {
    const year = Number(date.slice(0, 4));
    let dates = holidayYears.get(year);
    if (!dates) holidayYears.set(year, (dates = new Set(usFederalHolidays(year))));
    return dates.has(date);
  },
};

export const NO_HOLIDAYS: HolidayCalendar = { has: () => false };

export function isUsBusinessDate(date: CalendarDate, holidays: HolidayCalendar): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The `days`-th US business date after `date` (not counting `date` itself). */
export function addUsBusinessDates(date: CalendarDate, days: number, holidays: HolidayCalendar): CalendarDate {
  let at = date;
  let counted = 0;
  while (counted < days) {
    at = addDays(at, 1);
    if (isUsBusinessDate(at, holidays)) counted += 1;
  }
  return at;
}

/**
 * Adds `days` US business days to an instant: counted on Los Angeles dates, at the same Los Angeles
 * time of day (so 23:30 on a Friday before the March change is 23:30 on the Tuesday after it).
 */
export function addUsBusinessDays(from: Date, days: number, holidays: HolidayCalendar): Date {
  const wall = laWallClockMs(from);
  const date = dateOfUtcMs(wall);
  const timeOfDay = wall - utcMsOfDate(date);
  return losAngelesTime(addUsBusinessDates(date, days, holidays), 0, 0, 0, timeOfDay);
}
