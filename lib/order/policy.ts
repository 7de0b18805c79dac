/**
 * Policy profiles as data: every timing rule the machine uses, for the US marketplace (default) and
 * the global profile described by the seed article. Sources: shared/reference/platform-rules.md.
 */
import { at, cutoff, labelsOf, m, type AtParam, type CutoffParam, type Message } from "../i18n/message";
import {
  NO_HOLIDAYS,
  US_FEDERAL_HOLIDAYS,
  addCalendarDays,
  addDays,
  addHours,
  addUsBusinessDates,
  addUsBusinessDays,
  losAngelesDate,
  losAngelesTime,
  utcDate,
  type CalendarDate,
  type HolidayCalendar,
} from "./calendar";
import type { ReturnMethod } from "./limits";
import type { PaymentMethod } from "./model";

export type Duration = { hours: number } | { days: number } | { businessDays: number };

export const POLICY_KEYS = ["US", "GLOBAL"] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/**
 * The shop's auto-approve window: for how long after the order enters AWAITING_SHIPMENT a buyer's
 * cancel is still instant. "UNTIL_ARRANGED" lasts until the seller arranges shipment.
 */
export const AUTO_APPROVE_WINDOWS = ["OFF", "H1", "H3", "H5", "UNTIL_ARRANGED"] as const;
export type AutoApproveWindow = (typeof AUTO_APPROVE_WINDOWS)[number];

export const AUTO_APPROVE_WINDOW_HOURS: Record<AutoApproveWindow, number> = { OFF: 0, H1: 1, H3: 3, H5: 5, UNTIL_ARRANGED: Number.POSITIVE_INFINITY };

export const AUTO_APPROVE_WINDOW_LABELS: Record<AutoApproveWindow, Message> = labelsOf("engine.autoApproveWindow", ["OFF", "H1", "H3", "H5", "UNTIL_ARRANGED"]);

export function isAutoApproveWindow(value: string): value is AutoApproveWindow {
  return (AUTO_APPROVE_WINDOWS as readonly string[]).includes(value);
}

export interface Policy {
  key: PolicyKey;
  label: Message;
  /** How "business days" are counted: US business days in Los Angeles, or plain calendar days. */
  businessCalendar: "US" | "CALENDAR";
  paymentWindow: Duration;
  remorseWindow: Duration;
  cancelRequestAnswer: Duration;
  /** Whether a buyer may still request a cancel once shipment is arranged (global: yes; US: no, a refund request instead). */
  cancelRequestInAwaitingCollection: boolean;
  /** Whether the seller may still cancel once shipment is arranged (US: yes, before the carrier's pickup; global: no). */
  sellerCancelInAwaitingCollection: boolean;
  /** Which event auto-rejects a pending cancel request: the seller arranging shipment (US) or the carrier's pickup (global). */
  cancelRequestAutoRejectedAt: "ARRANGE_SHIPMENT" | "CARRIER_PICKUP";
  dispatchDeadline: Duration;
  dispatchAutoCancel: Duration;
  /** Simulated: how long after arranging the carrier scans the parcel. */
  carrierPickup: Duration;
  /** Reminders go to whoever must act, this long before their deadline. */
  reminderLead: Duration;
  /** Simulated: how long the carrier takes from pickup to delivery. */
  delivery: Duration;
  /** The estimated delivery date shown to the buyer: 23:59 on this day after the order date ("won't arrive on time" opens after it). */
  estimatedDelivery: Duration;
  /** A parcel with no scan for this long after its last one is lost: the order is cancelled "lost in transit". */
  lostParcelAfter: Duration;
  /** Simulated: how far past the estimated delivery date a delayed parcel arrives. */
  parcelDelay: Duration;
  /** After delivery, how long the buyer may ask for a refund or a return; then the order completes. */
  returnWindow: Duration;
  /** US Buyer Protection: how long after delivery damaged, defective and missing-parts claims stay open, also after the order completed (null: no such protection). */
  buyerProtection: Duration | null;
  /** Whether the buyer may ask for a refund before delivery ("won't arrive on time"). */
  preDeliveryRefund: boolean;
  sellerReview: Duration;
  offerAnswer: Duration;
  shipBack: Duration;
  /** Simulated: how long a returned or refused parcel takes to reach the seller. */
  returnTransit: Duration;
  inspection: Duration;
  disputeFiling: Duration;
  /** The simulated price of a return label. */
  returnPostageMinor: number;
  /** How a return may travel: US a prepaid label (default) or self-arranged; global self-arranged only. */
  returnMethods: readonly ReturnMethod[];
  /** Who pays a prepaid label for a change of mind (seller-fault returns: the seller; refusals: the buyer). */
  changeOfMindPostage: "BUYER" | "PLATFORM";
  /** Support's target for deciding a dispute (shown, no timer). */
  supportDecision: Duration;
  /** The answer target support gives a party it asks for more information (shown, no timer). */
  infoAnswer: Duration;
  appealWindow: Duration;
  /** When a refund reaches the buyer, by the original payment method. */
  refundArrival: Record<PaymentMethod, Duration>;
  refundOverdueAfter: Duration;
  /** US federal holidays (observed dates, computed for any year); not business days. */
  holidays: HolidayCalendar;
}


export const POLICIES: Record<PolicyKey, Policy> = {
  US: {
    key: "US",
    label: m("engine.policy.US"),
    businessCalendar: "US",
    paymentWindow: { hours: 48 },
    remorseWindow: { hours: 1 },
    cancelRequestAnswer: { hours: 24 },
    cancelRequestInAwaitingCollection: false,
    sellerCancelInAwaitingCollection: true,
    cancelRequestAutoRejectedAt: "ARRANGE_SHIPMENT",
    dispatchDeadline: { businessDays: 2 },
    dispatchAutoCancel: { businessDays: 7 },
    carrierPickup: { hours: 4 },
    reminderLead: { hours: 2 },
    delivery: { days: 3 },
    estimatedDelivery: { businessDays: 6 },
    lostParcelAfter: { days: 7 },
    parcelDelay: { days: 5 },
    returnWindow: { days: 30 },
    preDeliveryRefund: true,
    buyerProtection: { days: 90 },
    sellerReview: { hours: 48 },
    offerAnswer: { hours: 24 },
    shipBack: { days: 14 },
    returnTransit: { days: 3 },
    inspection: { hours: 48 },
    disputeFiling: { hours: 48 },
    returnPostageMinor: 799,
    changeOfMindPostage: "PLATFORM",
    returnMethods: ["PREPAID_LABEL", "SELF_ARRANGED"],
    supportDecision: { hours: 48 },
    infoAnswer: { hours: 48 },
    appealWindow: { days: 7 },
    refundArrival: { WALLET: { hours: 0 }, PAYPAL: { days: 3 }, CARD: { businessDays: 5 } },
    refundOverdueAfter: { businessDays: 3 },
    holidays: US_FEDERAL_HOLIDAYS,
  },
  GLOBAL: {
    key: "GLOBAL",
    label: m("engine.policy.GLOBAL"),
    businessCalendar: "CALENDAR",
    paymentWindow: { hours: 24 },
    remorseWindow: { hours: 1 },
    cancelRequestAnswer: { hours: 48 },
    cancelRequestInAwaitingCollection: true,
    sellerCancelInAwaitingCollection: false,
    cancelRequestAutoRejectedAt: "CARRIER_PICKUP",
    dispatchDeadline: { days: 2 },
    dispatchAutoCancel: { days: 7 },
    carrierPickup: { hours: 4 },
    reminderLead: { hours: 2 },
    delivery: { days: 3 },
    estimatedDelivery: { days: 6 },
    lostParcelAfter: { days: 7 },
    parcelDelay: { days: 5 },
    returnWindow: { days: 7 },
    preDeliveryRefund: false,
    buyerProtection: null,
    sellerReview: { hours: 48 },
    offerAnswer: { hours: 24 },
    shipBack: { days: 7 },
    returnTransit: { days: 3 },
    inspection: { hours: 48 },
    disputeFiling: { hours: 48 },
    returnPostageMinor: 799,
    changeOfMindPostage: "PLATFORM",
    returnMethods: ["SELF_ARRANGED"],
    supportDecision: { hours: 48 },
    infoAnswer: { hours: 48 },
    appealWindow: { days: 7 },
    refundArrival: { WALLET: { hours: 0 }, PAYPAL: { days: 3 }, CARD: { businessDays: 5 } },
    refundOverdueAfter: { days: 3 },
    holidays: NO_HOLIDAYS,
  },
};

export function isPolicyKey(value: string): value is PolicyKey {
  return (POLICY_KEYS as readonly string[]).includes(value);
}

export function policyFor(key: string): Policy {
  return isPolicyKey(key) ? POLICIES[key] : POLICIES.US;
}

/** A duration in words, for help text: "1 hour", "48 hours", "7 days", "5 business days". */
export function describeDuration(duration: Duration, policy?: Pick<Policy, "businessCalendar">): Message {
  if ("hours" in duration) return m("engine.duration.hours", { n: duration.hours });
  if ("days" in duration) return m("engine.duration.days", { n: duration.days });
  // The global profile counts "business days" as calendar days (addDuration): say what it counts (issue 27, R11).
  return policy && policy.businessCalendar !== "US" ? m("engine.duration.days", { n: duration.businessDays }) : m("engine.duration.businessDays", { n: duration.businessDays });
}

/** The moment `duration` before `from` (hours only: reminders are counted in hours). */
export function subtractHours(from: Date, duration: Duration): Date {
  if (!("hours" in duration)) throw new Error("Only hour durations can be subtracted");
  return new Date(from.getTime() - duration.hours * 3_600_000);
}

/** The moment `duration` after `from`, counted on the policy's calendar. */
export function addDuration(from: Date, duration: Duration, policy: Policy): Date {
  if ("hours" in duration) return addHours(from, duration.hours);
  if ("days" in duration) return addCalendarDays(from, duration.days);
  return policy.businessCalendar === "US"
    ? addUsBusinessDays(from, duration.businessDays, policy.holidays)
    : addCalendarDays(from, duration.businessDays);
}

/** The order date: the date of payment in the profile's time zone (Los Angeles for the US, UTC for global). */
export function orderDate(paidAt: Date, policy: Policy): CalendarDate {
  return policy.businessCalendar === "US" ? losAngelesDate(paidAt) : utcDate(paidAt);
}

/**
 * The platform's cut-off: 23:59 in the profile's time zone on the nth day after the order date (US:
 * business days on Los Angeles dates; global: calendar days, UTC). Dispatch deadlines and the
 * estimated delivery date are counted this way.
 */
export function cutoffAfterOrderDate(paidAt: Date, duration: Duration, policy: Policy): Date {
  if ("hours" in duration) throw new Error("A cut-off is counted in days");
  const count = "days" in duration ? duration.days : duration.businessDays;
  const start = orderDate(paidAt, policy);
  if (policy.businessCalendar === "US") {
    const date = "businessDays" in duration ? addUsBusinessDates(start, count, policy.holidays) : addDays(start, count);
    return losAngelesTime(date, 23, 59);
  }
  const [y, m, d] = addDays(start, count).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 23, 59));
}

/** When US Buyer Protection claims close for a delivered order (null: no protection, or never delivered). */
export function buyerProtectionEndsAt(state: { deliveredAt: Date | null }, policy: Policy): Date | null {
  return policy.buyerProtection && state.deliveredAt ? addDuration(state.deliveredAt, policy.buyerProtection, policy) : null;
}

/** The estimated delivery date the buyer is shown (once paid): the platform's cut-off on the nth day after the order date. */
export function estimatedDeliveryAt(state: { paidAt: Date | null }, policy: Policy): Date | null {
  return state.paidAt ? cutoffAfterOrderDate(state.paidAt, policy.estimatedDelivery, policy) : null;
}

/**
 * A cut-off as the platform states it: for the US profile its Los Angeles time with the viewer's own
 * ("23:59 in Los Angeles = 15:59 in Taipei"); for global, the viewer's time.
 */
export function formatCutoff(when: Date, policy: Policy): AtParam | CutoffParam {
  return policy.businessCalendar === "US" ? cutoff(when) : at(when);
}
