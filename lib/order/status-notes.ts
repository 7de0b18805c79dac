/** One sentence under an order's status: what it means now, with the dates that matter (durations from the policy). */
import { formatDateTime } from "../format";
import type { OrderState, OrderStatus } from "./model";
import { describeDuration, type Policy } from "./policy";

const NOTES: Record<OrderStatus, (state: OrderState, policy: Policy) => string> = {
  UNPAID: (_, policy) => `Waiting for payment; an unpaid order is cancelled ${describeDuration(policy.paymentWindow)} after it was placed.`,
  ON_HOLD: (state) => `Paid. The buyer can cancel at once until ${state.remorseEndsAt ? formatDateTime(state.remorseEndsAt) : "the instant-cancel window ends"}; then the seller ships.`,
  AWAITING_SHIPMENT: (state) => `The seller is preparing the parcel${state.dispatchDueAt ? `; it must ship by ${formatDateTime(state.dispatchDueAt)}` : ""}.`,
  AWAITING_COLLECTION: () => "Shipment is arranged; the carrier picks the parcel up next.",
  IN_TRANSIT: () => "The parcel is on its way to the buyer.",
  DELIVERED: (state) => `Delivered${state.returnWindowEndsAt ? `; refunds and returns are open until ${formatDateTime(state.returnWindowEndsAt)}` : ""}.`,
  COMPLETED: () => "Complete: what escrow held has been settled to the seller.",
  CANCELLED: () => "Cancelled.",
};

export function statusNote(state: OrderState, policy: Policy): string {
  return NOTES[state.status](state, policy);
}
