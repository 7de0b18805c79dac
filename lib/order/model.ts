/** The vocabulary of the order machine: statuses, roles, payment methods, and the state it decides on. */
export const ORDER_STATUSES = [
  "UNPAID",
  "ON_HOLD",
  "AWAITING_SHIPMENT",
  "AWAITING_COLLECTION",
  "IN_TRANSIT",
  "DELIVERED",
  "COMPLETED",
  "CANCELLED",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const FINAL_STATUSES: readonly OrderStatus[] = ["COMPLETED", "CANCELLED"];

export const STATUS_LABELS: Record<OrderStatus, string> = {
  UNPAID: "Awaiting payment",
  ON_HOLD: "Paid, in the 1-hour cancellation window",
  AWAITING_SHIPMENT: "Awaiting shipment",
  AWAITING_COLLECTION: "Awaiting carrier pickup",
  IN_TRANSIT: "In transit",
  DELIVERED: "Delivered",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

export const ROLES = ["BUYER", "SELLER", "SUPPORT", "SYSTEM"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  BUYER: "Buyer",
  SELLER: "Seller",
  SUPPORT: "Platform support",
  SYSTEM: "The platform (automatic)",
};

export const PAYMENT_METHODS = ["WALLET", "PAYPAL", "CARD"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  WALLET: "platform wallet",
  PAYPAL: "PayPal",
  CARD: "card",
};

export const FAULT_PARTIES = ["BUYER", "SELLER", "NONE"] as const;
export type FaultParty = (typeof FAULT_PARTIES)[number];

/** Who is acting. `id` is the user's id; null for the system. */
export interface Actor {
  role: Role;
  id: string | null;
}

/** The cancel-request sub-machine's statuses (one request per order). */
export const CANCEL_REQUEST_STATUSES = ["PENDING", "APPROVED", "AUTO_APPROVED", "REJECTED", "AUTO_REJECTED", "WITHDRAWN"] as const;
export type CancelRequestStatus = (typeof CANCEL_REQUEST_STATUSES)[number];

export const CANCEL_REQUEST_STATUS_LABELS: Record<CancelRequestStatus, string> = {
  PENDING: "Waiting for the seller",
  APPROVED: "Approved by the seller",
  AUTO_APPROVED: "Approved automatically",
  REJECTED: "Rejected by the seller",
  AUTO_REJECTED: "Rejected automatically: the order shipped",
  WITHDRAWN: "Withdrawn by the buyer",
};

export interface CancelRequestState {
  status: CancelRequestStatus;
  reasonKey: string;
  requestedAt: Date;
  /** When the seller must answer by (null once answered). */
  respondBy: Date | null;
  resolvedAt: Date | null;
  rejectReasonKey: string | null;
}

/**
 * Every deadline the machine sets. Each has a system command that acts on it (DEADLINE_COMMANDS);
 * the `_REMINDER` kinds fire 2 hours before the deadline they name.
 */
export const DEADLINE_KINDS = [
  "PAYMENT",
  "PAYMENT_REMINDER",
  "REMORSE_WINDOW",
  "AUTO_APPROVE_WINDOW",
  "CANCEL_REQUEST_ANSWER",
  "CANCEL_REQUEST_ANSWER_REMINDER",
  "DISPATCH",
  "DISPATCH_REMINDER",
  "DISPATCH_AUTO_CANCEL",
  "CARRIER_PICKUP",
  "DELIVERY",
  "RETURN_WINDOW",
  "SELLER_REVIEW",
  "SELLER_REVIEW_REMINDER",
  "OFFER_ANSWER",
  "OFFER_ANSWER_REMINDER",
  "SHIP_BACK",
  "SHIP_BACK_REMINDER",
  "RETURN_TRANSIT",
  "INSPECTION",
  "INSPECTION_REMINDER",
  "REFUSED_PARCEL_TRANSIT",
  "REFUSAL_INSPECTION",
  "REFUSAL_INSPECTION_REMINDER",
  "DISPUTE_FILING",
  "CANCEL_DISPUTE_FILING",
  "APPEAL_WINDOW",
  "REFUND_ARRIVAL",
  "REFUND_OVERDUE",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Whose deadline it is. ORDER deadlines end when the order reaches a final status; CASE and REFUND
 * deadlines belong to sub-machines that may go on after it (a refused parcel is inspected after the
 * order is cancelled; a refund arrives after the order completes).
 */
export type DeadlineScope = "ORDER" | "CASE" | "REFUND" | "DISPUTE";

export const DEADLINE_SCOPES: Record<DeadlineKind, DeadlineScope> = {
  PAYMENT: "ORDER",
  PAYMENT_REMINDER: "ORDER",
  REMORSE_WINDOW: "ORDER",
  AUTO_APPROVE_WINDOW: "ORDER",
  CANCEL_REQUEST_ANSWER: "ORDER",
  CANCEL_REQUEST_ANSWER_REMINDER: "ORDER",
  DISPATCH: "ORDER",
  DISPATCH_REMINDER: "ORDER",
  DISPATCH_AUTO_CANCEL: "ORDER",
  CARRIER_PICKUP: "ORDER",
  DELIVERY: "ORDER",
  RETURN_WINDOW: "ORDER",
  SELLER_REVIEW: "CASE",
  SELLER_REVIEW_REMINDER: "CASE",
  OFFER_ANSWER: "CASE",
  OFFER_ANSWER_REMINDER: "CASE",
  SHIP_BACK: "CASE",
  SHIP_BACK_REMINDER: "CASE",
  RETURN_TRANSIT: "CASE",
  INSPECTION: "CASE",
  INSPECTION_REMINDER: "CASE",
  REFUSED_PARCEL_TRANSIT: "CASE",
  REFUSAL_INSPECTION: "CASE",
  REFUSAL_INSPECTION_REMINDER: "CASE",
  DISPUTE_FILING: "CASE",
  CANCEL_DISPUTE_FILING: "ORDER",
  APPEAL_WINDOW: "DISPUTE",
  REFUND_ARRIVAL: "REFUND",
  REFUND_OVERDUE: "REFUND",
};

export function isDeadlineKind(value: string): value is DeadlineKind {
  return (DEADLINE_KINDS as readonly string[]).includes(value);
}

/**
 * A deadline's key: its kind, or `<kind>:<ref>` for a deadline that exists once per thing (e.g. a
 * refund's arrival). An order has at most one open deadline per key.
 */
export type DeadlineKey = string;

export function deadlineKey(kind: DeadlineKind, ref?: string): DeadlineKey {
  return ref ? `${kind}:${ref}` : kind;
}

/** The kind and the ref of a key, or null when the kind is unknown. */
export function parseDeadlineKey(key: DeadlineKey): { kind: DeadlineKind; ref?: string } | null {
  if (typeof key !== "string") return null;
  const at = key.indexOf(":");
  const kind = at < 0 ? key : key.slice(0, at);
  if (!isDeadlineKind(kind)) return null;
  return at < 0 ? { kind } : { kind, ref: key.slice(at + 1) };
}

/** After-sales cases: a refund or a return the buyer asks for, or a parcel the buyer refused. */
export const CASE_TYPES = ["REFUND_ONLY", "RETURN_AND_REFUND", "REFUSED_PARCEL"] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  REFUND_ONLY: "Refund only (keep the item)",
  RETURN_AND_REFUND: "Return and refund",
  REFUSED_PARCEL: "Refused parcel",
};

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

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  REQUESTED: "Waiting for the seller's review",
  OFFERED: "Partial refund offered, waiting for the buyer",
  RE_REVIEW: "Offer declined, waiting for the seller's decision",
  REJECTED: "Rejected by the seller",
  AWAITING_SHIPBACK: "Approved, waiting for the buyer to ship the item back",
  RETURN_SHIPPED: "Return parcel on its way to the seller",
  PARCEL_RETURNING: "Refused parcel on its way back to the seller",
  AWAITING_INSPECTION: "Parcel back with the seller, waiting for inspection",
  RECEIPT_REJECTED: "Returned parcel rejected by the seller",
  ESCALATED: "With platform support for a decision",
  REFUNDED: "Refunded",
  CLOSED: "Closed",
};

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
  rejectReasonKey: string | null;
  refundMinor: number | null;
  /** Platform support required the return: the buyer is refunded when the parcel reaches the seller, without inspection. */
  refundOnArrival: boolean;
  closedAt: Date | null;
}

/** OVERDUE refunds that support paid to the platform wallet instead are REISSUED. */
export const REFUND_STATUSES = ["PENDING", "ARRIVED", "DELAYED", "OVERDUE", "REISSUED"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export interface RefundState {
  /** The refund's cause, unique per order: `cancel:<order>`, `case:<case id>`. */
  key: string;
  totalMinor: number;
  destination: PaymentMethod;
  status: RefundStatus;
  expectedArrivalAt: Date;
}

/** Disputes: the buyer asks platform support to decide. One per subject; no re-arbitration. */
export const DISPUTE_SUBJECTS = ["CASE", "CANCEL_REQUEST", "REFUND"] as const;
export type DisputeSubject = (typeof DISPUTE_SUBJECTS)[number];

export const DISPUTE_STATUSES = ["OPEN", "DECIDED_FOR_BUYER", "DECIDED_FOR_SELLER", "APPEALED", "APPEAL_UPHELD", "APPEAL_OVERTURNED", "CLOSED"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  OPEN: "Open: waiting for platform support",
  DECIDED_FOR_BUYER: "Decided for the buyer (the seller may appeal)",
  DECIDED_FOR_SELLER: "Decided for the seller",
  APPEALED: "Appealed by the seller: waiting for another agent",
  APPEAL_UPHELD: "Appeal rejected: the decision stands",
  APPEAL_OVERTURNED: "Appeal granted: decided for the seller",
  CLOSED: "Closed",
};

export const FINAL_DISPUTE_STATUSES: readonly DisputeStatus[] = ["DECIDED_FOR_SELLER", "APPEAL_UPHELD", "APPEAL_OVERTURNED", "CLOSED"];

export interface DisputeStatement {
  party: "BUYER" | "SELLER";
  text: string;
  photoCount: number;
  at: Date;
}

export interface DisputeState {
  /** `<orderId>-dispute-<n>`. */
  id: string;
  subject: DisputeSubject;
  /** The case id, or the refund key; the order id for a cancel request. */
  subjectRef: string;
  status: DisputeStatus;
  openedAt: Date;
  /** Support's target (shown in the queue; no timer acts on it). */
  decideBy: Date;
  statements: DisputeStatement[];
  decision: {
    outcome: "BUYER" | "SELLER";
    amountMinor: number | null;
    returnRequired: boolean;
    rationale: string;
    agentId: string;
    at: Date;
    /** What the decision refunded at once (an appeal won by the seller is compensated by this much). */
    refundedMinor: number;
  } | null;
  appeal: {
    statement: string;
    at: Date;
    outcome: "UPHELD" | "OVERTURNED" | null;
    rationale: string | null;
    agentId: string | null;
    decidedAt: Date | null;
  } | null;
}

/** What the machine needs to know about an order. Ownership (whose order it is) is checked by the service that loads it. */
export interface OrderState {
  id: string;
  /** The short number people read. */
  code: string;
  buyerId: string;
  shopId: string;
  status: OrderStatus;
  policyProfile: string;
  /** The shop's auto-approve window for cancellations, as it was when the order was placed. */
  autoApproveWindow: string;
  currency: string;
  itemsMinor: number;
  shippingFeeMinor: number;
  totalMinor: number;
  paymentMethod: PaymentMethod;
  placedAt: Date;
  paidAt: Date | null;
  remorseEndsAt: Date | null;
  /** When the order entered AWAITING_SHIPMENT (the end of ON_HOLD). */
  awaitingShipmentAt: Date | null;
  /** The dispatch deadline (arrange + pickup); missing it flags late dispatch. */
  dispatchDueAt: Date | null;
  arrangedAt: Date | null;
  pickedUpAt: Date | null;
  lateDispatch: boolean;
  cancelRequest: CancelRequestState | null;
  deliveredAt: Date | null;
  returnWindowEndsAt: Date | null;
  /** The latest after-sales case (one open at a time). */
  returnCase: ReturnCaseState | null;
  /** How many cases the order has had, the latest included. */
  caseCount: number;
  refunds: RefundState[];
  disputes: DisputeState[];
  /** What the order still holds in escrow: paid, less what was refunded, settled or kept for postage. */
  escrowMinor: number;
  /** The open deadlines, by key (see deadlineKey). */
  deadlines: Partial<Record<DeadlineKey, Date>>;
}

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

export function isPaymentMethod(value: string): value is PaymentMethod {
  return (PAYMENT_METHODS as readonly string[]).includes(value);
}
