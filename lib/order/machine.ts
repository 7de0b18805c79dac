/**
 * The order state machine: one transitions table and one decision function. Pure: no I/O, no clock
 * (time comes in as `now`), no knowledge of the database. Pages ask `availableActions` what a person
 * may do and why not; services ask `decide` and persist what it returns; timers send system commands.
 */
import { formatDay } from "../format";
import { formatMoney } from "../money";
import { findReason } from "./reasons";
import { addDuration, type Policy } from "./policy";
import {
  FINAL_STATUSES,
  ORDER_STATUSES,
  PAYMENT_METHOD_LABELS,
  ROLE_LABELS,
  type Actor,
  type FaultParty,
  type OrderState,
  type OrderStatus,
  type PaymentMethod,
  type Role,
} from "./model";

// ---------------------------------------------------------------------------------------------
// Commands, deadlines, effects, decisions
// ---------------------------------------------------------------------------------------------

export type Command =
  | { type: "PAY" }
  | { type: "BUYER_CANCEL"; reasonKey: string }
  | { type: "END_REMORSE_WINDOW" };

export type CommandType = Command["type"];

export const DEADLINE_KINDS = ["PAYMENT", "REMORSE_WINDOW", "DISPATCH", "DISPATCH_AUTO_CANCEL"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** The system command a timer sends when a deadline of this kind falls due (null: a flag only, no command yet). */
export const DEADLINE_COMMANDS: Record<DeadlineKind, CommandType | null> = {
  PAYMENT: null,
  REMORSE_WINDOW: "END_REMORSE_WINDOW",
  DISPATCH: null,
  DISPATCH_AUTO_CANCEL: null,
};

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  PAYMENT: "Payment due",
  REMORSE_WINDOW: "Instant cancellation ends",
  DISPATCH: "Seller must ship by",
  DISPATCH_AUTO_CANCEL: "Cancelled automatically if not shipped by",
};

export interface DeadlineSpec {
  kind: DeadlineKind;
  dueAt: Date;
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

export type Effect =
  | RefundEffect
  | { type: "LEDGER"; kind: "PAYMENT" | "REFUND"; currency: string; postings: LedgerPosting[] }
  | { type: "RESTOCK" }
  | { type: "NOTIFY"; audience: "BUYER" | "SELLER"; kind: string; title: string; body: string };

export interface Cancellation {
  reasonKey: string;
  byRole: Role;
  byId: string | null;
  at: Date;
  fault: FaultParty;
}

export interface OrderPatch {
  status: OrderStatus;
  paidAt?: Date;
  remorseEndsAt?: Date;
  cancellation?: Cancellation;
}

export interface Decision {
  ok: true;
  command: CommandType;
  from: OrderStatus;
  to: OrderStatus;
  patch: OrderPatch;
  deadlines: { open: DeadlineSpec[]; close: DeadlineKind[] | "ALL" };
  effects: Effect[];
  event: { type: string; summary: string; data: Record<string, unknown> };
}

export type RefusalCode = "FORBIDDEN" | "INVALID_TRANSITION" | "VALIDATION";

export interface Refusal {
  ok: false;
  error: { code: RefusalCode; reason: string; field?: string };
}

// ---------------------------------------------------------------------------------------------
// Accounts (ledger account names are part of the domain: DOMAIN.md "Money")
// ---------------------------------------------------------------------------------------------

export const accounts = {
  buyer: (buyerId: string) => `buyer:${buyerId}`,
  seller: (shopId: string) => `seller:${shopId}`,
  escrow: "escrow",
  platform: "platform",
} as const;

// ---------------------------------------------------------------------------------------------
// The transitions table
// ---------------------------------------------------------------------------------------------

interface Context<C extends Command> {
  state: OrderState;
  command: C;
  actor: Actor;
  now: Date;
  policy: Policy;
}

type StateContext = Omit<Context<Command>, "command">;

interface Outcome {
  patch?: Omit<OrderPatch, "status">;
  deadlines?: { open?: DeadlineSpec[]; close?: DeadlineKind[] | "ALL" };
  effects?: Effect[];
  event: { type: string; summary: string; data?: Record<string, unknown> };
}

interface Transition<C extends Command> {
  /** What a person sees on the button. */
  label: string;
  roles: readonly Role[];
  from: readonly OrderStatus[];
  to: OrderStatus;
  /** Why the command is not open in a status outside `from` (falls back to a generic sentence). */
  unavailable?: Partial<Record<OrderStatus, string>>;
  /** A state-level check; returns the reason the command is blocked, or null. */
  guard?: (ctx: StateContext) => string | null;
  /** Checks the command's own fields against the state; returns a field error, or null. */
  validate?: (ctx: Context<C>) => { field: string; reason: string } | null;
  apply: (ctx: Context<C>) => Outcome;
}

type TransitionTable = { [T in CommandType]: Transition<Extract<Command, { type: T }>> };

const SHIPPED_CANCEL_REASONS: Partial<Record<OrderStatus, string>> = {
  AWAITING_SHIPMENT:
    "Instant cancellation is no longer available: the seller has started processing this order, so a cancellation now needs the seller's approval.",
  AWAITING_COLLECTION: "Cancel is no longer available: the seller has arranged shipment and the parcel is waiting for the carrier.",
  IN_TRANSIT: "Cancel is no longer available: the parcel has shipped. You can refuse it, or request a return after delivery.",
  DELIVERED: "Cancel is no longer available: the parcel has been delivered. You can request a refund or a return instead.",
  COMPLETED: "This order is complete, so it can no longer be cancelled.",
  CANCELLED: "This order is already cancelled.",
};

export const TRANSITIONS: TransitionTable = {
  PAY: {
    label: "Pay",
    roles: ["BUYER"],
    from: ["UNPAID"],
    to: "ON_HOLD",
    apply: ({ state, now, policy }) => {
      const remorseEndsAt = addDuration(now, policy.remorseWindow, policy);
      return {
        patch: { paidAt: now, remorseEndsAt },
        deadlines: { open: [{ kind: "REMORSE_WINDOW", dueAt: remorseEndsAt }], close: ["PAYMENT"] },
        effects: [
          {
            type: "LEDGER",
            kind: "PAYMENT",
            currency: state.currency,
            postings: [
              { account: accounts.buyer(state.buyerId), amountMinor: -state.totalMinor },
              { account: accounts.escrow, amountMinor: state.totalMinor },
            ],
          },
        ],
        event: {
          type: "ORDER_PAID",
          summary: `Paid ${formatMoney(state.totalMinor, state.currency)} by ${PAYMENT_METHOD_LABELS[state.paymentMethod]}; held in escrow.`,
        },
      };
    },
  },

  BUYER_CANCEL: {
    label: "Cancel order",
    roles: ["BUYER"],
    from: ["UNPAID", "ON_HOLD"],
    to: "CANCELLED",
    unavailable: SHIPPED_CANCEL_REASONS,
    guard: ({ state, now }) => {
      if (state.status === "ON_HOLD" && state.remorseEndsAt && now.getTime() >= state.remorseEndsAt.getTime()) {
        return SHIPPED_CANCEL_REASONS.AWAITING_SHIPMENT ?? null;
      }
      return null;
    },
    validate: ({ state, command }) => {
      const reason = findReason(command.reasonKey);
      if (!reason || reason.kind !== "BUYER_CANCEL") return { field: "reasonKey", reason: "Choose a reason from the list." };
      if (!reason.statuses.includes(state.status)) {
        return { field: "reasonKey", reason: `"${reason.label}" is not a reason you can give at this stage. Choose another.` };
      }
      return null;
    },
    apply: ({ state, command, actor, now, policy }) => {
      const reason = findReason(command.reasonKey)!;
      const cancellation: Cancellation = { reasonKey: reason.key, byRole: actor.role, byId: actor.id, at: now, fault: reason.fault };
      const effects: Effect[] = [{ type: "RESTOCK" }];
      let refundText = "";
      if (state.paidAt) {
        const refund = fullRefund(state, now, policy, `cancel:${state.id}`);
        effects.push(refund, refundPostings(state, refund.totalMinor));
        refundText = refundSentence(refund, "the buyer's");
        effects.push({
          type: "NOTIFY",
          audience: "BUYER",
          kind: "REFUND_STARTED",
          title: `Order ${state.code} cancelled`,
          body: refundSentence(refund, "your"),
        });
      }
      effects.push({
        type: "NOTIFY",
        audience: "SELLER",
        kind: "ORDER_CANCELLED",
        title: `Order ${state.code} was cancelled by the buyer`,
        body: `Reason: ${reason.label}. The stock has been restored${state.paidAt ? " and the buyer is being refunded" : ""}. Not counted against your shop.`,
      });
      return {
        patch: { cancellation },
        effects,
        event: {
          type: "ORDER_CANCELLED",
          summary: `Cancelled by the buyer: ${reason.label}.${refundText ? " " + refundText : ""}`,
          data: { reasonKey: reason.key, fault: reason.fault },
        },
      };
    },
  },

  END_REMORSE_WINDOW: {
    label: "End the remorse window",
    roles: ["SYSTEM"],
    from: ["ON_HOLD"],
    to: "AWAITING_SHIPMENT",
    guard: ({ state, now }) =>
      state.remorseEndsAt && now.getTime() < state.remorseEndsAt.getTime() ? "The 1-hour cancellation window is still open." : null,
    apply: ({ state, policy }) => {
      // Dispatch deadlines count from the end of ON_HOLD, not from when the timer happened to run.
      const onHoldEnded = state.remorseEndsAt!;
      return {
        deadlines: {
          close: ["REMORSE_WINDOW"],
          open: [
            { kind: "DISPATCH", dueAt: addDuration(onHoldEnded, policy.dispatchDeadline, policy) },
            { kind: "DISPATCH_AUTO_CANCEL", dueAt: addDuration(onHoldEnded, policy.dispatchAutoCancel, policy) },
          ],
        },
        effects: [],
        event: { type: "REMORSE_WINDOW_ENDED", summary: "The 1-hour cancellation window ended; the order is waiting for the seller to ship." },
      };
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Money helpers used by the table
// ---------------------------------------------------------------------------------------------

function fullRefund(state: OrderState, now: Date, policy: Policy, idempotencyKey: string): RefundEffect {
  const arrival = policy.refundArrival[state.paymentMethod];
  const expectedArrivalAt = addDuration(now, arrival, policy);
  return {
    type: "REFUND",
    idempotencyKey,
    currency: state.currency,
    itemsMinor: state.itemsMinor,
    shippingMinor: state.shippingFeeMinor,
    totalMinor: state.itemsMinor + state.shippingFeeMinor,
    destination: state.paymentMethod,
    expectedArrivalAt,
    arrived: expectedArrivalAt.getTime() <= now.getTime(),
  };
}

function refundPostings(state: OrderState, totalMinor: number): Effect {
  return {
    type: "LEDGER",
    kind: "REFUND",
    currency: state.currency,
    postings: [
      { account: accounts.escrow, amountMinor: -totalMinor },
      { account: accounts.buyer(state.buyerId), amountMinor: totalMinor },
    ],
  };
}

function refundSentence(refund: RefundEffect, whose: "your" | "the buyer's"): string {
  const amount = formatMoney(refund.totalMinor, refund.currency);
  const to = `${whose} ${PAYMENT_METHOD_LABELS[refund.destination]}`;
  return refund.arrived
    ? `A refund of ${amount} was paid to ${to}.`
    : `A refund of ${amount} to ${to} has started; expected by ${formatDay(refund.expectedArrivalAt)}.`;
}


// ---------------------------------------------------------------------------------------------
// Deciding
// ---------------------------------------------------------------------------------------------

function refuse(code: RefusalCode, reason: string, field?: string): Refusal {
  return { ok: false, error: field ? { code, reason, field } : { code, reason } };
}

function whoMay(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role].toLowerCase()).join(" or ");
}

/** Why a transition is closed in the current state, or null when it is open (command fields aside). */
function blockedBecause<C extends Command>(rule: Transition<C>, ctx: StateContext): string | null {
  if (!rule.from.includes(ctx.state.status)) {
    return rule.unavailable?.[ctx.state.status] ?? `This is not possible while the order is ${ctx.state.status.toLowerCase().replace(/_/g, " ")}.`;
  }
  return rule.guard?.(ctx) ?? null;
}

/**
 * The one decision function: given an order, a command, who sends it and when, under which policy,
 * it returns the next state, the deadlines to open and close, and the effects to carry out; or a
 * refusal with a code and a sentence a person can read.
 */
export function decide(state: OrderState, command: Command, actor: Actor, now: Date, policy: Policy): Decision | Refusal {
  const rule = TRANSITIONS[command.type] as Transition<Command>;
  if (!rule.roles.includes(actor.role)) {
    return refuse("FORBIDDEN", `Only the ${whoMay(rule.roles)} can do this.`);
  }
  const ctx: Context<Command> = { state, command, actor, now, policy };
  const blocked = blockedBecause(rule, ctx);
  if (blocked) return refuse("INVALID_TRANSITION", blocked);
  const invalid = rule.validate?.(ctx);
  if (invalid) return refuse("VALIDATION", invalid.reason, invalid.field);

  const outcome = rule.apply(ctx);
  const toFinal = FINAL_STATUSES.includes(rule.to);
  return {
    ok: true,
    command: command.type,
    from: state.status,
    to: rule.to,
    patch: { status: rule.to, ...outcome.patch },
    deadlines: {
      open: toFinal ? [] : (outcome.deadlines?.open ?? []),
      // A final order has nothing left to wait for.
      close: toFinal ? "ALL" : (outcome.deadlines?.close ?? []),
    },
    effects: outcome.effects ?? [],
    event: { type: outcome.event.type, summary: outcome.event.summary, data: outcome.event.data ?? {} },
  };
}

export interface AvailableAction {
  command: CommandType;
  label: string;
  enabled: boolean;
  /** When disabled: a plain sentence saying why, and what to do instead. */
  reason?: string;
  /**
   * Whether a person would look for this action now: it is open, or the table explains why it is
   * closed in this status (e.g. cancel after shipping). "Pay" on a paid order is not relevant.
   */
  relevant: boolean;
}

/** Every command this actor could send, open or not, with the reason when it is not. */
export function availableActions(state: OrderState, actor: Actor, now: Date, policy: Policy): AvailableAction[] {
  const ctx: StateContext = { state, actor, now, policy };
  const actions: AvailableAction[] = [];
  for (const type of Object.keys(TRANSITIONS) as CommandType[]) {
    const rule = TRANSITIONS[type] as Transition<Command>;
    if (!rule.roles.includes(actor.role)) continue;
    const blocked = blockedBecause(rule, ctx);
    if (!blocked) {
      actions.push({ command: type, label: rule.label, enabled: true, relevant: true });
      continue;
    }
    const explained = rule.from.includes(state.status) || rule.unavailable?.[state.status] !== undefined;
    actions.push({ command: type, label: rule.label, enabled: false, reason: blocked, relevant: explained });
  }
  return actions;
}

/** Checks the table's graph: known statuses only, and nothing leaves a final status. */
export function checkTransitionGraph(table: Record<string, { from: readonly string[]; to: string }> = TRANSITIONS): string[] {
  const problems: string[] = [];
  const known = new Set<string>(ORDER_STATUSES);
  for (const [type, rule] of Object.entries(table)) {
    for (const status of [...rule.from, rule.to]) if (!known.has(status)) problems.push(`${type}: unknown status ${status}`);
    for (const status of rule.from) if ((FINAL_STATUSES as readonly string[]).includes(status)) problems.push(`${type}: leaves final status ${status}`);
  }
  return problems;
}

