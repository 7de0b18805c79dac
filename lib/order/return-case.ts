/**
 * The after-sales case sub-machine (refund only, return and refund, refused parcel) and the refund
 * arithmetic of docs/rules.md#money: the item price is always refunded; the original shipping only
 * for a seller-fault reason; return postage is never paid to the buyer — a return's is charged to the
 * seller (seller fault) or paid by the platform (change of mind), except that a US buyer who arranges
 * the return instead of using the prepaid label pays the carrier themselves; a refused parcel's is
 * deducted from its refund; a US shop's disclosed change-of-mind fee is kept from the refund for the
 * seller. So refunded ≤ paid always holds.
 */
import { labelsOf, type Message, m, money } from "../i18n/message";
import type { OrderState } from "./model";
import type { ReturnMethod } from "./limits";
import type { Policy } from "./policy";
import { findReason } from "./reasons";

/** After-sales cases: a refund or a return the buyer asks for, or a parcel the buyer refused. */
export const CASE_TYPES = ["REFUND_ONLY", "RETURN_AND_REFUND", "REFUSED_PARCEL"] as const;
export type CaseType = (typeof CASE_TYPES)[number];
/** What a buyer may ask for (a refused parcel is opened by refusing it). */
export type RequestCaseType = Exclude<CaseType, "REFUSED_PARCEL">;
export const REQUEST_CASE_TYPES = ["REFUND_ONLY", "RETURN_AND_REFUND"] as const satisfies readonly RequestCaseType[];

/** How a buyer chooses between the request types. */
export const REQUEST_CASE_TYPE_CHOICES: Record<RequestCaseType, Message> = labelsOf("engine.requestCaseTypeChoice", ["REFUND_ONLY", "RETURN_AND_REFUND"]);

export const CASE_TYPE_LABELS: Record<CaseType, Message> = labelsOf("engine.caseType", ["REFUND_ONLY", "RETURN_AND_REFUND", "REFUSED_PARCEL"]);

export const CASE_STATUSES = [
  "REQUESTED",
  "OFFERED",
  "RE_REVIEW",
  "REJECTED",
  "AWAITING_SHIPBACK",
  "RETURN_SHIPPED",
  "PARCEL_RETURNING",
  "AWAITING_INSPECTION",
  "RECEIPT_REJECTED",
  "ESCALATED",
  "REFUNDED",
  "CLOSED",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, Message> = labelsOf("engine.caseStatus", ["REQUESTED", "OFFERED", "RE_REVIEW", "REJECTED", "AWAITING_SHIPBACK", "RETURN_SHIPPED", "PARCEL_RETURNING", "AWAITING_INSPECTION", "RECEIPT_REJECTED", "ESCALATED", "REFUNDED", "CLOSED"]);

export const FINAL_CASE_STATUSES: readonly CaseStatus[] = ["REFUNDED", "CLOSED"];

export interface ReturnCaseState {
  /** `<orderId>-case-<n>`: the n-th case of the order. */
  id: string;
  type: CaseType;
  status: CaseStatus;
  reasonKey: string;
  description: string;
  photoCount: number;
  openedAt: Date;
  /** A refund asked for before delivery (US: "won't arrive on time"). */
  preDelivery: boolean;
  /** The seller's partial offer, when one was made (one offer per case). */
  offerMinor: number | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** How the return travels (set when it ships). */
  returnMethod: ReturnMethod | null;
  rejectReasonKey: string | null;
  refundMinor: number | null;
  /** Platform support required the return: the buyer is refunded when the parcel reaches the seller, without inspection. */
  refundOnArrival: boolean;
  closedAt: Date | null;
}

/** From each case status (NONE: no case yet), where a case may go. */
export const CASE_TRANSITIONS: Record<CaseStatus | "NONE", readonly CaseStatus[]> = {
  // A small refund-only request under the shop's auto-approve rule is refunded as it is made.
  NONE: ["REQUESTED", "PARCEL_RETURNING", "REFUNDED"],
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
  /** The shop's disclosed change-of-mind return fee, kept from the refund for the seller. */
  feeMinor: number;
  /** What the buyer gets back. */
  totalMinor: number;
  /** A partial amount agreed instead of the computed one. */
  partial: boolean;
  /** True when less is left in escrow than the rules would refund, and the refund is cut to what is left. */
  capped: boolean;
}

/** What a refund is made of, in words: "items $28.00, shipping $5.99, less return postage $7.99". */
export function describeBreakdown(b: RefundBreakdown): Message {
  const parts: Message[] = [m("engine.breakdown.items", { amount: money(b.itemsMinor, b.currency) })];
  if (b.shippingMinor) parts.push(m("engine.breakdown.shipping", { amount: money(b.shippingMinor, b.currency) }));
  if (b.feeMinor) parts.push(m("engine.breakdown.fee", { amount: money(b.feeMinor, b.currency) }));
  if (b.postageDeductedMinor) parts.push(m("engine.breakdown.postageDeducted", { amount: money(b.postageDeductedMinor, b.currency) }));
  else if (b.postagePaidBy === "SELLER") parts.push(m("engine.breakdown.postageSeller"));
  else if (b.postagePaidBy === "PLATFORM") parts.push(m("engine.breakdown.postagePlatform"));
  // "items $28.00, shipping $5.99, less return postage $7.99": each part after the first joined by the language's comma.
  return parts.slice(1).reduce((joined, part) => m("engine.breakdown.join", { first: joined, next: part }), parts[0]!);
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
    returnMethod: null,
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
export function previewRefund(
  state: OrderState,
  input: { caseType: CaseType; reasonKey: string; partialMinor?: number | null; /** How the return travels, once known (a prepaid label until then, where there is one). */ method?: ReturnMethod | null },
  policy: Policy,
): RefundBreakdown {
  const base = { currency: state.currency, partial: false, capped: false, feeMinor: 0 };
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
    const method = input.method ?? policy.returnMethods[0]!;
    // US: a prepaid label is paid by the seller (seller fault) or the platform; a self-arranged return by the buyer, outside the app.
    // Global: one method, the postage paid by the seller (seller fault) or the platform, as before.
    const buyerArranged = returning && method === "SELF_ARRANGED" && policy.returnMethods.includes("PREPAID_LABEL");
    const postagePaidBy: PostagePayer | null = returning && !buyerArranged ? (sellerFault ? "SELLER" : policy.changeOfMindPostage) : null;
    const deducted = postagePaidBy === "BUYER" ? Math.min(policy.returnPostageMinor, gross) : 0;
    // A change-of-mind return pays the shop's disclosed fee, if it has one.
    const fee = returning && !sellerFault ? Math.min(state.changeOfMindFeeMinor, gross - deducted) : 0;
    breakdown = {
      ...base,
      itemsMinor: state.itemsMinor,
      shippingMinor,
      postageMinor: postagePaidBy ? policy.returnPostageMinor : 0,
      postagePaidBy,
      postageDeductedMinor: deducted,
      feeMinor: fee,
      totalMinor: gross - deducted - fee,
    };
  }
  const available = Math.max(0, refundableMinor(state) - breakdown.postageDeductedMinor - breakdown.feeMinor);
  return breakdown.totalMinor > available ? { ...breakdown, totalMinor: available, capped: true } : breakdown;
}

/** The most a seller may offer: less than the full refund the request would give, and no more than is left. */
export function maxPartialOffer(state: OrderState, policy: Policy): number {
  const request = state.returnCase;
  if (!request) return 0;
  return previewRefund(state, { caseType: request.type, reasonKey: request.reasonKey }, policy).totalMinor - 1;
}

/**
 * What can still be refunded: what escrow holds, or, once a completed order has settled (a US Buyer
 * Protection claim), what was paid less what was refunded (the seller's balance pays it back).
 */
export function refundableMinor(state: Pick<OrderState, "status" | "escrowMinor" | "totalMinor" | "refunds">): number {
  if (state.status !== "COMPLETED") return state.escrowMinor;
  const refunded = state.refunds.filter((refund) => !refund.key.startsWith("remedy:")).reduce((sum, refund) => sum + refund.totalMinor, 0);
  return Math.max(0, state.totalMinor - refunded);
}
