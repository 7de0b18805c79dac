/**
 * Seller performance (DOMAIN "Seller performance", issue 16): the metrics a shop is measured by, their
 * targets and statuses, and the calendar days they are counted over. Pure: the figures themselves are
 * counted in SQL by lib/server/seller/performance.ts.
 *
 * Windows are the last 7 and 30 calendar days of the app clock, today included, in the shop's profile
 * time zone (Los Angeles for the US, UTC for global), so that a day in the trend chart is the day a
 * seller would name and the 7-day figure is the sum of its 7 days (docs/decisions/016).
 */
import { labelsOf, type Message, m } from "../i18n/message";
import { addDays, losAngelesDate, losAngelesTime, utcDate, type CalendarDate } from "./calendar";
import type { PolicyKey } from "./policy";

export const PERFORMANCE_WINDOWS = [7, 30] as const;
export type PerformanceWindow = (typeof PERFORMANCE_WINDOWS)[number];

export type RateStatus = "MEETS" | "AT_RISK" | "VIOLATION" | "NO_DATA";

export const RATE_STATUS_LABELS: Record<RateStatus, Message> = labelsOf("engine.rateStatus", ["MEETS", "AT_RISK", "VIOLATION", "NO_DATA"]);

export interface RateMetric {
  key: "sfcr" | "ldr";
  label: Message;
  /** What is divided by what, for people. */
  definition: Message;
  /** At or below: meets the target. */
  target: number;
  /** Above: the platform enforces (lower visibility, order limits). Between target and this: at risk. */
  enforcement: number;
}

/** The platform's published thresholds (reference/platform-rules.md §4: SFCR ≤ 2.5% required; LDR ≤ 4% recommended, enforcement above 10%). */
export const RATE_METRICS: readonly RateMetric[] = [
  {
    key: "sfcr",
    label: m("engine.performance.sfcr.label"),
    definition: m("engine.performance.sfcr.definition"),
    target: 0.025,
    // US: 2.5% is a requirement, not a recommendation — above it is a violation, with no "at risk"
    // band (issue 27, R10); the band up to 10% is late dispatch's.
    enforcement: 0.025,
  },
  {
    key: "ldr",
    label: m("engine.performance.ldr.label"),
    definition: m("engine.performance.ldr.definition"),
    target: 0.04,
    enforcement: 0.1,
  },
];

export function rateMetric(key: RateMetric["key"]): RateMetric {
  return RATE_METRICS.find((metric) => metric.key === key)!;
}

/** A rate's status against its metric's thresholds; nothing to divide by is "no data", not 0%. */
export function rateStatus(metric: RateMetric, numerator: number, denominator: number): RateStatus {
  if (denominator === 0) return "NO_DATA";
  // Compared in integers (numerator × 1000 against target × 1000 × denominator), so 1 in 40 is exactly 2.5%.
  const perMille = numerator * 1000;
  if (perMille <= Math.round(metric.target * 1000) * denominator) return "MEETS";
  if (perMille <= Math.round(metric.enforcement * 1000) * denominator) return "AT_RISK";
  return "VIOLATION";
}

/** A rate as people read it: "2.5%", "0%", or "—" when there is nothing to divide by. */
export function formatRate(numerator: number, denominator: number): string {
  if (denominator === 0) return "—";
  const percent = (numerator * 100) / denominator;
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}

/** A calendar day of the shop's time zone, as the instants it starts and ends at. */
export interface PerformanceDay {
  day: CalendarDate;
  start: Date;
  end: Date;
}

function startOfDay(date: CalendarDate, profile: PolicyKey): Date {
  if (profile === "US") return losAngelesTime(date, 0, 0);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** The last `count` calendar days up to and including today (app time), oldest first. */
export function performanceDays(now: Date, profile: PolicyKey, count: number = 30): PerformanceDay[] {
  const today = profile === "US" ? losAngelesDate(now) : utcDate(now);
  return Array.from({ length: count }, (_, i) => {
    const day = addDays(today, i - count + 1);
    return { day, start: startOfDay(day, profile), end: startOfDay(addDays(day, 1), profile) };
  });
}

/** The median of some durations (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/** The kinds of request whose answers are timed: cancel requests, refund-only and return-and-refund requests. */
export const REQUEST_KINDS = ["CANCEL", "REFUND", "RETURN"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABELS: Record<RequestKind, Message> = labelsOf("engine.requestKind", ["CANCEL", "REFUND", "RETURN"]);
