/** Reminders: whoever must act is told, the policy's reminder lead before their deadline. */
import { formatDateTime } from "../../format";
import type { Audience } from "../commands";
import { deadlineKey, type DeadlineKind } from "../deadlines";
import { ORDER_STATUSES, type OrderState } from "../model";
import { event } from "./events";
import { notify } from "./sentences";
import type { Rules } from "./shape";

/** The deadlines whose owner gets a reminder. A reminder's kind is `<KIND>_REMINDER`. */
export const REMINDERS: Partial<Record<DeadlineKind, { of: DeadlineKind; audience: Audience; title: (state: OrderState) => string; body: string }>> = {
  PAYMENT_REMINDER: { of: "PAYMENT", audience: "BUYER", title: (s) => `Order ${s.code} is waiting for your payment`, body: "Pay soon, or the order is cancelled automatically." },
  CANCEL_REQUEST_ANSWER_REMINDER: {
    of: "CANCEL_REQUEST_ANSWER",
    audience: "SELLER",
    title: (s) => `The buyer's cancel request for order ${s.code} needs your answer`,
    body: "Approve or reject it soon; if you don't answer, it is approved automatically.",
  },
  DISPATCH_REMINDER: { of: "DISPATCH", audience: "SELLER", title: (s) => `Order ${s.code} must ship soon`, body: "Arrange shipment to avoid a late dispatch." },
  DISPATCH_AUTO_CANCEL_REMINDER: {
    of: "DISPATCH_AUTO_CANCEL",
    audience: "SELLER",
    title: (s) => `Order ${s.code} is cancelled soon unless it ships`,
    body: "Arrange shipment now: if it is not ready to ship by the deadline, the order is cancelled and refunded, and it counts as your fault.",
  },
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
  DISPUTE_FILING_REMINDER: {
    of: "DISPUTE_FILING",
    audience: "BUYER",
    title: (s) => `Your chance to ask platform support about order ${s.code} ends soon`,
    body: "If you want platform support to decide on the seller's rejection, escalate before the deadline; after it the request is closed.",
  },
  CANCEL_DISPUTE_FILING_REMINDER: {
    of: "CANCEL_DISPUTE_FILING",
    audience: "BUYER",
    title: (s) => `Your chance to ask platform support about the rejected cancel of order ${s.code} ends soon`,
    body: "If you want platform support to decide, escalate before the deadline and before the carrier picks the parcel up; after that the order ships as usual.",
  },
  APPEAL_WINDOW_REMINDER: {
    of: "APPEAL_WINDOW",
    audience: "SELLER",
    title: (s) => `The appeal window for order ${s.code} closes soon`,
    body: "If you disagree with platform support's decision, appeal before the deadline; after it the decision stands.",
  },
  REFUSAL_INSPECTION_REMINDER: {
    of: "REFUSAL_INSPECTION",
    audience: "SELLER",
    title: (s) => `Confirm receipt of the refused parcel for order ${s.code}`,
    body: "If you don't confirm in time, the buyer is refunded automatically.",
  },
};

export const REMINDER_RULES: Rules<"SEND_REMINDER"> = {
  SEND_REMINDER: {
    label: "Send a reminder",
    roles: ["SYSTEM"],
    from: ORDER_STATUSES,
    to: [],
    timer: (command) => deadlineKey(command.deadline, command.ref),
    validate: ({ command }) => (REMINDERS[command.deadline] ? null : { field: "deadline", reason: `${command.deadline} is not a reminder.` }),
    apply: ({ state, command }) => {
      const reminder = REMINDERS[command.deadline]!;
      const dueAt = state.deadlines[deadlineKey(reminder.of, command.ref)];
      return {
        deadlines: { close: [deadlineKey(command.deadline, command.ref)] },
        effects: [notify(reminder.audience, "REMINDER", reminder.title(state), `${reminder.body}${dueAt ? ` Deadline: ${formatDateTime(dueAt)}.` : ""}`)],
        event: event("REMINDER_SENT", `Reminder sent to the ${reminder.audience.toLowerCase()}: ${reminder.title(state)}.`),
      };
    },
  },
};
