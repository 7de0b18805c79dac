/**
 * What every rule is made of: the shape of a transition, and the pieces several rules share
 * (sentences, reason checks, refunds with their ledger postings and arrival deadlines, settlement).
 */
import { formatDay } from "../../format";
import { formatMoney } from "../../money";
import { accounts, type Audience, type Command, type CommandOf, type CommandType, type DeadlineSpec, type Effect, type OrderPatch, type RefundEffect } from "../commands";
import {
  PAYMENT_METHOD_LABELS,
  deadlineKey,
  type Actor,
  type CancelRequestState,
  type CancelRequestStatus,
  type CaseStatus,
  type DeadlineKey,
  type DisputeState,
  type DisputeStatus,
  type OrderState,
  type OrderStatus,
  type RefundStatus,
  type ReturnCaseState,
  type Role,
} from "../model";
import { addDuration, type Policy } from "../policy";
import { findReason, type ReasonKind } from "../reasons";
import type { RefundBreakdown } from "../return-case";

// ---------------------------------------------------------------------------------------------
// The shape of a rule
// ---------------------------------------------------------------------------------------------

export interface Context<C extends Command = Command> {
  state: OrderState;
  command: C;
  actor: Actor;
  now: Date;
  policy: Policy;
}

export type StateContext = Omit<Context, "command">;

/** Why a command is closed. `quiet`: nothing to explain to a person (another action covers it). */
export interface Block {
  reason: string;
  quiet?: boolean;
}

export interface Outcome {
  /** The order's next status; omitted when the command leaves it where it is. */
  status?: OrderStatus;
  patch?: Omit<OrderPatch, "status">;
  cancelRequest?: CancelRequestState;
  returnCase?: ReturnCaseState;
  refundUpdate?: { key: string; status: RefundStatus; at: Date };
  dispute?: DisputeState;
  deadlines?: { open?: DeadlineSpec[]; close?: DeadlineKey[] };
  effects?: Effect[];
  event: { type: string; summary: string; data?: Record<string, unknown> };
}

export interface Transition<C extends Command = Command> {
  /** What a person sees on the button. */
  label: string;
  roles: readonly Role[];
  from: readonly OrderStatus[];
  /** The statuses this command can move the order to; empty when it never changes the order's status. */
  to: readonly OrderStatus[];
  /** How this command may move the cancel request (NONE: it creates one); checked against its sub-machine. */
  request?: Moves<CancelRequestStatus>;
  /** How this command may move the after-sales case. */
  cases?: Moves<CaseStatus>;
  /** How this command may move an existing refund (creating refunds is declared by the REFUND effect). */
  refunds?: Moves<RefundStatus>;
  /** How this command may move a dispute (or add to one without moving it: `stays`). */
  disputes?: Moves<DisputeStatus>;
  /** The reason list the command takes its `reasonKey` from (forms show these). */
  reasons?: ReasonKind;
  /** For commands a timer sends: the key of the deadline that must be open and due. */
  timer?: (command: C) => DeadlineKey;
  /** Why the command is closed in a status outside `from`. */
  unavailable?: Partial<Record<OrderStatus, string | Block | ((ctx: StateContext) => Block)>>;
  /** A check on the state; returns why the command is blocked, or null. */
  guard?: (ctx: StateContext) => Block | null;
  /** A check of the command's own fields; returns a field error, or null. */
  validate?: (ctx: Context<C>) => { field: string; reason: string } | null;
  apply: (ctx: Context<C>) => Outcome;
}

/**
 * The moves a rule may make in a sub-machine: from these statuses (NONE: it creates the thing) to
 * these; `stays`: statuses in which it changes the thing without moving it (a statement added).
 */
export interface Moves<S extends string> {
  from: readonly (S | "NONE")[];
  to: readonly S[];
  stays?: readonly S[];
}

export type Rules<T extends CommandType> = { [K in T]: Transition<CommandOf<K>> };

// ---------------------------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------------------------

export const quiet = (reason: string): Block => ({ reason, quiet: true });

export const BY: Record<Role, string> = { BUYER: "by the buyer", SELLER: "by the seller", SUPPORT: "by platform support", SYSTEM: "automatically by the platform" };

export function notify(audience: Audience, kind: string, title: string, body: string): Effect {
  return { type: "NOTIFY", audience, kind, title, body };
}

export function money(state: OrderState, minor: number): string {
  return formatMoney(minor, state.currency);
}

export function reasonCheck(kind: ReasonKind, status: OrderStatus, key: string): { field: string; reason: string } | null {
  const reason = findReason(key);
  if (!reason || reason.kind !== kind) return { field: "reasonKey", reason: "Choose a reason from the list." };
  if (!reason.statuses.includes(status)) return { field: "reasonKey", reason: `"${reason.label}" is not a reason you can give at this stage. Choose another.` };
  return null;
}

export function refundSentence(refund: Pick<RefundEffect, "totalMinor" | "currency" | "destination" | "arrived" | "expectedArrivalAt">, whose: "your" | "the buyer's"): string {
  const amount = formatMoney(refund.totalMinor, refund.currency);
  const to = `${whose} ${PAYMENT_METHOD_LABELS[refund.destination]}`;
  return refund.arrived
    ? `A refund of ${amount} was paid to ${to}.`
    : `A refund of ${amount} to ${to} has started; expected by ${formatDay(refund.expectedArrivalAt)}.`;
}

export const timerDue = (key: DeadlineKey) => () => key;

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

export interface IssuedRefund {
  refund: RefundEffect;
  effects: Effect[];
  deadlines: DeadlineSpec[];
  /** What escrow holds once this refund and its postage have left it. */
  escrowAfter: number;
}

/**
 * A refund to the original payment method: the refund row, its ledger postings (escrow → buyer;
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
  if (breakdown.totalMinor > 0) {
    effects.push({
      type: "LEDGER",
      kind: "REFUND",
      currency: state.currency,
      postings: [
        { account: accounts.escrow, amountMinor: -breakdown.totalMinor },
        { account: accounts.buyer(state.buyerId), amountMinor: breakdown.totalMinor },
      ],
    });
  }
  if (breakdown.postageDeductedMinor > 0) {
    effects.push({
      type: "LEDGER",
      kind: "POSTAGE",
      currency: state.currency,
      postings: [
        { account: accounts.escrow, amountMinor: -breakdown.postageDeductedMinor },
        { account: accounts.platform, amountMinor: breakdown.postageDeductedMinor },
      ],
    });
  }
  if (breakdown.postagePaidBy === "SELLER" && breakdown.postageMinor > 0) {
    effects.push({
      type: "LEDGER",
      kind: "POSTAGE",
      currency: state.currency,
      postings: [
        { account: accounts.seller(state.shopId), amountMinor: -breakdown.postageMinor },
        { account: accounts.platform, amountMinor: breakdown.postageMinor },
      ],
    });
  }
  const deadlines: DeadlineSpec[] = arrived
    ? []
    : [
        { kind: "REFUND_ARRIVAL", dueAt: expectedArrivalAt, ref: key },
        { kind: "REFUND_OVERDUE", dueAt: addDuration(expectedArrivalAt, policy.refundOverdueAfter, policy), ref: key },
      ];
  return { refund, effects, deadlines, escrowAfter: state.escrowMinor - breakdown.totalMinor - breakdown.postageDeductedMinor };
}

/** Pays what escrow still holds to the seller (when the order completes, or after a refused parcel is refunded). */
export function settlement(state: OrderState, escrowMinor: number): Effect[] {
  if (escrowMinor <= 0) return [];
  return [
    {
      type: "LEDGER",
      kind: "SETTLEMENT",
      currency: state.currency,
      postings: [
        { account: accounts.escrow, amountMinor: -escrowMinor },
        { account: accounts.seller(state.shopId), amountMinor: escrowMinor },
      ],
    },
  ];
}

export { deadlineKey };
