/** Shared outcome: a refund to the original payment method, and settling what escrow still holds to the seller. */
import type { DeadlineSpec, Effect, RefundEffect } from "../../commands";
import type { OrderState } from "../../model";
import { addDuration } from "../../policy";
import type { RefundBreakdown } from "../../return-case";
import { ledgerMoves } from "../ledger-moves";
import type { StateContext } from "../shape";

export interface IssuedRefund {
  refund: RefundEffect;
  effects: Effect[];
  deadlines: DeadlineSpec[];
  /** What escrow holds once this refund and its postage have left it. */
  escrowAfter: number;
}

/**
 * A refund to the original payment method: the refund row, its ledger postings (escrow → buyer, or
 * seller → buyer once the order has settled;
 * return postage escrow → platform when the buyer pays it, seller → platform when the seller does),
 * and the deadlines on which it arrives and would become overdue.
 */
export function issueRefund({ state, now, policy }: StateContext, key: string, breakdown: RefundBreakdown): IssuedRefund {
  const expectedArrivalAt = addDuration(now, policy.refundArrival[state.paymentMethod], policy);
  const arrived = expectedArrivalAt.getTime() <= now.getTime();
  const refund: RefundEffect = {
    type: "REFUND",
    idempotencyKey: key,
    currency: state.currency,
    itemsMinor: breakdown.itemsMinor,
    shippingMinor: breakdown.shippingMinor,
    postageDeductedMinor: breakdown.postageDeductedMinor,
    totalMinor: breakdown.totalMinor,
    destination: state.paymentMethod,
    expectedArrivalAt,
    arrived,
  };
  const effects: Effect[] = [refund];
  // After settlement (a US Buyer Protection claim on a completed order) the refund comes back from the seller's balance.
  const settled = state.status === "COMPLETED";
  if (breakdown.totalMinor > 0) effects.push(settled ? ledgerMoves.protectionRefund(state, breakdown.totalMinor) : ledgerMoves.refund(state, breakdown.totalMinor));
  if (breakdown.postageDeductedMinor > 0) effects.push(ledgerMoves.postageKept(state, breakdown.postageDeductedMinor));
  if (breakdown.feeMinor > 0) effects.push(ledgerMoves.returnFee(state, breakdown.feeMinor));
  if (breakdown.postagePaidBy === "SELLER" && breakdown.postageMinor > 0) effects.push(ledgerMoves.postageCharged(state, breakdown.postageMinor));
  const deadlines: DeadlineSpec[] = arrived
    ? []
    : [
        { kind: "REFUND_ARRIVAL", dueAt: expectedArrivalAt, ref: key },
        { kind: "REFUND_OVERDUE", dueAt: addDuration(expectedArrivalAt, policy.refundOverdueAfter, policy), ref: key },
      ];
  return { refund, effects, deadlines, escrowAfter: settled ? state.escrowMinor : state.escrowMinor - breakdown.totalMinor - breakdown.postageDeductedMinor - breakdown.feeMinor };
}

/** Pays what escrow still holds to the seller (when the order completes, or after a refused parcel is refunded). */
export function settlement(state: OrderState, escrowMinor: number): Effect[] {
  return escrowMinor > 0 ? [ledgerMoves.settlement(state, escrowMinor)] : [];
}
