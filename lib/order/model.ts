/**
 * The vocabulary of the order machine: statuses, roles, payment methods, and the state it decides
 * on. The sub-machines' statuses live next to their tables: cancel-request.ts, return-case.ts,
 * refund.ts, dispute.ts; deadlines in deadlines.ts.
 */
import { labelsOf, type Message } from "../i18n/message";
import type { CancelRequestState } from "./cancel-request";
import type { DeadlineKey } from "./deadlines";
import type { DisputeState } from "./dispute";
import type { RefundState } from "./refund";
import type { ReturnCaseState } from "./return-case";
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

/** The one name of each status, in badges, filters and headings alike. */
export const STATUS_LABELS: Record<OrderStatus, Message> = labelsOf("engine.status", ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED"]);

export const ROLES = ["BUYER", "SELLER", "SUPPORT", "SYSTEM"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Message> = labelsOf("engine.role", ["BUYER", "SELLER", "SUPPORT", "SYSTEM"]);
/** Each role inside a sentence ("the seller"). */
export const ROLE_NOUNS: Record<Role, Message> = labelsOf("engine.roleNoun", ["BUYER", "SELLER", "SUPPORT", "SYSTEM"]);

export const PAYMENT_METHODS = ["WALLET", "PAYPAL", "CARD"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, Message> = labelsOf("engine.paymentMethod", ["WALLET", "PAYPAL", "CARD"]);

export const FAULT_PARTIES = ["BUYER", "SELLER", "NONE"] as const;
export type FaultParty = (typeof FAULT_PARTIES)[number];

/** Who is acting. `id` is the user's id; null for the system. */
export interface Actor {
  role: Role;
  id: string | null;
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
  /** The shop's disclosed change-of-mind return fee when the order was placed (0: none). */
  changeOfMindFeeMinor: number;
  /** The shop's rule when the order was placed: refund-only requests refunding at most this much are approved at once (0: off). */
  autoRefundUpToMinor: number;
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
