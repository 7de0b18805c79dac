/**
 * Calendar arithmetic for deadlines. US business days are Monday to Friday in America/Los_Angeles,
 * excluding the federal holidays in the policy data; global days are plain calendar days (UTC).
 */
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export function addHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * HOUR_MS);
}

export function addCalendarDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

const laDate = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles", year: "numeric", month: "2-digit", day: "2-digit" });
const laWeekday = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", weekday: "short" });

/** The date in Los Angeles as YYYY-MM-DD. */
export function losAngelesDate(at: Date): string {
  return laDate.format(at);
}

export function isUsBusinessDay(at: Date, holidays: ReadonlySet<string>): boolean {
  const weekday = laWeekday.format(at);
  if (weekday === "Sat" || weekday === "Sun") return false;
  return !holidays.has(losAngelesDate(at));
}

/**
 * Adds `days` US business days: steps one day at a time and counts only the days that land on a
 * business day in Los Angeles, so a deadline never falls on a weekend or a holiday. The time of day
 * is kept in UTC (a DST change can move the local time by an hour; no deadline here is that precise).
 */
export function addUsBusinessDays(from: Date, days: number, holidays: ReadonlySet<string>): Date {
  let at = from;
  let counted = 0;
  while (counted < days) {
    at = addCalendarDays(at, 1);
    if (isUsBusinessDay(at, holidays)) counted += 1;
  }
  return at;
}
