/**
 * The after-sales case sub-machine (refund only, return and refund, refused parcel) and the refund
 * arithmetic of DOMAIN.md "Returns and refunds": the item price is always refunded; the original
 * shipping only for a seller-fault reason; return postage is never paid to the buyer — it is charged
 * to the seller (seller fault), deducted from the refund (change of mind, US; refused parcels), or
 * paid by the platform (change of mind, global). So refunded ≤ paid always holds.
 */
import type { CaseStatus, CaseType, OrderState, RefundStatus, ReturnCaseState } from "./model";
import type { Policy } from "./policy";
import { findReason } from "./reasons";

/** From each case status (NONE: no case yet), where a case may go. */
export const CASE_TRANSITIONS: Record<CaseStatus | "NONE", readonly CaseStatus[]> = {
  NONE: ["REQUESTED", "PARCEL_RETURNING"],
  REQUESTED: ["OFFERED", "REJECTED", "AWAITING_SHIPBACK", "REFUNDED", "CLOSED"],
  OFFERED: ["REFUNDED", "RE_REVIEW", "CLOSED"],
  RE_REVIEW: ["REJECTED", "AWAITING_SHIPBACK", "REFUNDED", "CLOSED"],
  REJECTED: ["CLOSED", "ESCALATED"],
  AWAITING_SHIPBACK: ["RETURN_SHIPPED", "CLOSED"],
  RETURN_SHIPPED: ["AWAITING_INSPECTION", "REFUNDED"],
  PARCEL_RETURNING: ["AWAITING_INSPECTION"],
  AWAITING_INSPECTION: ["REFUNDED", "RECEIPT_REJECTED"],
  RECEIPT_REJECTED: ["CLOSED", "ESCALATED"],
  // Support decides: refund now, require the return first, or close for the seller.
  ESCALATED: ["REFUNDED", "AWAITING_SHIPBACK", "CLOSED"],
  REFUNDED: [],
  CLOSED: [],
};


/** The refund sub-machine: issued, then arrived (after the method's delay) or delayed, then overdue, then (support) reissued to the wallet. */
export const REFUND_TRANSITIONS: Record<RefundStatus | "NONE", readonly RefundStatus[]> = {
  NONE: ["PENDING", "ARRIVED"],
  PENDING: ["ARRIVED", "DELAYED", "OVERDUE"],
  DELAYED: ["OVERDUE"],
  OVERDUE: ["REISSUED"],
  ARRIVED: [],
  REISSUED: [],
};

export type PostagePayer = "BUYER" | "SELLER" | "PLATFORM";

export interface RefundBreakdown {
  currency: string;
  itemsMinor: number;
  /** The original shipping fee, refunded for a seller-fault reason. */
  shippingMinor: number;
  /** The return label's price, and who pays it (null: no parcel goes back). */
  postageMinor: number;
  postagePaidBy: PostagePayer | null;
  /** What is kept from the refund for postage (the buyer's cost). */
  postageDeductedMinor: number;
  /** What the buyer gets back. */
  totalMinor: number;
  /** A partial amount agreed instead of the computed one. */
  partial: boolean;
  /** True when less is left in escrow than the rules would refund, and the refund is cut to what is left. */
  capped: boolean;
}

/** A new case on the order (the n-th one), with nothing offered, shipped, rejected or refunded yet. */
export function newReturnCase(
  state: Pick<OrderState, "id" | "caseCount">,
  now: Date,
  opened: Pick<ReturnCaseState, "type" | "status" | "reasonKey" | "description" | "photoCount" | "preDelivery">,
): ReturnCaseState {
  return {
    id: `${state.id}-case-${state.caseCount + 1}`,
    ...opened,
    openedAt: now,
    offerMinor: null,
    carrier: null,
    trackingNumber: null,
    rejectReasonKey: null,
    refundMinor: null,
    refundOnArrival: false,
    closedAt: null,
  };
}

/**
 * What a case would refund, from the order, the case type and reason (or an agreed partial amount),
 * never more than the escrow still holds. Shown to the buyer before they submit, and used by the
 * decision that refunds, so the two always agree.
 */
export function previewRefund(state: OrderState, input: { caseType: CaseType; reasonKey: string; partialMinor?: number | null }, policy: Policy): RefundBreakdown {
  const base = { currency: state.currency, partial: false, capped: false };
  let breakdown: RefundBreakdown;
  if (input.partialMinor != null) {
    breakdown = { ...base, itemsMinor: input.partialMinor, shippingMinor: 0, postageMinor: 0, postagePaidBy: null, postageDeductedMinor: 0, totalMinor: input.partialMinor, partial: true };
  } else if (input.caseType === "REFUSED_PARCEL") {
    const deducted = Math.min(policy.returnPostageMinor, state.itemsMinor);
    breakdown = { ...base, itemsMinor: state.itemsMinor, shippingMinor: 0, postageMinor: policy.returnPostageMinor, postagePaidBy: "BUYER", postageDeductedMinor: deducted, totalMinor: state.itemsMinor - deducted };
  } else {
    const sellerFault = findReason(input.reasonKey)?.fault === "SELLER";
    const shippingMinor = sellerFault ? state.shippingFeeMinor : 0;
    const gross = state.itemsMinor + shippingMinor;
    const returning = input.caseType === "RETURN_AND_REFUND";
    const postagePaidBy: PostagePayer | null = returning ? (sellerFault ? "SELLER" : policy.changeOfMindPostage) : null;
    const deducted = postagePaidBy === "BUYER" ? Math.min(policy.returnPostageMinor, gross) : 0;
    breakdown = {
      ...base,
      itemsMinor: state.itemsMinor,
      shippingMinor,
      postageMinor: returning ? policy.returnPostageMinor : 0,
      postagePaidBy,
      postageDeductedMinor: deducted,
      totalMinor: gross - deducted,
    };
  }
  const available = Math.max(0, state.escrowMinor - breakdown.postageDeductedMinor);
  return breakdown.totalMinor > available ? { ...breakdown, totalMinor: available, capped: true } : breakdown;
}

/** The most a seller may offer: less than the full refund the request would give, and no more than is left. */
export function maxPartialOffer(state: OrderState, policy: Policy): number {
  const request = state.returnCase;
  if (!request) return 0;
  return previewRefund(state, { caseType: request.type, reasonKey: request.reasonKey }, policy).totalMinor - 1;
}
