/** What can be asked of the machine, and what it answers: commands, effects and decisions as plain data. */
import type { CancelRequestState, DeadlineKey, DeadlineKind, FaultParty, OrderStatus, PaymentMethod, Role } from "./model";

export type Command =
  // Buyer
  | { type: "PAY" }
  | { type: "BUYER_CANCEL"; reasonKey: string }
  | { type: "REQUEST_CANCEL"; reasonKey: string }
  | { type: "WITHDRAW_CANCEL_REQUEST" }
  // Seller
  | { type: "APPROVE_CANCEL_REQUEST" }
  | { type: "REJECT_CANCEL_REQUEST"; reasonKey: string }
  | { type: "SELLER_CANCEL"; reasonKey: string }
  | { type: "ARRANGE_SHIPMENT" }
  // Platform support
  | { type: "OPERATOR_CANCEL"; reasonKey: string }
  // System: the simulated carrier and the timers
  | { type: "CARRIER_PICKUP" }
  | { type: "PAYMENT_TIMEOUT" }
  | { type: "END_REMORSE_WINDOW" }
  | { type: "END_AUTO_APPROVE_WINDOW" }
  | { type: "CANCEL_REQUEST_TIMEOUT" }
  | { type: "DISPATCH_DEADLINE_PASSED" }
  | { type: "DISPATCH_AUTO_CANCEL" }
  | { type: "SEND_REMINDER"; deadline: DeadlineKind };

export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export const COMMAND_TYPES = [
  "PAY",
  "BUYER_CANCEL",
  "REQUEST_CANCEL",
  "WITHDRAW_CANCEL_REQUEST",
  "APPROVE_CANCEL_REQUEST",
  "REJECT_CANCEL_REQUEST",
  "SELLER_CANCEL",
  "ARRANGE_SHIPMENT",
  "OPERATOR_CANCEL",
  "CARRIER_PICKUP",
  "PAYMENT_TIMEOUT",
  "END_REMORSE_WINDOW",
  "END_AUTO_APPROVE_WINDOW",
  "CANCEL_REQUEST_TIMEOUT",
  "DISPATCH_DEADLINE_PASSED",
  "DISPATCH_AUTO_CANCEL",
  "SEND_REMINDER",
] as const satisfies readonly CommandType[];

export interface DeadlineSpec {
  kind: DeadlineKind;
  dueAt: Date;
  /** For deadlines that exist once per thing (a refund): which one. */
  ref?: string;
}

export interface RefundEffect {
  type: "REFUND";
  /** One refund per cause: the store refuses a second refund with the same key. */
  idempotencyKey: string;
  currency: string;
  itemsMinor: number;
  shippingMinor: number;
  totalMinor: number;
  destination: PaymentMethod;
  expectedArrivalAt: Date;
  /** Wallet refunds arrive at once; the others are in flight until the payment network delivers them. */
  arrived: boolean;
}

export interface LedgerPosting {
  account: string;
  amountMinor: number;
}

export type Audience = "BUYER" | "SELLER";

export type Effect =
  | RefundEffect
  | { type: "LEDGER"; kind: "PAYMENT" | "REFUND"; currency: string; postings: LedgerPosting[] }
  | { type: "RESTOCK" }
  | { type: "NOTIFY"; audience: Audience; kind: string; title: string; body: string };

export interface Cancellation {
  reasonKey: string;
  byRole: Role;
  byId: string | null;
  at: Date;
  fault: FaultParty;
}

/** The fields of the order a decision changes (the status is always set). */
export interface OrderPatch {
  status: OrderStatus;
  paidAt?: Date;
  remorseEndsAt?: Date;
  awaitingShipmentAt?: Date;
  dispatchDueAt?: Date;
  arrangedAt?: Date;
  pickedUpAt?: Date;
  lateDispatch?: boolean;
  cancellation?: Cancellation;
}

export interface Decision {
  ok: true;
  command: CommandType;
  from: OrderStatus;
  to: OrderStatus;
  patch: OrderPatch;
  /** The cancel request as it is after this decision, when the decision touched it. */
  cancelRequest?: CancelRequestState;
  /** Deadlines to open, and the keys of open deadlines to close. */
  deadlines: { open: DeadlineSpec[]; close: DeadlineKey[] };
  effects: Effect[];
  event: { type: string; summary: string; data: Record<string, unknown> };
}

export type RefusalCode = "FORBIDDEN" | "INVALID_TRANSITION" | "VALIDATION";

export interface Refusal {
  ok: false;
  error: { code: RefusalCode; reason: string; field?: string };
}

/** Ledger account names (DOMAIN.md "Money"). */
export const accounts = {
  buyer: (buyerId: string) => `buyer:${buyerId}`,
  seller: (shopId: string) => `seller:${shopId}`,
  escrow: "escrow",
  platform: "platform",
} as const;
