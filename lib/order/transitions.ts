/**
 * The order transitions table: for each command, who may send it, from which statuses, what blocks
 * it (with a sentence a person can read), where it leads and what it causes. The rules are written
 * in `rules/`, one file per sub-machine; this is the one table everything reads: decide(),
 * availableActions(), the timers (DEADLINE_COMMANDS), the graph check and the tests.
 */
import type { Command, CommandType } from "./commands";
import type { DeadlineKind } from "./deadlines";
import { APPEAL_RULES } from "./rules/appeals";
import { CANCEL_REQUEST_RULES } from "./rules/cancel-request";
import { CASEWORK_RULES } from "./rules/casework";
import { CANCELLATION_RULES } from "./rules/cancellation";
import { COMPLETION_RULES } from "./rules/completion";
import { DISPUTE_RULES } from "./rules/disputes";
import { PARTIAL_OFFER_RULES } from "./rules/partial-offer";
import { PAYMENT_RULES } from "./rules/payment";
import { REFUND_RULES } from "./rules/refunds";
import { REFUSED_PARCEL_RULES } from "./rules/refused-parcel";
import { REMINDER_RULES } from "./rules/reminders";
import { CARRIER_ISSUE_RULES } from "./rules/carrier-issues";
import { RETURN_PARCEL_RULES } from "./rules/return-parcel";
import { RETURN_REQUEST_RULES } from "./rules/return-request";
import type { Rules } from "./rules/shape";
import { SHIPPING_RULES } from "./rules/shipping";
import { SIMULATOR_RULES } from "./rules/simulator";

export type { Block, Context, Moves, Outcome, StateContext, Transition } from "./rules/shape";
export { refundSentence } from "./rules/sentences";
export { REMINDERS } from "./rules/reminders";
export { inAutoApproveWindow, instantCancelEndsAt } from "./rules/outcomes/cancel";
export { escalatable } from "./rules/outcomes/dispute";
export { EVENT_TYPES, type EventType } from "./rules/events";

export type TransitionTable = Rules<CommandType>;

/** Every command has exactly one rule: `Rules<CommandType>` makes a missing or unknown one a compile error. */
export const TRANSITIONS: TransitionTable = {
  ...PAYMENT_RULES,
  ...CANCELLATION_RULES,
  ...CANCEL_REQUEST_RULES,
  ...SHIPPING_RULES,
  ...REFUSED_PARCEL_RULES,
  ...RETURN_REQUEST_RULES,
  ...PARTIAL_OFFER_RULES,
  ...RETURN_PARCEL_RULES,
  ...COMPLETION_RULES,
  ...REFUND_RULES,
  ...DISPUTE_RULES,
  ...APPEAL_RULES,
  ...CASEWORK_RULES,
  ...REMINDER_RULES,
  ...CARRIER_ISSUE_RULES,
  ...SIMULATOR_RULES,
};

const remind = (deadline: DeadlineKind) => (ref?: string): Command => ({ type: "SEND_REMINDER", deadline, ...(ref ? { ref } : {}) });

/** The system command a timer sends when a deadline of this kind falls due (`ref`: which one, for per-thing deadlines). */
export const DEADLINE_COMMANDS: Record<DeadlineKind, (ref?: string) => Command> = {
  PAYMENT: () => ({ type: "PAYMENT_TIMEOUT" }),
  PAYMENT_REMINDER: remind("PAYMENT_REMINDER"),
  REMORSE_WINDOW: () => ({ type: "END_REMORSE_WINDOW" }),
  AUTO_APPROVE_WINDOW: () => ({ type: "END_AUTO_APPROVE_WINDOW" }),
  CANCEL_REQUEST_ANSWER: () => ({ type: "CANCEL_REQUEST_TIMEOUT" }),
  CANCEL_REQUEST_ANSWER_REMINDER: remind("CANCEL_REQUEST_ANSWER_REMINDER"),
  DISPATCH: () => ({ type: "DISPATCH_DEADLINE_PASSED" }),
  DISPATCH_REMINDER: remind("DISPATCH_REMINDER"),
  DISPATCH_AUTO_CANCEL: () => ({ type: "DISPATCH_AUTO_CANCEL" }),
  DISPATCH_AUTO_CANCEL_REMINDER: remind("DISPATCH_AUTO_CANCEL_REMINDER"),
  CARRIER_PICKUP: () => ({ type: "CARRIER_PICKUP" }),
  DELIVERY: () => ({ type: "CARRIER_DELIVER" }),
  PARCEL_LOST: () => ({ type: "LOST_PARCEL_TIMEOUT" }),
  RETURN_WINDOW: () => ({ type: "COMPLETE_ORDER" }),
  SELLER_REVIEW: () => ({ type: "SELLER_REVIEW_TIMEOUT" }),
  SELLER_REVIEW_REMINDER: remind("SELLER_REVIEW_REMINDER"),
  OFFER_ANSWER: () => ({ type: "OFFER_TIMEOUT" }),
  OFFER_ANSWER_REMINDER: remind("OFFER_ANSWER_REMINDER"),
  SHIP_BACK: () => ({ type: "SHIP_BACK_TIMEOUT" }),
  SHIP_BACK_REMINDER: remind("SHIP_BACK_REMINDER"),
  RETURN_TRANSIT: () => ({ type: "RETURN_PARCEL_DELIVERED" }),
  INSPECTION: () => ({ type: "INSPECTION_TIMEOUT" }),
  INSPECTION_REMINDER: remind("INSPECTION_REMINDER"),
  REFUSED_PARCEL_TRANSIT: () => ({ type: "REFUSED_PARCEL_DELIVERED" }),
  REFUSAL_INSPECTION: () => ({ type: "REFUSAL_INSPECTION_TIMEOUT" }),
  REFUSAL_INSPECTION_REMINDER: remind("REFUSAL_INSPECTION_REMINDER"),
  DISPUTE_FILING: () => ({ type: "DISPUTE_FILING_TIMEOUT" }),
  DISPUTE_FILING_REMINDER: remind("DISPUTE_FILING_REMINDER"),
  CANCEL_DISPUTE_FILING: () => ({ type: "CANCEL_DISPUTE_WINDOW_END" }),
  CANCEL_DISPUTE_FILING_REMINDER: remind("CANCEL_DISPUTE_FILING_REMINDER"),
  APPEAL_WINDOW: (ref) => ({ type: "APPEAL_WINDOW_END", disputeId: String(ref) }),
  APPEAL_WINDOW_REMINDER: remind("APPEAL_WINDOW_REMINDER"),
  REFUND_ARRIVAL: (ref) => ({ type: "REFUND_ARRIVED", refundKey: String(ref) }),
  REFUND_OVERDUE: (ref) => ({ type: "REFUND_OVERDUE", refundKey: String(ref) }),
};
