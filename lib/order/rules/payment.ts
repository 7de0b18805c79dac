/**
 * Paying, and what the payment's deadlines do: an unpaid order is cancelled when its payment window
 * ends; a paid order leaves ON_HOLD when the buyer's remorse window ends. docs/rules.md#statuses.
 */
import { at, m } from "../../i18n/message";
import { PAYMENT_METHOD_LABELS } from "../model";
import { AUTO_APPROVE_WINDOW_HOURS, addDuration, cutoffAfterOrderDate, formatCutoff, describeDuration, isAutoApproveWindow } from "../policy";
import { findReason } from "../reasons";
import { event } from "./events";
import { ledgerMoves } from "./ledger-moves";
import { cancelTheOrder } from "./outcomes/cancel";
import { money, notify } from "./sentences";
import { timerDue, type Rules } from "./shape";

export const PAYMENT_RULES: Rules<"PAY" | "PAYMENT_TIMEOUT" | "END_REMORSE_WINDOW"> = {
  PAY: {
    roles: ["BUYER"],
    from: ["UNPAID"],
    to: ["ON_HOLD"],
    guard: ({ state, now }) =>
      state.deadlines.PAYMENT && now.getTime() >= state.deadlines.PAYMENT.getTime() ? { reason: m("engine.payment.PAY.m1") } : null,
    apply: ({ state, now, policy }) => {
      const remorseEndsAt = addDuration(now, policy.remorseWindow, policy);
      return {
        status: "ON_HOLD",
        patch: { paidAt: now, remorseEndsAt },
        deadlines: { open: [{ kind: "REMORSE_WINDOW", dueAt: remorseEndsAt }], close: ["PAYMENT"] },
        effects: [
          { type: "CAPTURE_PAYMENT", method: state.paymentMethod, amountMinor: state.totalMinor, currency: state.currency },
          ledgerMoves.payment(state, state.totalMinor),
          notify(
            "SELLER",
            "ORDER_PAID",
            m("engine.payment.PAY.m2", { code: state.code }),
            m("engine.payment.PAY.m3", { amount: money(state, state.totalMinor), remorseWindow: describeDuration(policy.remorseWindow), remorseEndsAt: at(remorseEndsAt) }),
          ),
        ],
        event: event("ORDER_PAID", m("engine.payment.PAY.m4", { amount: money(state, state.totalMinor), method: PAYMENT_METHOD_LABELS[state.paymentMethod] })),
      };
    },
  },

  PAYMENT_TIMEOUT: {
    roles: ["SYSTEM"],
    from: ["UNPAID"],
    to: ["CANCELLED"],
    timer: timerDue("PAYMENT"),
    apply: (ctx) => cancelTheOrder(ctx, findReason("payment_timeout")!),
  },

  END_REMORSE_WINDOW: {
    roles: ["SYSTEM"],
    from: ["ON_HOLD"],
    to: ["AWAITING_SHIPMENT"],
    timer: timerDue("REMORSE_WINDOW"),
    apply: ({ state, policy }) => {
      // The auto-approve window counts from the end of ON_HOLD, not from when the timer happened to run;
      // the dispatch deadlines are the platform's cut-off after the order date (the date of payment).
      const onHoldEnded = state.remorseEndsAt!;
      const paidAt = state.paidAt ?? onHoldEnded;
      const dispatchDueAt = cutoffAfterOrderDate(paidAt, policy.dispatchDeadline, policy);
      const windowHours = isAutoApproveWindow(state.autoApproveWindow) ? AUTO_APPROVE_WINDOW_HOURS[state.autoApproveWindow] : 0;
      return {
        status: "AWAITING_SHIPMENT",
        patch: { awaitingShipmentAt: onHoldEnded, dispatchDueAt },
        deadlines: {
          close: ["REMORSE_WINDOW"],
          open: [
            ...(windowHours > 0 && Number.isFinite(windowHours) ? [{ kind: "AUTO_APPROVE_WINDOW" as const, dueAt: addDuration(onHoldEnded, { hours: windowHours }, policy) }] : []),
            { kind: "DISPATCH", dueAt: dispatchDueAt },
            { kind: "DISPATCH_AUTO_CANCEL", dueAt: cutoffAfterOrderDate(paidAt, policy.dispatchAutoCancel, policy) },
          ],
        },
        effects: [notify("SELLER", "READY_TO_SHIP", m("engine.payment.END_REMORSE_WINDOW.m1", { code: state.code }), m("engine.payment.END_REMORSE_WINDOW.m2", { dispatchDueAt: formatCutoff(dispatchDueAt, policy) }))],
        event: event("REMORSE_WINDOW_ENDED", m("engine.payment.END_REMORSE_WINDOW.m3", { dispatchDueAt: formatCutoff(dispatchDueAt, policy) })),
      };
    },
  },
};
