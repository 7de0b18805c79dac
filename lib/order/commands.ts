/** What can be asked of the machine, and what it answers: commands, effects and decisions as plain data. */
import type { Message } from "../i18n/message";
import type { ReturnMethod } from "./limits";
import type { CancelRequestState } from "./cancel-request";
import type { DeadlineKey, DeadlineKind } from "./deadlines";
import type { AppealOutcome, DisputeOutcome, DisputeState, DisputeSubject, StatementParty } from "./dispute";
import type { FaultParty, OrderStatus, PaymentMethod, Role } from "./model";
import type { RefundStatus } from "./refund";
import type { RequestCaseType, ReturnCaseState } from "./return-case";
import type { EventType } from "./rules/events";

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
  // After shipment: buyer
  | { type: "REFUSE_PARCEL" }
  | { type: "REQUEST_RETURN"; caseType: RequestCaseType; reasonKey: string; description: string; photoCount: number }
  | { type: "WITHDRAW_RETURN" }
  | { type: "ACCEPT_OFFER" }
  | { type: "DECLINE_OFFER" }
  | { type: "SHIP_RETURN"; method: ReturnMethod; /** Self-arranged only: a prepaid label has its own. */ carrier: string; trackingNumber: string }
  // After shipment: seller
  | { type: "APPROVE_RETURN" }
  | { type: "REJECT_RETURN"; reasonKey: string }
  | { type: "OFFER_PARTIAL_REFUND"; amountMinor: number }
  | { type: "ACCEPT_RETURNED_PARCEL" }
  | { type: "REJECT_RETURNED_PARCEL"; reasonKey: string; photoCount: number }
  | { type: "CONFIRM_REFUSED_PARCEL" }
  // Disputes and appeals
  | { type: "ESCALATE"; subject: DisputeSubject; refundKey?: string; statement: string; photoCount: number }
  | { type: "ADD_DISPUTE_STATEMENT"; disputeId: string; statement: string; photoCount: number }
  | { type: "DECIDE_DISPUTE"; disputeId: string; outcome: DisputeOutcome; amountMinor: number | null; returnRequired: boolean; rationale: string }
  | { type: "DECIDE_REFUND_DISPUTE"; disputeId: string; outcome: DisputeOutcome; rationale: string }
  | { type: "APPEAL_DECISION"; disputeId: string; statement: string }
  | { type: "DECIDE_APPEAL"; disputeId: string; outcome: AppealOutcome; rationale: string }
  // Support's casework: who works a case, and a question to one side
  | { type: "TAKE_DISPUTE"; disputeId: string; /** Required when another agent has the case. */ reason: string }
  | { type: "ASK_FOR_INFORMATION"; disputeId: string; party: StatementParty; question: string }
  // System: the simulated carrier and the timers
  | { type: "CARRIER_PICKUP" }
  | { type: "PAYMENT_TIMEOUT" }
  | { type: "END_REMORSE_WINDOW" }
  | { type: "END_AUTO_APPROVE_WINDOW" }
  | { type: "CANCEL_REQUEST_TIMEOUT" }
  | { type: "DISPATCH_DEADLINE_PASSED" }
  | { type: "DISPATCH_AUTO_CANCEL" }
  | { type: "SEND_REMINDER"; deadline: DeadlineKind; /** For a per-thing deadline (an appeal window): which one. */ ref?: string }
  | { type: "CARRIER_DELIVER" }
  // The simulated carrier loses or delays the parcel (a developer control); a lost parcel is cancelled after its deadline.
  | { type: "LOSE_PARCEL" }
  | { type: "DELAY_PARCEL" }
  | { type: "LOST_PARCEL_TIMEOUT" }
  | { type: "REFUSED_PARCEL_DELIVERED" }
  | { type: "RETURN_PARCEL_DELIVERED" }
  | { type: "SELLER_REVIEW_TIMEOUT" }
  | { type: "OFFER_TIMEOUT" }
  | { type: "SHIP_BACK_TIMEOUT" }
  | { type: "INSPECTION_TIMEOUT" }
  | { type: "REFUSAL_INSPECTION_TIMEOUT" }
  | { type: "DISPUTE_FILING_TIMEOUT" }
  | { type: "COMPLETE_ORDER" }
  // The simulated payment network
  | { type: "REFUND_ARRIVED"; refundKey: string }
  | { type: "DELAY_REFUND"; refundKey: string }
  | { type: "REFUND_OVERDUE"; refundKey: string }
  | { type: "APPEAL_WINDOW_END"; disputeId: string }
  // The simulator: the carrier or the payment network is early (a developer control)
  | { type: "HURRY_SIMULATION"; deadline: DeadlineKey }
  | { type: "CANCEL_DISPUTE_WINDOW_END" };

export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/**
 * The commands people send from a page (the rest are the platform's timers and simulator). Forms,
 * the order page's action and its zod schema are keyed by this list, so a new person command that
 * has no form or no validation fails to compile; a test checks it against the table's roles.
 */
export const PERSON_COMMAND_TYPES = [
  "PAY",
  "BUYER_CANCEL",
  "REQUEST_CANCEL",
  "WITHDRAW_CANCEL_REQUEST",
  "APPROVE_CANCEL_REQUEST",
  "REJECT_CANCEL_REQUEST",
  "SELLER_CANCEL",
  "ARRANGE_SHIPMENT",
  "OPERATOR_CANCEL",
  "REFUSE_PARCEL",
  "REQUEST_RETURN",
  "WITHDRAW_RETURN",
  "ACCEPT_OFFER",
  "DECLINE_OFFER",
  "SHIP_RETURN",
  "APPROVE_RETURN",
  "REJECT_RETURN",
  "OFFER_PARTIAL_REFUND",
  "ACCEPT_RETURNED_PARCEL",
  "REJECT_RETURNED_PARCEL",
  "CONFIRM_REFUSED_PARCEL",
  "ESCALATE",
  "ADD_DISPUTE_STATEMENT",
  "DECIDE_DISPUTE",
  "DECIDE_REFUND_DISPUTE",
  "APPEAL_DECISION",
  "DECIDE_APPEAL",
  "TAKE_DISPUTE",
  "ASK_FOR_INFORMATION",
] as const satisfies readonly CommandType[];

/** The commands the platform sends itself: its timers, the simulated carrier and payment network, the simulator. */
export const SYSTEM_COMMAND_TYPES = [
  "CARRIER_PICKUP",
  "PAYMENT_TIMEOUT",
  "END_REMORSE_WINDOW",
  "END_AUTO_APPROVE_WINDOW",
  "CANCEL_REQUEST_TIMEOUT",
  "DISPATCH_DEADLINE_PASSED",
  "DISPATCH_AUTO_CANCEL",
  "SEND_REMINDER",
  "CARRIER_DELIVER",
  "LOSE_PARCEL",
  "DELAY_PARCEL",
  "LOST_PARCEL_TIMEOUT",
  "REFUSED_PARCEL_DELIVERED",
  "RETURN_PARCEL_DELIVERED",
  "SELLER_REVIEW_TIMEOUT",
  "OFFER_TIMEOUT",
  "SHIP_BACK_TIMEOUT",
  "INSPECTION_TIMEOUT",
  "REFUSAL_INSPECTION_TIMEOUT",
  "DISPUTE_FILING_TIMEOUT",
  "COMPLETE_ORDER",
  "REFUND_ARRIVED",
  "DELAY_REFUND",
  "REFUND_OVERDUE",
  "APPEAL_WINDOW_END",
  "CANCEL_DISPUTE_WINDOW_END",
  "HURRY_SIMULATION",
] as const satisfies readonly CommandType[];

/** Every command, people's first (the order in which a page lists actions). */
export const COMMAND_TYPES = [...PERSON_COMMAND_TYPES, ...SYSTEM_COMMAND_TYPES] as const;

// The two lists name every command: one added to `Command` and to neither list fails to compile.
type Unlisted = Exclude<CommandType, (typeof COMMAND_TYPES)[number]>;
export const COMMAND_TYPES_COMPLETE: [Unlisted] extends [never] ? true : Unlisted = true;

export type PersonCommandType = (typeof PERSON_COMMAND_TYPES)[number];

export function isPersonCommand(type: string): type is PersonCommandType {
  return (PERSON_COMMAND_TYPES as readonly string[]).includes(type);
}

/** What a command carries besides its type: a verb service's input is this plus the order, version and idempotency key. */
export type CommandFields<T extends CommandType> = Omit<CommandOf<T>, "type">;

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
  /** Return postage kept from this refund (the buyer's cost); `totalMinor` is after it. */
  postageDeductedMinor: number;
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

/**
 * PAYMENT buyer → escrow; REFUND escrow → buyer; SETTLEMENT escrow → seller; POSTAGE return postage →
 * platform; RECALL an overdue refund taken over by the platform; REMEDY platform → buyer's wallet;
 * COMPENSATION platform → seller after an appeal the seller won.
 */
export type LedgerKind = "PAYMENT" | "REFUND" | "SETTLEMENT" | "POSTAGE" | "RECALL" | "REMEDY" | "COMPENSATION" | "PROTECTION_REFUND" | "RETURN_FEE";

export type Effect =
  | RefundEffect
  | { type: "CAPTURE_PAYMENT"; method: PaymentMethod; amountMinor: number; currency: string }
  | { type: "LEDGER"; kind: LedgerKind; currency: string; postings: LedgerPosting[] }
  | { type: "RESTOCK" }
  | { type: "NOTIFY"; audience: Audience; kind: string; title: Message; body: Message };

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
  deliveredAt?: Date;
  returnWindowEndsAt?: Date;
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
  /** The after-sales case as it is after this decision, when the decision opened or moved one. */
  returnCase?: ReturnCaseState;
  /** A refund whose status this decision changed. */
  refundUpdate?: { key: string; status: RefundStatus; at: Date };
  /** The dispute as it is after this decision, when the decision opened or moved one. */
  dispute?: DisputeState;
  /** Deadlines to open, and the keys of open deadlines to close. */
  deadlines: { open: DeadlineSpec[]; close: DeadlineKey[] };
  effects: Effect[];
  event: { type: EventType; summary: Message; data: Record<string, unknown> };
}

export type RefusalCode = "FORBIDDEN" | "INVALID_TRANSITION" | "VALIDATION";

export interface Refusal {
  ok: false;
  error: { code: RefusalCode; reason: Message; field?: string };
}

/** Ledger account names (docs/rules.md#money). */
export const accounts = {
  /** The buyer's money outside the platform: their card or PayPal (and what they top the wallet up from). */
  buyer: (buyerId: string) => `buyer:${buyerId}`,
  /** The buyer's platform wallet: money the platform holds for them, never below zero. */
  wallet: (buyerId: string) => `wallet:${buyerId}`,
  seller: (shopId: string) => `seller:${shopId}`,
  escrow: "escrow",
  platform: "platform",
} as const;
