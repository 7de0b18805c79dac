/**
 * The reason catalogue: every reason a party can give, with a stable key, a label, the statuses it
 * is valid in and the party at fault. Zod enums and select lists are derived from it.
 * Platform keys (for integration developers) are from shared/reference/platform-rules.md §3.1.
 */
import { m, type Message } from "../i18n/message";
import type { FaultParty, OrderStatus } from "./model";
import type { RequestCaseType } from "./return-case";

export const REASON_KINDS = [
  "BUYER_CANCEL",
  "SELLER_REJECT_CANCEL",
  "SELLER_CANCEL",
  "SYSTEM_CANCEL",
  "OPERATOR_CANCEL",
  "RETURN_REFUND",
  "SELLER_REJECT_RETURN",
  "SELLER_REJECT_RECEIPT",
] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

interface ReasonFacts {
  key: string;
  kind: ReasonKind;
  statuses: readonly OrderStatus[];
  fault: FaultParty;
  /** The fault is the seller's only once the order's dispatch deadline had passed when the reason was given; before, the buyer's. */
  sellerFaultOnceLate?: true;
  /** US Buyer Protection covers it: a claim stays open until 90 days after delivery, also after the order completed. */
  buyerProtection?: true;
  /** Refund and return reasons: which request types the reason allows, the fewest photos, and whether a written description is required. */
  request?: { caseTypes: readonly RequestCaseType[]; minPhotos: number; describe: boolean };
  platformKey?: string;
}

/** A reason with its label: the message `engine.reason.<key>` in the catalogues. */
export interface Reason extends ReasonFacts {
  label: Message;
}

const BUYER_PRE_SHIPMENT: readonly OrderStatus[] = ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"];
const BUYER_PAID_PRE_SHIPMENT: readonly OrderStatus[] = ["ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"];
const SELLER_CANCELLABLE: readonly OrderStatus[] = ["ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"];
const AFTER_DELIVERY: readonly OrderStatus[] = ["DELIVERED"];
/** US Buyer Protection reasons: also on a completed order, within 90 days of delivery (the rules check the profile and the days). */
const PROTECTED: readonly OrderStatus[] = ["DELIVERED", "COMPLETED"];
/** Where the seller answers a request or inspects a return: after shipment, and on a completed order with a Buyer Protection claim. */
const AFTER_SHIPMENT: readonly OrderStatus[] = ["AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED"];
/** A request before delivery ("won't arrive on time"): nothing has arrived to be used, returned or tracked as delivered (issue 27, R9). */
const BEFORE_DELIVERY: readonly OrderStatus[] = ["AWAITING_COLLECTION", "IN_TRANSIT"];
/** Reasons about the item the buyer has: only once it was delivered. */
const DELIVERED_ITEM: readonly OrderStatus[] = ["DELIVERED", "COMPLETED"];

/** Something wrong with the item: a refund only or a return, with at least one photo of the problem. */
const EITHER_WITH_PHOTO = { caseTypes: ["REFUND_ONLY", "RETURN_AND_REFUND"], minPhotos: 1, describe: false } as const;

export const REASONS = [
  // Buyer cancel reasons (US list, plus "other" from the UK list).
  { key: "no_longer_needed", kind: "BUYER_CANCEL", statuses: BUYER_PRE_SHIPMENT, fault: "BUYER", platformKey: "ecom_order_to_ship_canceled_reason_no_longer_needed" },
  { key: "better_price", kind: "BUYER_CANCEL", statuses: BUYER_PRE_SHIPMENT, fault: "BUYER", platformKey: "ecom_order_to_ship_canceled_reason_better_price" },
  { key: "bought_by_mistake", kind: "BUYER_CANCEL", statuses: BUYER_PRE_SHIPMENT, fault: "BUYER", platformKey: "ecom_order_to_ship_canceled_reason_created_by_mistakes" },
  { key: "wrong_address", kind: "BUYER_CANCEL", statuses: BUYER_PRE_SHIPMENT, fault: "BUYER", platformKey: "ecom_order_to_ship_canceled_reason_wrong_delivery_info" },
  { key: "change_payment_method", kind: "BUYER_CANCEL", statuses: BUYER_PRE_SHIPMENT, fault: "BUYER", platformKey: "ecom_order_to_ship_canceled_reason_change_payment_method" },
  { key: "forgot_coupon", kind: "BUYER_CANCEL", statuses: BUYER_PRE_SHIPMENT, fault: "BUYER", platformKey: "ecom_order_to_ship_canceled_reason_forgot_to_apply_coupons" },
  { key: "high_shipping_fee", kind: "BUYER_CANCEL", statuses: BUYER_PAID_PRE_SHIPMENT, fault: "BUYER", platformKey: "ecom_order_to_ship_canceled_reason_high_delivery_costs" },
  // Only once the seller could have shipped: during ON_HOLD the seller is not allowed to ship yet.
  { key: "not_shipped_on_time", kind: "BUYER_CANCEL", statuses: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"], fault: "SELLER", sellerFaultOnceLate: true, platformKey: "ecom_order_to_ship_canceled_reason_not_shipped_on_time" },
  { key: "other", kind: "BUYER_CANCEL", statuses: BUYER_PRE_SHIPMENT, fault: "BUYER" },

  // Seller reasons for rejecting a buyer's cancel request.
  { key: "already_packed", kind: "SELLER_REJECT_CANCEL", statuses: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"], fault: "NONE", platformKey: "ecom_reverse_reject_cancel_reason_product_packed" },
  { key: "multiple_parcels", kind: "SELLER_REJECT_CANCEL", statuses: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"], fault: "NONE", platformKey: "ecom_reverse_reject_refund_request_package_delivery_multiple_boxes" },
  { key: "cannot_change_address", kind: "SELLER_REJECT_CANCEL", statuses: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"], fault: "NONE", platformKey: "seller_reject_apply_unable_to_change_address" },
  { key: "agreed_with_buyer", kind: "SELLER_REJECT_CANCEL", statuses: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"], fault: "NONE" },

  // Seller-initiated cancellations: seller fault, except when the buyer asked for it.
  { key: "out_of_stock", kind: "SELLER_CANCEL", statuses: SELLER_CANCELLABLE, fault: "SELLER", platformKey: "seller_cancel_reason_out_of_stock" },
  { key: "pricing_error", kind: "SELLER_CANCEL", statuses: SELLER_CANCELLABLE, fault: "SELLER", platformKey: "seller_cancel_reason_wrong_price" },
  { key: "cannot_deliver", kind: "SELLER_CANCEL", statuses: SELLER_CANCELLABLE, fault: "SELLER", platformKey: "seller_cancel_paid_reason_address_not_deliver" },
  { key: "buyer_asked", kind: "SELLER_CANCEL", statuses: SELLER_CANCELLABLE, fault: "BUYER", platformKey: "seller_cancel_paid_reason_buyer_requested_cancellation" },

  // System cancellations.
  { key: "payment_timeout", kind: "SYSTEM_CANCEL", statuses: ["UNPAID"], fault: "BUYER", platformKey: "system_cancel_unpaid_time_out" },
  { key: "not_shipped_in_time", kind: "SYSTEM_CANCEL", statuses: ["AWAITING_SHIPMENT"], fault: "SELLER", platformKey: "system_cancel_order_reason_shipping_timeout" },
  { key: "package_rejected", kind: "SYSTEM_CANCEL", statuses: ["IN_TRANSIT"], fault: "NONE", platformKey: "returned_to_shipper_refused" },
  { key: "lost_in_transit", kind: "SYSTEM_CANCEL", statuses: ["IN_TRANSIT"], fault: "NONE", platformKey: "package_lost" },

  // Platform support (operator) cancellations.
  { key: "potential_fraud", kind: "OPERATOR_CANCEL", statuses: ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"], fault: "NONE", platformKey: "system_cancel_order_reason_potential_fraud" },
  { key: "risk_control", kind: "OPERATOR_CANCEL", statuses: ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"], fault: "NONE", platformKey: "operator_cancel_risk_control_block" },

  // Refund and return requests (platform-rules.md §3.2–3.3). Before delivery only "won't arrive on time" (US).
  { key: "wont_arrive_on_time", kind: "RETURN_REFUND", statuses: ["AWAITING_COLLECTION", "IN_TRANSIT"], fault: "SELLER", request: { caseTypes: ["REFUND_ONLY"], minPhotos: 0, describe: false }, platformKey: "ecom_order_shipped_refund_reason_not_arrive_on_time" },
  { key: "not_received", kind: "RETURN_REFUND", statuses: AFTER_DELIVERY, fault: "SELLER", request: { caseTypes: ["REFUND_ONLY"], minPhotos: 0, describe: true }, platformKey: "ecom_order_delivered_refund_and_return_reason_not_received" },
  { key: "missing_item", kind: "RETURN_REFUND", statuses: PROTECTED, buyerProtection: true, fault: "SELLER", request: EITHER_WITH_PHOTO, platformKey: "ecom_order_delivered_refund_and_return_reason_missing_item" },
  { key: "damaged", kind: "RETURN_REFUND", statuses: PROTECTED, buyerProtection: true, fault: "SELLER", request: EITHER_WITH_PHOTO, platformKey: "ecom_order_delivered_refund_and_return_reason_damaged" },
  { key: "defective", kind: "RETURN_REFUND", statuses: PROTECTED, buyerProtection: true, fault: "SELLER", request: EITHER_WITH_PHOTO, platformKey: "ecom_order_delivered_refund_and_return_reason_defective" },
  { key: "not_as_described", kind: "RETURN_REFUND", statuses: AFTER_DELIVERY, fault: "SELLER", request: EITHER_WITH_PHOTO, platformKey: "ecom_order_delivered_refund_and_return_reason_not_as_described" },
  { key: "wrong_item", kind: "RETURN_REFUND", statuses: AFTER_DELIVERY, fault: "SELLER", request: EITHER_WITH_PHOTO, platformKey: "ecom_order_delivered_refund_and_return_reason_wrong_item" },
  { key: "changed_mind", kind: "RETURN_REFUND", statuses: AFTER_DELIVERY, fault: "BUYER", request: { caseTypes: ["RETURN_AND_REFUND"], minPhotos: 0, describe: false }, platformKey: "ecom_order_delivered_refund_and_return_reason_no_longer_needed_new" },

  // Seller reasons for rejecting a refund or return request.
  { key: "used_or_worn", kind: "SELLER_REJECT_RETURN", statuses: DELIVERED_ITEM, fault: "NONE" },
  { key: "evidence_insufficient", kind: "SELLER_REJECT_RETURN", statuses: AFTER_SHIPMENT, fault: "NONE" },
  { key: "delivered_per_tracking", kind: "SELLER_REJECT_RETURN", statuses: DELIVERED_ITEM, fault: "NONE" },
  { key: "shipping_on_schedule", kind: "SELLER_REJECT_RETURN", statuses: BEFORE_DELIVERY, fault: "NONE" },
  { key: "outside_policy", kind: "SELLER_REJECT_RETURN", statuses: DELIVERED_ITEM, fault: "NONE" },

  // Seller reasons for rejecting a returned parcel at inspection.
  { key: "wrong_item_returned", kind: "SELLER_REJECT_RECEIPT", statuses: PROTECTED, fault: "NONE" },
  { key: "damaged_by_buyer", kind: "SELLER_REJECT_RECEIPT", statuses: PROTECTED, fault: "NONE" },
  { key: "parts_missing_on_return", kind: "SELLER_REJECT_RECEIPT", statuses: PROTECTED, fault: "NONE" },
  { key: "empty_parcel", kind: "SELLER_REJECT_RECEIPT", statuses: PROTECTED, fault: "NONE" },
] as const satisfies readonly ReasonFacts[];

export type ReasonKey = (typeof REASONS)[number]["key"];

type ReasonKeyOf<K extends ReasonKind> = Extract<(typeof REASONS)[number], { kind: K }>["key"];
export type BuyerCancelReasonKey = ReasonKeyOf<"BUYER_CANCEL">;
export type ReturnReasonKey = ReasonKeyOf<"RETURN_REFUND">;

const labelled: readonly Reason[] = REASONS.map((reason) => ({ ...reason, label: m(`engine.reason.${reason.key}`) }));
const byKey = new Map<string, Reason>(labelled.map((reason) => [reason.key, reason]));

export function findReason(key: string): Reason | undefined {
  return byKey.get(key);
}

/** A reason's label; an unknown key (data from before a reason was retired) is shown as it is. */
export function reasonLabel(key: string): Message {
  return byKey.get(key)?.label ?? m("engine.verbatim", { text: key });
}

export function reasonsOfKind(kind: ReasonKind): Reason[] {
  return labelled.filter((reason) => reason.kind === kind);
}

/** The reasons of a kind that may be given while the order is in `status`. */
export function reasonsFor(kind: ReasonKind, status: OrderStatus): Reason[] {
  return reasonsOfKind(kind).filter((reason) => reason.statuses.includes(status));
}

/** The keys of a kind, as a non-empty tuple for z.enum(). */
export function reasonKeys<K extends ReasonKind>(kind: K): [ReasonKeyOf<K>, ...ReasonKeyOf<K>[]] {
  // Every kind has reasons (the catalogue above), so the tuple is never empty.
  return reasonsOfKind(kind).map((reason) => reason.key as ReasonKeyOf<K>) as [ReasonKeyOf<K>, ...ReasonKeyOf<K>[]];
}

/**
 * Who is at fault for a cancellation with this reason, given when it was given: "item wasn't shipped
 * on time" is the seller's fault only when the dispatch deadline had already passed (DOMAIN: Seller
 * performance); before that it is the buyer's own cancel.
 */
export function faultAt(reason: Reason, dispatchDueAt: Date | null, givenAt: Date): FaultParty {
  if (!reason.sellerFaultOnceLate) return reason.fault;
  return dispatchDueAt && givenAt.getTime() >= dispatchDueAt.getTime() ? "SELLER" : "BUYER";
}

/** Whether a reason counts against the shop (its seller-fault cancellation rate, the original shipping refunded). */
export function isSellerFault(reason: { fault: FaultParty }): boolean {
  return reason.fault === "SELLER";
}
