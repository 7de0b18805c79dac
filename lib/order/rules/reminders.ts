/** Reminders: whoever must act is told, the policy's reminder lead before their deadline. */
import { at, m, type Message } from "../../i18n/message";
import type { Audience } from "../commands";
import { deadlineKey, type DeadlineKind } from "../deadlines";
import { ORDER_STATUSES, type OrderState, ROLE_NOUNS } from "../model";
import { event } from "./events";
import { notify, NOTHING } from "./sentences";
import type { Rules } from "./shape";

/** The deadlines whose owner gets a reminder. A reminder's kind is `<KIND>_REMINDER`. */
export const REMINDERS: Partial<Record<DeadlineKind, { of: DeadlineKind; audience: Audience; title: (state: OrderState) => Message; body: Message }>> = {
  PAYMENT_REMINDER: { of: "PAYMENT", audience: "BUYER", title: (s) => m("engine.reminders.PAYMENT_REMINDER.m1", { code: s.code }), body: m("engine.reminders.PAYMENT_REMINDER.m2") },
  CANCEL_REQUEST_ANSWER_REMINDER: {
    of: "CANCEL_REQUEST_ANSWER",
    audience: "SELLER",
    title: (s) => m("engine.reminders.CANCEL_REQUEST_ANSWER_REMINDER.m1", { code: s.code }),
    body: m("engine.reminders.CANCEL_REQUEST_ANSWER_REMINDER.m2"),
  },
  DISPATCH_REMINDER: { of: "DISPATCH", audience: "SELLER", title: (s) => m("engine.reminders.DISPATCH_REMINDER.m1", { code: s.code }), body: m("engine.reminders.DISPATCH_REMINDER.m2") },
  DISPATCH_AUTO_CANCEL_REMINDER: {
    of: "DISPATCH_AUTO_CANCEL",
    audience: "SELLER",
    title: (s) => m("engine.reminders.DISPATCH_AUTO_CANCEL_REMINDER.m1", { code: s.code }),
    body: m("engine.reminders.DISPATCH_AUTO_CANCEL_REMINDER.m2"),
  },
  SELLER_REVIEW_REMINDER: {
    of: "SELLER_REVIEW",
    audience: "SELLER",
    title: (s) => m("engine.reminders.SELLER_REVIEW_REMINDER.m1", { code: s.code }),
    body: m("engine.reminders.SELLER_REVIEW_REMINDER.m2"),
  },
  OFFER_ANSWER_REMINDER: {
    of: "OFFER_ANSWER",
    audience: "BUYER",
    title: (s) => m("engine.reminders.OFFER_ANSWER_REMINDER.m1", { code: s.code }),
    body: m("engine.reminders.OFFER_ANSWER_REMINDER.m2"),
  },
  SHIP_BACK_REMINDER: { of: "SHIP_BACK", audience: "BUYER", title: (s) => m("engine.reminders.SHIP_BACK_REMINDER.m1", { code: s.code }), body: m("engine.reminders.SHIP_BACK_REMINDER.m2") },
  INSPECTION_REMINDER: {
    of: "INSPECTION",
    audience: "SELLER",
    title: (s) => m("engine.reminders.INSPECTION_REMINDER.m1", { code: s.code }),
    body: m("engine.reminders.INSPECTION_REMINDER.m2"),
  },
  DISPUTE_FILING_REMINDER: {
    of: "DISPUTE_FILING",
    audience: "BUYER",
    title: (s) => m("engine.reminders.DISPUTE_FILING_REMINDER.m1", { code: s.code }),
    body: m("engine.reminders.DISPUTE_FILING_REMINDER.m2"),
  },
  CANCEL_DISPUTE_FILING_REMINDER: {
    of: "CANCEL_DISPUTE_FILING",
    audience: "BUYER",
    title: (s) => m("engine.reminders.CANCEL_DISPUTE_FILING_REMINDER.m1", { code: s.code }),
    body: m("engine.reminders.CANCEL_DISPUTE_FILING_REMINDER.m2"),
  },
  APPEAL_WINDOW_REMINDER: {
    of: "APPEAL_WINDOW",
    audience: "SELLER",
    title: (s) => m("engine.reminders.APPEAL_WINDOW_REMINDER.m1", { code: s.code }),
    body: m("engine.reminders.APPEAL_WINDOW_REMINDER.m2"),
  },
  REFUSAL_INSPECTION_REMINDER: {
    of: "REFUSAL_INSPECTION",
    audience: "SELLER",
    title: (s) => m("engine.reminders.REFUSAL_INSPECTION_REMINDER.m1", { code: s.code }),
    body: m("engine.reminders.REFUSAL_INSPECTION_REMINDER.m2"),
  },
};

export const REMINDER_RULES: Rules<"SEND_REMINDER"> = {
  SEND_REMINDER: {
    roles: ["SYSTEM"],
    from: ORDER_STATUSES,
    to: [],
    timer: (command) => deadlineKey(command.deadline, command.ref),
    validate: ({ command }) => (REMINDERS[command.deadline] ? null : { field: "deadline", reason: m("engine.reminders.SEND_REMINDER.m1", { deadline: command.deadline }) }),
    apply: ({ state, command }) => {
      const reminder = REMINDERS[command.deadline]!;
      const dueAt = state.deadlines[deadlineKey(reminder.of, command.ref)];
      return {
        deadlines: { close: [deadlineKey(command.deadline, command.ref)] },
        effects: [notify(reminder.audience, "REMINDER", reminder.title(state), m("engine.reminders.SEND_REMINDER.body", { body: reminder.body, deadline: dueAt ? m("engine.reminders.SEND_REMINDER.deadline", { dueAt: at(dueAt) }) : NOTHING }))],
        event: event("REMINDER_SENT", m("engine.reminders.SEND_REMINDER.sent", { audience: ROLE_NOUNS[reminder.audience], title: reminder.title(state) })),
      };
    },
  },
};
