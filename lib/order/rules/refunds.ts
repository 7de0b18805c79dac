/**
 * The refund sub-machine, driven by the simulated payment network: a refund arrives when its
 * method's delay is over, unless the network delays it; 3 (business) days after its expected date an
 * unarrived refund is overdue, and the buyer may ask platform support to step in.
 */
import { formatDateTime } from "../../format";
import { ORDER_STATUSES, PAYMENT_METHOD_LABELS, deadlineKey, type RefundState, type RefundStatus } from "../model";
import { money, notify, quiet, type Block, type Rules, type StateContext } from "./shared";

export type RefundCommand = "REFUND_ARRIVED" | "DELAY_REFUND" | "REFUND_OVERDUE";

function refundIn(ctx: StateContext, key: string, ...statuses: RefundStatus[]): Block | RefundState {
  const refund = ctx.state.refunds.find((r) => r.key === key);
  if (!refund) return quiet("There is no such refund.");
  return statuses.includes(refund.status) ? refund : quiet(`The refund is ${refund.status.toLowerCase()}.`);
}

const isBlock = (value: Block | RefundState): value is Block => "reason" in value;

export const REFUND_RULES: Rules<RefundCommand> = {
  REFUND_ARRIVED: {
    label: "The refund arrives",
    roles: ["SYSTEM"],
    from: ORDER_STATUSES,
    to: [],
    refunds: { from: ["PENDING"], to: ["ARRIVED"] },
    timer: (command) => deadlineKey("REFUND_ARRIVAL", command.refundKey),
    validate: (ctx) => {
      const refund = refundIn(ctx, ctx.command.refundKey, "PENDING");
      return isBlock(refund) ? { field: "refundKey", reason: refund.reason } : null;
    },
    apply: (ctx) => {
      const { state, now } = ctx;
      const refund = state.refunds.find((r) => r.key === ctx.command.refundKey)!;
      return {
        refundUpdate: { key: refund.key, status: "ARRIVED", at: now },
        deadlines: { close: [deadlineKey("REFUND_OVERDUE", refund.key)] },
        effects: [notify("BUYER", "REFUND_ARRIVED", `Your refund for order ${state.code} has arrived`, `${money(state, refund.totalMinor)} is back on your ${PAYMENT_METHOD_LABELS[refund.destination]}.`)],
        event: { type: "REFUND_ARRIVED", summary: `The refund of ${money(state, refund.totalMinor)} reached the buyer's ${PAYMENT_METHOD_LABELS[refund.destination]}.`, data: { refundKey: refund.key } },
      };
    },
  },

  DELAY_REFUND: {
    label: "Payment network: delay this refund",
    roles: ["SYSTEM"],
    from: ORDER_STATUSES,
    to: [],
    refunds: { from: ["PENDING"], to: ["DELAYED"] },
    validate: (ctx) => {
      const refund = refundIn(ctx, ctx.command.refundKey, "PENDING");
      return isBlock(refund) ? { field: "refundKey", reason: refund.reason } : null;
    },
    apply: (ctx) => {
      const { state, now } = ctx;
      const refund = state.refunds.find((r) => r.key === ctx.command.refundKey)!;
      const overdueAt = state.deadlines[deadlineKey("REFUND_OVERDUE", refund.key)];
      return {
        refundUpdate: { key: refund.key, status: "DELAYED", at: now },
        deadlines: { close: [deadlineKey("REFUND_ARRIVAL", refund.key)] },
        effects: [
          notify("BUYER", "REFUND_DELAYED", `Your refund for order ${state.code} is delayed`, `Your payment provider is holding it.${overdueAt ? ` If it hasn't arrived by ${formatDateTime(overdueAt)}, you can ask platform support to step in.` : ""}`),
        ],
        event: { type: "REFUND_DELAYED", summary: `The payment network delayed the refund of ${money(state, refund.totalMinor)}.`, data: { refundKey: refund.key } },
      };
    },
  },

  REFUND_OVERDUE: {
    label: "Mark an unarrived refund overdue",
    roles: ["SYSTEM"],
    from: ORDER_STATUSES,
    to: [],
    refunds: { from: ["PENDING", "DELAYED"], to: ["OVERDUE"] },
    timer: (command) => deadlineKey("REFUND_OVERDUE", command.refundKey),
    validate: (ctx) => {
      const refund = refundIn(ctx, ctx.command.refundKey, "PENDING", "DELAYED");
      return isBlock(refund) ? { field: "refundKey", reason: refund.reason } : null;
    },
    apply: (ctx) => {
      const { state, now } = ctx;
      const refund = state.refunds.find((r) => r.key === ctx.command.refundKey)!;
      return {
        refundUpdate: { key: refund.key, status: "OVERDUE", at: now },
        deadlines: { close: [deadlineKey("REFUND_ARRIVAL", refund.key)] },
        effects: [notify("BUYER", "REFUND_OVERDUE", `Your refund for order ${state.code} is overdue`, `${money(state, refund.totalMinor)} has not arrived. You can ask platform support to step in.`)],
        event: { type: "REFUND_OVERDUE", summary: `The refund of ${money(state, refund.totalMinor)} is overdue: it did not arrive within 3 days of its expected date.`, data: { refundKey: refund.key } },
      };
    },
  },
};
