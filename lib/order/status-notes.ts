/** One sentence under an order's status: what it means now, with the dates that matter (durations from the policy). */
import { formatDateTime } from "../format";
import type { OrderState, OrderStatus } from "./model";
import { buyerProtectionEndsAt, describeDuration, formatCutoff, type Policy } from "./policy";

/** Each note adds to the status's name, never repeats it; a cancelled order's own line says who and why. */
const NOTES: Record<OrderStatus, (state: OrderState, policy: Policy, now?: Date) => string> = {
  UNPAID: (_, policy) => `An unpaid order is cancelled ${describeDuration(policy.paymentWindow)} after it was placed.`,
  ON_HOLD: (state) => `Paid. Cancelling is instant until ${state.remorseEndsAt ? formatDateTime(state.remorseEndsAt) : "the instant-cancel window ends"}; then the seller ships.`,
  AWAITING_SHIPMENT: (state, policy) => (state.dispatchDueAt ? `The seller must ship by ${formatCutoff(state.dispatchDueAt, policy)}.` : "The seller is preparing the parcel."),
  AWAITING_COLLECTION: () => "Shipment is arranged; the carrier picks the parcel up next.",
  IN_TRANSIT: () => "The parcel is on its way to the buyer.",
  DELIVERED: (state) => (state.returnWindowEndsAt ? `Refunds and returns are open until ${formatDateTime(state.returnWindowEndsAt)}.` : "Refunds and returns are open."),
  COMPLETED: (state, policy, now) => {
    const settled = "What escrow held has been settled to the seller.";
    const until = buyerProtectionEndsAt(state, policy);
    return until && now && now.getTime() < until.getTime()
      ? `${settled} US Buyer Protection: a damaged, defective or incomplete item can still be claimed until ${formatDateTime(until)}; a refund would come back from the seller's balance.`
      : settled;
  },
  CANCELLED: () => "",
};

export function statusNote(state: OrderState, policy: Policy, now?: Date): string {
  return NOTES[state.status](state, policy, now);
}
