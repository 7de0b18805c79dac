/** Every deadline the machine sets, whose it is, how it is keyed, and what a person calls it. */
import { labelsOf, type Message } from "../i18n/message";

/**
 * Every deadline the machine sets. Each has a system command that acts on it (DEADLINE_COMMANDS);
 * the `_REMINDER` kinds fire 2 hours before the deadline they name.
 */
export const DEADLINE_KINDS = [
  "PAYMENT",
  "PAYMENT_REMINDER",
  "REMORSE_WINDOW",
  "AUTO_APPROVE_WINDOW",
  "CANCEL_REQUEST_ANSWER",
  "CANCEL_REQUEST_ANSWER_REMINDER",
  "DISPATCH",
  "DISPATCH_REMINDER",
  "DISPATCH_AUTO_CANCEL",
  "DISPATCH_AUTO_CANCEL_REMINDER",
  "CARRIER_PICKUP",
  "DELIVERY",
  "PARCEL_LOST",
  "RETURN_WINDOW",
  "SELLER_REVIEW",
  "SELLER_REVIEW_REMINDER",
  "OFFER_ANSWER",
  "OFFER_ANSWER_REMINDER",
  "SHIP_BACK",
  "SHIP_BACK_REMINDER",
  "RETURN_TRANSIT",
  "INSPECTION",
  "INSPECTION_REMINDER",
  "REFUSED_PARCEL_TRANSIT",
  "REFUSAL_INSPECTION",
  "REFUSAL_INSPECTION_REMINDER",
  "DISPUTE_FILING",
  "DISPUTE_FILING_REMINDER",
  "CANCEL_DISPUTE_FILING",
  "CANCEL_DISPUTE_FILING_REMINDER",
  "APPEAL_WINDOW",
  "APPEAL_WINDOW_REMINDER",
  "REFUND_ARRIVAL",
  "REFUND_OVERDUE",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Whose deadline it is. ORDER deadlines end when the order reaches a final status; CASE and REFUND
 * deadlines belong to sub-machines that may go on after it (a refused parcel is inspected after the
 * order is cancelled; a refund arrives after the order completes).
 */
export type DeadlineScope = "ORDER" | "CASE" | "REFUND" | "DISPUTE";

export const DEADLINE_SCOPES: Record<DeadlineKind, DeadlineScope> = {
  PAYMENT: "ORDER",
  PAYMENT_REMINDER: "ORDER",
  REMORSE_WINDOW: "ORDER",
  AUTO_APPROVE_WINDOW: "ORDER",
  CANCEL_REQUEST_ANSWER: "ORDER",
  CANCEL_REQUEST_ANSWER_REMINDER: "ORDER",
  DISPATCH: "ORDER",
  DISPATCH_REMINDER: "ORDER",
  DISPATCH_AUTO_CANCEL: "ORDER",
  DISPATCH_AUTO_CANCEL_REMINDER: "ORDER",
  CARRIER_PICKUP: "ORDER",
  DELIVERY: "ORDER",
  PARCEL_LOST: "ORDER",
  RETURN_WINDOW: "ORDER",
  SELLER_REVIEW: "CASE",
  SELLER_REVIEW_REMINDER: "CASE",
  OFFER_ANSWER: "CASE",
  OFFER_ANSWER_REMINDER: "CASE",
  SHIP_BACK: "CASE",
  SHIP_BACK_REMINDER: "CASE",
  RETURN_TRANSIT: "CASE",
  INSPECTION: "CASE",
  INSPECTION_REMINDER: "CASE",
  REFUSED_PARCEL_TRANSIT: "CASE",
  REFUSAL_INSPECTION: "CASE",
  REFUSAL_INSPECTION_REMINDER: "CASE",
  DISPUTE_FILING: "CASE",
  DISPUTE_FILING_REMINDER: "CASE",
  CANCEL_DISPUTE_FILING: "ORDER",
  CANCEL_DISPUTE_FILING_REMINDER: "ORDER",
  APPEAL_WINDOW: "DISPUTE",
  APPEAL_WINDOW_REMINDER: "DISPUTE",
  REFUND_ARRIVAL: "REFUND",
  REFUND_OVERDUE: "REFUND",
};

export function isDeadlineKind(value: string): value is DeadlineKind {
  return (DEADLINE_KINDS as readonly string[]).includes(value);
}

/**
 * A deadline's key: its kind, or `<kind>:<ref>` for a deadline that exists once per thing (e.g. a
 * refund's arrival). An order has at most one open deadline per key.
 */
export type DeadlineKey = string;

export function deadlineKey(kind: DeadlineKind, ref?: string): DeadlineKey {
  return ref ? `${kind}:${ref}` : kind;
}

/**
 * The stored keys of one kind's deadlines, as a range a query can seek: a per-thing kind (a refund's,
 * a dispute's) is stored as `<kind>:<ref>`, so its keys are [`<kind>:`, `<kind>;`); any other kind is
 * its own key.
 */
export function deadlineKeyRange(kind: DeadlineKind): { equals: string } | { gte: string; lt: string } {
  return DEADLINE_SCOPES[kind] === "REFUND" || DEADLINE_SCOPES[kind] === "DISPUTE" ? { gte: `${kind}:`, lt: `${kind};` } : { equals: kind };
}

/** The kind and the ref of a key, or null when the kind is unknown. */
export function parseDeadlineKey(key: DeadlineKey): { kind: DeadlineKind; ref?: string } | null {
  if (typeof key !== "string") return null;
  const at = key.indexOf(":");
  const kind = at < 0 ? key : key.slice(0, at);
  if (!isDeadlineKind(kind)) return null;
  return at < 0 ? { kind } : { kind, ref: key.slice(at + 1) };
}

export const DEADLINE_LABELS: Record<DeadlineKind, Message> = labelsOf("engine.deadline", ["PAYMENT", "PAYMENT_REMINDER", "REMORSE_WINDOW", "AUTO_APPROVE_WINDOW", "CANCEL_REQUEST_ANSWER", "CANCEL_REQUEST_ANSWER_REMINDER", "DISPATCH", "DISPATCH_REMINDER", "DISPATCH_AUTO_CANCEL", "DISPATCH_AUTO_CANCEL_REMINDER", "CARRIER_PICKUP", "DELIVERY", "PARCEL_LOST", "RETURN_WINDOW", "SELLER_REVIEW", "SELLER_REVIEW_REMINDER", "OFFER_ANSWER", "OFFER_ANSWER_REMINDER", "SHIP_BACK", "SHIP_BACK_REMINDER", "RETURN_TRANSIT", "INSPECTION", "INSPECTION_REMINDER", "REFUSED_PARCEL_TRANSIT", "REFUSAL_INSPECTION", "REFUSAL_INSPECTION_REMINDER", "DISPUTE_FILING", "DISPUTE_FILING_REMINDER", "CANCEL_DISPUTE_FILING", "CANCEL_DISPUTE_FILING_REMINDER", "APPEAL_WINDOW", "APPEAL_WINDOW_REMINDER", "REFUND_ARRIVAL", "REFUND_OVERDUE"]);

/**
 * Deadlines a person must meet (an answer, a payment, a shipment, an inspection): missing one lets the
 * platform act for their silence. The windows to escalate and to appeal are rights a person may use,
 * not deadlines to meet; the rest are windows and the simulated world's events. Each has a reminder
 * (rules/reminders.ts; a unit test keeps the two lists together).
 */
export const MUST_MEET_DEADLINES: readonly DeadlineKind[] = ["PAYMENT", "CANCEL_REQUEST_ANSWER", "DISPATCH", "DISPATCH_AUTO_CANCEL", "SELLER_REVIEW", "OFFER_ANSWER", "SHIP_BACK", "INSPECTION", "REFUSAL_INSPECTION"];

/** Reminders are the platform's own timers, not deadlines anyone has to meet. */
export function isReminder(kind: DeadlineKind): boolean {
  return kind.endsWith("_REMINDER");
}

/** The simulated world's own events, which a developer may bring forward: the carrier and the payment network. */
export const SIMULATED_DEADLINES: readonly DeadlineKind[] = ["CARRIER_PICKUP", "DELIVERY", "PARCEL_LOST", "RETURN_TRANSIT", "REFUSED_PARCEL_TRANSIT", "REFUND_ARRIVAL"];

/** The button that brings a simulated deadline forward. */
export const HURRY_LABELS: Partial<Record<DeadlineKind, Message>> = labelsOf("engine.hurry", ["CARRIER_PICKUP", "DELIVERY", "PARCEL_LOST", "RETURN_TRANSIT", "REFUSED_PARCEL_TRANSIT", "REFUND_ARRIVAL"]);

/** The simulated carrier's other controls, on a parcel in transit. */
export const CARRIER_CONTROLS = ["LOSE_PARCEL", "DELAY_PARCEL"] as const;
export type CarrierControl = (typeof CARRIER_CONTROLS)[number];
export const CARRIER_CONTROL_LABELS: Record<CarrierControl, Message> = labelsOf("engine.carrierControl", ["LOSE_PARCEL", "DELAY_PARCEL"]);
