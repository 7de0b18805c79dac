/**
 * Policy profiles as data: every timing rule the machine uses, for the US marketplace (default) and
 * the global profile described by the seed article. Sources: shared/reference/platform-rules.md.
 */
import { addCalendarDays, addHours, addUsBusinessDays } from "./calendar";
import type { PaymentMethod } from "./model";

export type Duration = { hours: number } | { days: number } | { businessDays: number };

export const POLICY_KEYS = ["US", "GLOBAL"] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

export const AUTO_APPROVE_WINDOWS = ["OFF", "H1", "H3", "H5", "UNTIL_ARRANGED"] as const;
export type AutoApproveWindow = (typeof AUTO_APPROVE_WINDOWS)[number];

export interface Policy {
  key: PolicyKey;
  label: string;
  /** How "business days" are counted: US business days in Los Angeles, or plain calendar days. */
  businessCalendar: "US" | "CALENDAR";
  paymentWindow: Duration;
  remorseWindow: Duration;
  cancelRequestAnswer: Duration;
  dispatchDeadline: Duration;
  dispatchAutoCancel: Duration;
  /** When a refund reaches the buyer, by the original payment method. */
  refundArrival: Record<PaymentMethod, Duration>;
  refundOverdueAfter: Duration;
  /** US federal holidays (YYYY-MM-DD, observed dates); not business days. */
  holidays: ReadonlySet<string>;
}

const US_FEDERAL_HOLIDAYS = new Set([
  // 2025
  "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04",
  "2025-09-01", "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25",
  // 2026
  "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
  "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
  // 2027
  "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
  "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31",
]);

export const POLICIES: Record<PolicyKey, Policy> = {
  US: {
    key: "US",
    label: "US marketplace",
    businessCalendar: "US",
    paymentWindow: { hours: 48 },
    remorseWindow: { hours: 1 },
    cancelRequestAnswer: { hours: 24 },
    dispatchDeadline: { businessDays: 2 },
    dispatchAutoCancel: { businessDays: 7 },
    refundArrival: { WALLET: { hours: 0 }, PAYPAL: { days: 3 }, CARD: { businessDays: 5 } },
    refundOverdueAfter: { businessDays: 3 },
    holidays: US_FEDERAL_HOLIDAYS,
  },
  GLOBAL: {
    key: "GLOBAL",
    label: "Global (seed article)",
    businessCalendar: "CALENDAR",
    paymentWindow: { hours: 24 },
    remorseWindow: { hours: 1 },
    cancelRequestAnswer: { hours: 48 },
    dispatchDeadline: { days: 2 },
    dispatchAutoCancel: { days: 7 },
    refundArrival: { WALLET: { hours: 0 }, PAYPAL: { days: 3 }, CARD: { businessDays: 5 } },
    refundOverdueAfter: { days: 3 },
    holidays: new Set(),
  },
};

export function isPolicyKey(value: string): value is PolicyKey {
  return (POLICY_KEYS as readonly string[]).includes(value);
}

export function policyFor(key: string): Policy {
  return isPolicyKey(key) ? POLICIES[key] : POLICIES.US;
}

/** The moment `duration` after `from`, counted on the policy's calendar. */
export function addDuration(from: Date, duration: Duration, policy: Policy): Date {
  if ("hours" in duration) return addHours(from, duration.hours);
  if ("days" in duration) return addCalendarDays(from, duration.days);
  return policy.businessCalendar === "US"
    ? addUsBusinessDays(from, duration.businessDays, policy.holidays)
    : addCalendarDays(from, duration.businessDays);
}
