/**
 * The refund sub-machine, driven by the simulated payment network: a refund arrives when its
 * method's delay is over, unless the network delays it; the policy's overdue period after its
 * expected date an unarrived refund is overdue, and the buyer may ask platform support to step in.
 */
import { at, m } from "../../i18n/message";
import type { Command } from "../commands";
import { deadlineKey } from "../deadlines";
import { ORDER_STATUSES, PAYMENT_METHOD_LABELS } from "../model";
import { describeDuration } from "../policy";
import type { RefundState, RefundStatus } from "../refund";
import { REFUND_STATUS_LABELS } from "../refund";
import { event } from "./events";
import { money, notify, NOTHING } from "./sentences";
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
      if (!refund) return { field: "refundKey", reason: m("engine.refunds.onRefund.m1") };
      return statuses.includes(refund.status) ? null : { field: "refundKey", reason: m("engine.refunds.onRefund.m2", { status: REFUND_STATUS_LABELS[refund.status] }) };
    },
    apply: (ctx) => apply(ctx, find(ctx)!),
  };
}

export const REFUND_RULES: Rules<RefundCommand> = {
  REFUND_ARRIVED: onRefund<Extract<Command, { type: "REFUND_ARRIVED" }>>({
    statuses: ["PENDING"],
    refunds: { from: ["PENDING"], to: ["ARRIVED"] },
    timer: (command) => deadlineKey("REFUND_ARRIVAL", command.refundKey),
    apply: ({ state, now }, refund) => ({
      refundUpdate: { key: refund.key, status: "ARRIVED", at: now },
      deadlines: { close: [deadlineKey("REFUND_OVERDUE", refund.key)] },
      effects: [notify("BUYER", "REFUND_ARRIVED", m("engine.refunds.REFUND_RULES.m1", { code: state.code }), m("engine.refunds.REFUND_RULES.m7", { amount: money(state, refund.totalMinor), method: PAYMENT_METHOD_LABELS[refund.destination] }))],
      event: event("REFUND_ARRIVED", m("engine.refunds.REFUND_RULES.m8", { amount: money(state, refund.totalMinor), method: PAYMENT_METHOD_LABELS[refund.destination] }), { refundKey: refund.key }),
    }),
  }),

  DELAY_REFUND: onRefund<Extract<Command, { type: "DELAY_REFUND" }>>({
    statuses: ["PENDING"],
    refunds: { from: ["PENDING"], to: ["DELAYED"] },
    apply: ({ state, now }, refund) => {
      const overdueAt = state.deadlines[deadlineKey("REFUND_OVERDUE", refund.key)];
      return {
        refundUpdate: { key: refund.key, status: "DELAYED", at: now },
        deadlines: { close: [deadlineKey("REFUND_ARRIVAL", refund.key)] },
        effects: [
          notify("BUYER", "REFUND_DELAYED", m("engine.refunds.REFUND_RULES.m2", { code: state.code }), m("engine.refunds.REFUND_RULES.m9", { overdueAt: overdueAt ? m("engine.refunds.REFUND_RULES.m3", { overdueAt: at(overdueAt) }) : NOTHING })),
        ],
        event: event("REFUND_DELAYED", m("engine.refunds.REFUND_RULES.m4", { amount: money(state, refund.totalMinor) }), { refundKey: refund.key }),
      };
    },
  }),

  REFUND_OVERDUE: onRefund<Extract<Command, { type: "REFUND_OVERDUE" }>>({
    statuses: ["PENDING", "DELAYED"],
    refunds: { from: ["PENDING", "DELAYED"], to: ["OVERDUE"] },
    timer: (command) => deadlineKey("REFUND_OVERDUE", command.refundKey),
    apply: ({ state, now, policy }, refund) => ({
      refundUpdate: { key: refund.key, status: "OVERDUE", at: now },
      deadlines: { close: [deadlineKey("REFUND_ARRIVAL", refund.key)] },
      effects: [notify("BUYER", "REFUND_OVERDUE", m("engine.refunds.REFUND_RULES.m5", { code: state.code }), m("engine.refunds.REFUND_RULES.m6", { amount: money(state, refund.totalMinor) }))],
      event: event("REFUND_OVERDUE", m("engine.refunds.REFUND_RULES.m10", { amount: money(state, refund.totalMinor), refundOverdueAfter: describeDuration(policy.refundOverdueAfter) }), { refundKey: refund.key }),
    }),
  }),
};
