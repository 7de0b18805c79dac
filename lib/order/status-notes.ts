/** One sentence under an order's status: what it means now, with the dates that matter (durations from the policy). */
import { at, m, type Message } from "../i18n/message";
import type { OrderState, OrderStatus } from "./model";
import { buyerProtectionEndsAt, describeDuration, formatCutoff, type Policy } from "./policy";

/** Each note adds to the status's name, never repeats it; a cancelled order's own line says who and why. */
const NOTES: Record<OrderStatus, (state: OrderState, policy: Policy, now?: Date) => Message> = {
  UNPAID: (_, policy) => m("engine.statusNote.UNPAID", { window: describeDuration(policy.paymentWindow) }),
  ON_HOLD: (state) => (state.remorseEndsAt ? m("engine.statusNote.ON_HOLD", { until: at(state.remorseEndsAt) }) : m("engine.statusNote.ON_HOLD_OPEN")),
  AWAITING_SHIPMENT: (state, policy) => (state.dispatchDueAt ? m("engine.statusNote.AWAITING_SHIPMENT", { by: formatCutoff(state.dispatchDueAt, policy) }) : m("engine.statusNote.AWAITING_SHIPMENT_PREPARING")),
  AWAITING_COLLECTION: () => m("engine.statusNote.AWAITING_COLLECTION"),
  IN_TRANSIT: () => m("engine.statusNote.IN_TRANSIT"),
  DELIVERED: (state) => (state.returnWindowEndsAt ? m("engine.statusNote.DELIVERED", { until: at(state.returnWindowEndsAt) }) : m("engine.statusNote.DELIVERED_OPEN")),
  COMPLETED: (state, policy, now) => {
    const settled = m("engine.statusNote.COMPLETED");
    const until = buyerProtectionEndsAt(state, policy);
    return until && now && now.getTime() < until.getTime()
      ? m("engine.statusNote.COMPLETED_PROTECTED", { until: at(until) })
      : settled;
  },
  CANCELLED: () => m("engine.empty"),
};

export function statusNote(state: OrderState, policy: Policy, now?: Date): Message {
  return NOTES[state.status](state, policy, now);
}
