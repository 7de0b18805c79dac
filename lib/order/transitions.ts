/**
 * The order transitions table: for each command, who may send it, from which statuses, what blocks
 * it (with a sentence a person can read), where it leads and what it causes. The rules are written
 * in `rules/` by stage; this is the one table everything reads: decide(), availableActions(), the
 * timers (DEADLINE_COMMANDS), the graph check and the tests.
 */
import { formatDateTime } from "../format";
import type { Audience, Command, CommandType } from "./commands";
import { ORDER_STATUSES, parseDeadlineKey, type DeadlineKind, type OrderState } from "./model";
import { AFTER_SHIPMENT_RULES } from "./rules/after-shipment";
import { DISPUTE_RULES } from "./rules/disputes";
import { PRE_SHIPMENT_RULES } from "./rules/pre-shipment";
import { REFUND_RULES } from "./rules/refunds";
import { notify, type Rules } from "./rules/shared";

export type { Block, Context, Outcome, StateContext, Transition } from "./rules/shared";
export { refundSentence } from "./rules/shared";
export { inAutoApproveWindow } from "./rules/pre-shipment";
export { MAX_DESCRIPTION, MAX_PHOTOS, RETURN_CARRIERS } from "./rules/after-shipment";

export type TransitionTable = Rules<CommandType>;

/** The deadlines whose owner gets a reminder 2 hours before. A reminder's kind is `<KIND>_REMINDER`. */
export const REMINDERS: Partial<Record<DeadlineKind, { of: DeadlineKind; audience: Audience; title: (state: OrderState) => string; body: string }>> = {
  PAYMENT_REMINDER: { of: "PAYMENT", audience: "BUYER", title: (s) => `Order ${s.code} is waiting for your payment`, body: "Pay soon, or the order is cancelled automatically." },
  CANCEL_REQUEST_ANSWER_REMINDER: {
    of: "CANCEL_REQUEST_ANSWER",
    audience: "SELLER",
    title: (s) => `The buyer's cancel request for order ${s.code} needs your answer`,
    body: "Approve or reject it soon; if you don't answer, it is approved automatically.",
  },
  DISPATCH_REMINDER: { of: "DISPATCH", audience: "SELLER", title: (s) => `Order ${s.code} must ship soon`, body: "Arrange shipment to avoid a late dispatch." },
  SELLER_REVIEW_REMINDER: {
    of: "SELLER_REVIEW",
    audience: "SELLER",
    title: (s) => `The buyer's request for order ${s.code} needs your review`,
    body: "Approve it, reject it or offer a partial refund soon; if you don't, it is approved automatically.",
  },
  OFFER_ANSWER_REMINDER: {
    of: "OFFER_ANSWER",
    audience: "BUYER",
    title: (s) => `The seller's offer for order ${s.code} is waiting for you`,
    body: "If you don't answer, the offer counts as declined and the seller decides on your original request.",
  },
  SHIP_BACK_REMINDER: { of: "SHIP_BACK", audience: "BUYER", title: (s) => `Ship your return for order ${s.code} soon`, body: "If it is not shipped by the deadline, the request is closed." },
  INSPECTION_REMINDER: {
    of: "INSPECTION",
    audience: "SELLER",
    title: (s) => `The returned parcel for order ${s.code} needs your inspection`,
    body: "If you don't inspect it in time, the buyer is refunded automatically.",
  },
  REFUSAL_INSPECTION_REMINDER: {
    of: "REFUSAL_INSPECTION",
    audience: "SELLER",
    title: (s) => `Confirm receipt of the refused parcel for order ${s.code}`,
    body: "If you don't confirm in time, the buyer is refunded automatically.",
  },
};

const REMINDER_RULES: Rules<"SEND_REMINDER"> = {
  SEND_REMINDER: {
    label: "Send a reminder",
    roles: ["SYSTEM"],
    from: ORDER_STATUSES,
    to: [],
    timer: (command) => command.deadline,
    validate: ({ command }) => (REMINDERS[command.deadline] ? null : { field: "deadline", reason: `${command.deadline} is not a reminder.` }),
    apply: ({ state, command }) => {
      const reminder = REMINDERS[command.deadline]!;
      const dueAt = state.deadlines[reminder.of];
      return {
        deadlines: { close: [command.deadline] },
        effects: [notify(reminder.audience, "REMINDER", reminder.title(state), `${reminder.body}${dueAt ? ` Deadline: ${formatDateTime(dueAt)}.` : ""}`)],
        event: { type: "REMINDER_SENT", summary: `Reminder sent to the ${reminder.audience.toLowerCase()}: ${reminder.title(state)}.` },
      };
    },
  },
};

/** The simulated world's own events, which a developer may bring forward: the carrier and the payment network. */
export const SIMULATED_DEADLINES: readonly DeadlineKind[] = ["CARRIER_PICKUP", "DELIVERY", "RETURN_TRANSIT", "REFUSED_PARCEL_TRANSIT", "REFUND_ARRIVAL"];

const SIMULATOR_RULES: Rules<"HURRY_SIMULATION"> = {
  HURRY_SIMULATION: {
    label: "Make it happen now (simulator)",
    roles: ["SYSTEM"],
    from: ORDER_STATUSES,
    to: [],
    validate: ({ state, command }) => {
      const parsed = parseDeadlineKey(command.deadline);
      if (!parsed || !SIMULATED_DEADLINES.includes(parsed.kind)) return { field: "deadline", reason: "Only the carrier and the payment network can be hurried; people's deadlines cannot." };
      return state.deadlines[command.deadline] ? null : { field: "deadline", reason: "That is not waiting to happen." };
    },
    apply: ({ command, now }) => {
      const parsed = parseDeadlineKey(command.deadline)!;
      return {
        // Reopened at this moment: the timer acts on it at once, as if the carrier or the network were early.
        deadlines: { open: [{ kind: parsed.kind, dueAt: now, ...(parsed.ref ? { ref: parsed.ref } : {}) }] },
        event: { type: "SIMULATION_HURRIED", summary: `Simulator: brought forward "${DEADLINE_LABELS[parsed.kind]}" to now.`, data: { deadline: command.deadline } },
      };
    },
  },
};

export const TRANSITIONS: TransitionTable = { ...PRE_SHIPMENT_RULES, ...AFTER_SHIPMENT_RULES, ...REFUND_RULES, ...DISPUTE_RULES, ...REMINDER_RULES, ...SIMULATOR_RULES };

const remind = (deadline: DeadlineKind) => (): Command => ({ type: "SEND_REMINDER", deadline });

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
  CARRIER_PICKUP: () => ({ type: "CARRIER_PICKUP" }),
  DELIVERY: () => ({ type: "CARRIER_DELIVER" }),
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
  CANCEL_DISPUTE_FILING: () => ({ type: "CANCEL_DISPUTE_WINDOW_END" }),
  APPEAL_WINDOW: (ref) => ({ type: "APPEAL_WINDOW_END", disputeId: String(ref) }),
  REFUND_ARRIVAL: (ref) => ({ type: "REFUND_ARRIVED", refundKey: String(ref) }),
  REFUND_OVERDUE: (ref) => ({ type: "REFUND_OVERDUE", refundKey: String(ref) }),
};

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  PAYMENT: "Payment due",
  PAYMENT_REMINDER: "Payment reminder",
  REMORSE_WINDOW: "Instant cancellation ends",
  AUTO_APPROVE_WINDOW: "The shop's instant cancellation ends",
  CANCEL_REQUEST_ANSWER: "Seller must answer the cancel request by",
  CANCEL_REQUEST_ANSWER_REMINDER: "Reminder to the seller about the cancel request",
  DISPATCH: "Seller must ship by",
  DISPATCH_REMINDER: "Reminder to the seller to ship",
  DISPATCH_AUTO_CANCEL: "Cancelled automatically if not shipped by",
  CARRIER_PICKUP: "Carrier pickup expected by",
  DELIVERY: "Delivery expected by",
  RETURN_WINDOW: "Refunds and returns close",
  SELLER_REVIEW: "Seller must review the request by",
  SELLER_REVIEW_REMINDER: "Reminder to the seller to review",
  OFFER_ANSWER: "Buyer must answer the offer by",
  OFFER_ANSWER_REMINDER: "Reminder to the buyer about the offer",
  SHIP_BACK: "Buyer must ship the return by",
  SHIP_BACK_REMINDER: "Reminder to the buyer to ship the return",
  RETURN_TRANSIT: "Return parcel expected at the seller by",
  INSPECTION: "Seller must inspect the return by",
  INSPECTION_REMINDER: "Reminder to the seller to inspect",
  REFUSED_PARCEL_TRANSIT: "Refused parcel expected back by",
  REFUSAL_INSPECTION: "Seller must confirm the refused parcel by",
  REFUSAL_INSPECTION_REMINDER: "Reminder to the seller to confirm receipt",
  DISPUTE_FILING: "Buyer may escalate until",
  CANCEL_DISPUTE_FILING: "Buyer may escalate the rejected cancel until",
  APPEAL_WINDOW: "Seller may appeal until",
  REFUND_ARRIVAL: "Refund expected by",
  REFUND_OVERDUE: "Refund overdue after",
};
