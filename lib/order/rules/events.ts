/**
 * Every event an order's timeline can hold, and what each carries. Rules build their event with
 * `event(type, summary, data)`: the compiler checks the type is one of these and the data its shape,
 * so the timeline's vocabulary is in one place.
 */
import type { Message } from "../../i18n/message";
import type { FaultParty } from "../model";
import type { DisputeSubject } from "../dispute";
import type { CaseType } from "../return-case";
import type { RefundBreakdown } from "../return-case";

type None = Record<string, never>;
type OnCase = { caseId: string };
type OnRefund = { refundKey: string };
type OnDispute = { disputeId: string };

/** The data each event type carries (besides the command, which the store adds). */
export interface EventData {
  ORDER_PLACED: None;
  ORDER_PAID: None;
  ORDER_CANCELLED: { reasonKey: string; fault: FaultParty };
  CANCEL_REQUESTED: { reasonKey: string };
  CANCEL_REQUEST_WITHDRAWN: None;
  CANCEL_REQUEST_REJECTED: { reasonKey: string };
  REMORSE_WINDOW_ENDED: None;
  AUTO_APPROVE_WINDOW_ENDED: None;
  SHIPMENT_ARRANGED: None;
  DISPATCH_LATE: None;
  PICKED_UP: { lateDispatch: boolean };
  DELIVERED: None;
  PARCEL_LOST: None;
  PARCEL_DELAYED: None;
  PARCEL_REFUSED: OnCase;
  CASE_REQUESTED: OnCase & { caseType: CaseType; reasonKey: string; photoCount: number };
  RETURN_APPROVED: OnCase;
  CASE_REJECTED: OnCase & { reasonKey: string };
  OFFER_MADE: OnCase & { amountMinor: number };
  OFFER_DECLINED: OnCase;
  RETURN_SHIPPED: OnCase;
  RETURN_ARRIVED: OnCase;
  RECEIPT_REJECTED: OnCase & { reasonKey: string };
  CASE_REFUNDED: OnCase & RefundBreakdown;
  CASE_CLOSED: OnCase;
  RETURN_WINDOW_ENDED: None;
  ORDER_COMPLETED: None;
  REFUND_ARRIVED: OnRefund;
  REFUND_DELAYED: OnRefund;
  REFUND_OVERDUE: OnRefund;
  DISPUTE_OPENED: OnDispute & { subject: DisputeSubject };
  DISPUTE_STATEMENT: OnDispute;
  /** A decision carries what the outcome it caused carries (a cancellation, a case refund). */
  DISPUTE_DECIDED: Partial<OnDispute> & Record<string, unknown>;
  DISPUTE_APPEALED: OnDispute;
  APPEAL_DECIDED: OnDispute;
  DISPUTE_CLOSED: OnDispute;
  DISPUTE_TAKEN: OnDispute & { fromAgentId: string | null };
  INFORMATION_REQUESTED: OnDispute & { party: "BUYER" | "SELLER" };
  CANCEL_DISPUTE_WINDOW_ENDED: None;
  REMINDER_SENT: None;
  SIMULATION_HURRIED: { deadline: string };
}

export type EventType = keyof EventData;

export const EVENT_TYPES = [
  "ORDER_PLACED",
  "ORDER_PAID",
  "ORDER_CANCELLED",
  "CANCEL_REQUESTED",
  "CANCEL_REQUEST_WITHDRAWN",
  "CANCEL_REQUEST_REJECTED",
  "REMORSE_WINDOW_ENDED",
  "AUTO_APPROVE_WINDOW_ENDED",
  "SHIPMENT_ARRANGED",
  "DISPATCH_LATE",
  "PICKED_UP",
  "DELIVERED",
  "PARCEL_LOST",
  "PARCEL_DELAYED",
  "PARCEL_REFUSED",
  "CASE_REQUESTED",
  "RETURN_APPROVED",
  "CASE_REJECTED",
  "OFFER_MADE",
  "OFFER_DECLINED",
  "RETURN_SHIPPED",
  "RETURN_ARRIVED",
  "RECEIPT_REJECTED",
  "CASE_REFUNDED",
  "CASE_CLOSED",
  "RETURN_WINDOW_ENDED",
  "ORDER_COMPLETED",
  "REFUND_ARRIVED",
  "REFUND_DELAYED",
  "REFUND_OVERDUE",
  "DISPUTE_OPENED",
  "DISPUTE_STATEMENT",
  "DISPUTE_DECIDED",
  "DISPUTE_APPEALED",
  "APPEAL_DECIDED",
  "DISPUTE_CLOSED",
  "DISPUTE_TAKEN",
  "INFORMATION_REQUESTED",
  "CANCEL_DISPUTE_WINDOW_ENDED",
  "REMINDER_SENT",
  "SIMULATION_HURRIED",
] as const satisfies readonly EventType[];

// The list names every event type: a type added to EventData and not here fails to compile.
type Unlisted = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
export const EVENT_TYPES_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;

export interface OutcomeEvent {
  type: EventType;
  summary: Message;
  data?: Record<string, unknown>;
}

/** The one way a rule writes its timeline entry. */
export function event<T extends EventType>(type: T, summary: Message, ...data: None extends EventData[T] ? [EventData[T]?] : [EventData[T]]): OutcomeEvent {
  return data[0] ? { type, summary, data: data[0] as Record<string, unknown> } : { type, summary };
}
