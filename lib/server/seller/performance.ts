import "server-only";
import type { Message } from "@/lib/i18n/message";
import {
  PERFORMANCE_WINDOWS,
  RATE_METRICS,
  REQUEST_KINDS,
  median,
  rateStatus,
  reasonLabel,
  type PerformanceDay,
  type PerformanceWindow,
  type RateMetric,
  type RateStatus,
  type RequestKind,
} from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { readSql } from "../sqlite/read-sql";
import { performanceFacts, shopOf, type DayCounts, type PerformanceFacts } from "./performance-facts";

/**
 * A shop's figures for the last 7 and 30 days and the daily trend (issue 16, point 3), from the
 * facts performance-facts.ts counts in SQL. Statuses against the platform's thresholds come from
 * lib/order/performance.ts.
 */

export interface RateFigure {
  metric: RateMetric;
  numerator: number;
  denominator: number;
  status: RateStatus;
}

export interface ResponseFigure {
  kind: RequestKind;
  answered: number;
  /** The median time from the request to the seller's answer, in ms (null: none answered). */
  medianMs: number | null;
  /** Approved by the platform because the seller did not answer in time: not in the median. */
  silence: number;
  /** Approved as they were made by the shop's auto-approve rule: not in the median either. */
  byRule: number;
}

export interface WindowFigures {
  days: PerformanceWindow;
  from: string;
  to: string;
  rates: RateFigure[];
  responses: ResponseFigure[];
  delivered: number;
  /** Refund and return requests opened, by reason, most first. */
  returnsByReason: { reasonKey: string; label: Message; count: number }[];
  disputes: { won: number; lost: number; overturned: number };
  refundsByCause: { cause: string; count: number; amountMinor: number }[];
}

export interface DailyPoint {
  day: string;
  sfcr: number | null;
  ldr: number | null;
  paid: number;
  sellerFaultCancels: number;
  pickedUp: number;
  late: number;
  /** The day's median response to any request, in hours (null: none answered that day). */
  medianResponseHours: number | null;
  silence: number;
  returnsOpened: number;
  refundedMinor: number;
}

export interface SellerPerformance {
  currency: string;
  windows: WindowFigures[];
  daily: DailyPoint[];
}

const inDays = (at: Date, days: PerformanceDay[]) => at.getTime() >= days[0]!.start.getTime() && at.getTime() < days.at(-1)!.end.getTime();

/** Which of the days `at` falls on (a binary search over their starts), or -1 outside them. */
function dayIndex(at: Date, days: PerformanceDay[]): number {
  const t = at.getTime();
  if (!inDays(at, days)) return -1;
  let low = 0;
  let high = days.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (days[middle]!.start.getTime() <= t) low = middle;
    else high = middle - 1;
  }
  return low;
}

function windowFigures(facts: PerformanceFacts, size: PerformanceWindow): WindowFigures {
  const days = facts.days.slice(-size);
  const counts = facts.counts.slice(-size);
  const sum = (key: keyof Omit<DayCounts, "day">) => counts.reduce((total, day) => total + day[key], 0);
  const rates: RateFigure[] = RATE_METRICS.map((metric) => {
    const [numerator, denominator] = metric.key === "sfcr" ? [sum("sellerFaultCancels"), sum("paid")] : [sum("late"), sum("pickedUp")];
    return { metric, numerator, denominator, status: rateStatus(metric, numerator, denominator) };
  });
  const answered = facts.answered.filter((row) => inDays(row.answeredAt, days));
  const responses = REQUEST_KINDS.map((kind) => {
    const mine = answered.filter((row) => row.kind === kind);
    const bySeller = mine.filter((row) => row.by === "SELLER");
    return {
      kind,
      answered: bySeller.length,
      medianMs: median(bySeller.map((row) => row.answeredAt.getTime() - row.askedAt.getTime())),
      silence: mine.filter((row) => row.by === "SILENCE").length,
      byRule: mine.filter((row) => row.by === "RULE").length,
    };
  });
  const byReason = new Map<string, number>();
  for (const row of facts.cases) if (inDays(row.at, days)) byReason.set(row.reasonKey, (byReason.get(row.reasonKey) ?? 0) + 1);
  const disputes = facts.disputes.filter((row) => inDays(row.at, days));
  const byCause = new Map<string, { count: number; amountMinor: number }>();
  for (const row of facts.refunds) {
    if (!inDays(row.at, days)) continue;
    const entry = byCause.get(row.cause) ?? { count: 0, amountMinor: 0 };
    byCause.set(row.cause, { count: entry.count + 1, amountMinor: entry.amountMinor + row.amountMinor });
  }
  return {
    days: size,
    from: days[0]!.day,
    to: days.at(-1)!.day,
    rates,
    responses,
    delivered: sum("delivered"),
    returnsByReason: [...byReason].map(([reasonKey, count]) => ({ reasonKey, label: reasonLabel(reasonKey), count })).sort((a, b) => b.count - a.count || a.reasonKey.localeCompare(b.reasonKey)),
    disputes: { won: disputes.filter((row) => row.won).length, lost: disputes.filter((row) => !row.won).length, overturned: disputes.filter((row) => row.overturned).length },
    refundsByCause: [...byCause].map(([cause, entry]) => ({ cause, ...entry })).sort((a, b) => b.amountMinor - a.amountMinor || a.cause.localeCompare(b.cause)),
  };
}

function daily(facts: PerformanceFacts): DailyPoint[] {
  const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
  // One pass over each kind of row, each put on its day.
  const answerTimes = facts.days.map((): number[] => []);
  const silence = facts.days.map(() => 0);
  const opened = facts.days.map(() => 0);
  const refunded = facts.days.map(() => 0);
  for (const row of facts.answered) {
    const i = dayIndex(row.answeredAt, facts.days);
    if (i < 0) continue;
    if (row.by === "SELLER") answerTimes[i]!.push(row.answeredAt.getTime() - row.askedAt.getTime());
    else if (row.by === "SILENCE") silence[i]! += 1;
  }
  for (const row of facts.cases) {
    const i = dayIndex(row.at, facts.days);
    if (i >= 0) opened[i]! += 1;
  }
  for (const row of facts.refunds) {
    const i = dayIndex(row.at, facts.days);
    if (i >= 0) refunded[i]! += row.amountMinor;
  }
  return facts.counts.map((counts, i) => {
    const middle = median(answerTimes[i]!);
    return {
      ...counts,
      sfcr: ratio(counts.sellerFaultCancels, counts.paid),
      ldr: ratio(counts.late, counts.pickedUp),
      medianResponseHours: middle === null ? null : Math.round(middle / 360_000) / 10,
      silence: silence[i]!,
      returnsOpened: opened[i]!,
      refundedMinor: refunded[i]!,
    };
  });
}

/** The shop's figures for the last 7 and 30 days of the app clock, and the daily trend; null for anyone but a seller of a shop. */
export async function sellerPerformance(user: SessionUser, now: Date): Promise<SellerPerformance | null> {
  // One snapshot on the page reads' connection: every figure counted from the same state.
  const read = readSql((sql) => {
    const shop = shopOf(sql, user);
    return shop ? { shop, facts: performanceFacts(sql, shop, now) } : null;
  });
  if (!read) return null;
  const { shop, facts } = read;
  return { currency: shop.currency, windows: PERFORMANCE_WINDOWS.map((size) => windowFigures(facts, size)), daily: daily(facts) };
}

