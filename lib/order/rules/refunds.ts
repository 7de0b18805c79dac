/**
 * The refund sub-machine, driven by the simulated payment network: a refund arrives when its
 * method's delay is over, unless the network delays it; the policy's overdue period after its
 * expected date an unarrived refund is overdue, and the buyer may ask platform support to step in.
 */
import { formatDateTime } from "../../format";
import type { Command } from "../commands";
import { deadlineKey } from "../deadlines";
import { ORDER_STATUSES, PAYMENT_METHOD_LABELS } from "../model";
import { describeDuration } from "../policy";
import type { RefundState, RefundStatus } from "../refund";
import { event } from "./events";
import { money, notify } from "./sentences";
import type { Context, Outcome, Rules, Transition } from "./shape";

type RefundCommand = "REFUND_ARRIVED" | "DELAY_REFUND" | "REFUND_OVERDUE";
type OnRefund = Extract<Command, { refundKey: string }>;

/**
 * A payment-network command on one refund: it must exist and be in one of `statuses`; `apply`
 * gets it. REFUND_ARRIVED, DELAY_REFUND and REFUND_OVERDUE are all built this way.
 */
function onRefund<C extends OnRefund>(
  spec: Omit<Transition<C>, "roles" | "from" | "to" | "validate" | "apply"> & { statuses: RefundStatus[]; apply: (ctx: Context<C>, refund: RefundState) => Outcome },
): Transition<C> {
  const { statuses, apply, ...rest } = spec;
  const find = (ctx: Context<C>) => ctx.state.refunds.find((refund) => refund.key === ctx.command.refundKey);
  return {
    ...rest,
    roles: ["SYSTEM"],
    from: ORDER_STATUSES,
    to: [],
    validate: (ctx) => {
      const refund = find(ctx);
      if (!refund) return { field: "refundKey", reason: "There is no such refund." };
      return statuses.includes(refund.status) ? null : { field: "refundKey", reason: `The refund is ${refund.status.toLowerCase()}.` };
    },
    apply: (ctx) => apply(ctx, find(ctx)!),
  };
}

export const REFUND_RULES: Rules<RefundCommand> = {
  REFUND_ARRIVED: onRefund<Extract<Command, { type: "REFUND_ARRIVED" }>>({
    label: "The refund arrives",
    statuses: ["PENDING"],
    refunds: { from: ["PENDING"], to: ["ARRIVED"] },
    timer: (command) => deadlineKey("REFUND_ARRIVAL", command.refundKey),
    apply: ({ state, now }, refund) => ({
      refundUpdate: { key: refund.key, status: "ARRIVED", at: now },
      deadlines: { close: [deadlineKey("REFUND_OVERDUE", refund.key)] },
      effects: [notify("BUYER", "REFUND_ARRIVED", `Your refund for order ${state.code} has arrived`, `${money(state, refund.totalMinor)} is back on your ${PAYMENT_METHOD_LABELS[refund.destination]}.`)],
      event: event("REFUND_ARRIVED", `The refund of ${money(state, refund.totalMinor)} reached the buyer's ${PAYMENT_METHOD_LABELS[refund.destination]}.`, { refundKey: refund.key }),
    }),
  }),

  DELAY_REFUND: onRefund<Extract<Command, { type: "DELAY_REFUND" }>>({
    label: "Payment network: delay this refund",
    statuses: ["PENDING"],
    refunds: { from: ["PENDING"], to: ["DELAYED"] },
    apply: ({ state, now }, refund) => {
      const overdueAt = state.deadlines[deadlineKey("REFUND_OVERDUE", refund.key)];
      return {
        refundUpdate: { key: refund.key, status: "DELAYED", at: now },
        deadlines: { close: [deadlineKey("REFUND_ARRIVAL", refund.key)] },
        effects: [
          notify("BUYER", "REFUND_DELAYED", `Your refund for order ${state.code} is delayed`, `Your payment provider is holding it.${overdueAt ? ` If it hasn't arrived by ${formatDateTime(overdueAt)}, you can ask platform support to step in.` : ""}`),
        ],
        event: event("REFUND_DELAYED", `The payment network delayed the refund of ${money(state, refund.totalMinor)}.`, { refundKey: refund.key }),
      };
    },
  }),

  REFUND_OVERDUE: onRefund<Extract<Command, { type: "REFUND_OVERDUE" }>>({
    label: "Mark an unarrived refund overdue",
    statuses: ["PENDING", "DELAYED"],
    refunds: { from: ["PENDING", "DELAYED"], to: ["OVERDUE"] },
    timer: (command) => deadlineKey("REFUND_OVERDUE", command.refundKey),
    apply: ({ state, now, policy }, refund) => ({
      refundUpdate: { key: refund.key, status: "OVERDUE", at: now },
      deadlines: { close: [deadlineKey("REFUND_ARRIVAL", refund.key)] },
      effects: [notify("BUYER", "REFUND_OVERDUE", `Your refund for order ${state.code} is overdue`, `${money(state, refund.totalMinor)} has not arrived. You can ask platform support to step in.`)],
      event: event("REFUND_OVERDUE", `The refund of ${money(state, refund.totalMinor)} is overdue: it did not arrive within ${describeDuration(policy.refundOverdueAfter)} of its expected date.`, { refundKey: refund.key }),
    }),
  }),
};
