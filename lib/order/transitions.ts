/**
 * The order transitions table: for each command, who may send it, from which statuses, what blocks
 * it (with a sentence a person can read), where it leads and what it causes. This is the one place
 * where the rules of DOMAIN.md up to shipment are written down; everything else reads it.
 */
import { formatDateTime, formatDay } from "../format";
import { formatMoney } from "../money";
import {
  PAYMENT_METHOD_LABELS,
  type Actor,
  type CancelRequestState,
  type CancelRequestStatus,
  type DeadlineKey,
  type DeadlineKind,
  type OrderState,
  type OrderStatus,
  type Role,
} from "./model";
import { AUTO_APPROVE_WINDOW_HOURS, addDuration, isAutoApproveWindow, type Policy } from "./policy";
import { findReason, type Reason, type ReasonKind } from "./reasons";
import { accounts, type Audience, type Command, type CommandOf, type CommandType, type DeadlineSpec, type Effect, type OrderPatch, type RefundEffect } from "./commands";

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
  /** The cancel-request statuses this command can produce (checked against the sub-machine). */
  request?: readonly CancelRequestStatus[];
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

export type TransitionTable = { [T in CommandType]: Transition<CommandOf<T>> };

// ---------------------------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------------------------

const quiet = (reason: string): Block => ({ reason, quiet: true });

const SHIPPED: Partial<Record<OrderStatus, string>> = {
  IN_TRANSIT: "Cancel is no longer available: the parcel has shipped. You can refuse it, or request a return after delivery.",
  DELIVERED: "Cancel is no longer available: the parcel has been delivered. You can request a refund or a return instead.",
  COMPLETED: "This order is complete, so it can no longer be cancelled.",
  CANCELLED: "This order is already cancelled.",
};

const SELLER_SHIPPED: Partial<Record<OrderStatus, string | Block>> = {
  IN_TRANSIT: "The carrier has the parcel: the order can no longer be cancelled. The buyer can refuse it or return it after delivery.",
  DELIVERED: quiet("The order has been delivered."),
  COMPLETED: quiet("The order is complete."),
  CANCELLED: quiet("The order is already cancelled."),
};

function describeRequest(request: CancelRequestState): string {
  switch (request.status) {
    case "PENDING":
      return `You asked the seller to cancel on ${formatDateTime(request.requestedAt)}; they have until ${request.respondBy ? formatDateTime(request.respondBy) : "soon"} to answer, or it is approved automatically.`;
    case "REJECTED":
      return "You can ask only once per order, and the seller rejected your cancel request.";
    case "AUTO_REJECTED":
      return "You can ask only once per order: your cancel request was rejected automatically when the order shipped.";
    case "WITHDRAWN":
      return "You can ask only once per order, and you withdrew your cancel request.";
    case "APPROVED":
    case "AUTO_APPROVED":
      return "Your cancel request was approved.";
  }
}

// ---------------------------------------------------------------------------------------------
// Shared rule pieces
// ---------------------------------------------------------------------------------------------

function hours(ms: number): number {
  return ms / 3_600_000;
}

/** Whether the shop's auto-approve window still makes a cancel instant in AWAITING_SHIPMENT. */
export function inAutoApproveWindow(state: OrderState, now: Date): boolean {
  if (state.status !== "AWAITING_SHIPMENT" || !state.awaitingShipmentAt) return false;
  const window = isAutoApproveWindow(state.autoApproveWindow) ? AUTO_APPROVE_WINDOW_HOURS[state.autoApproveWindow] : 0;
  return hours(now.getTime() - state.awaitingShipmentAt.getTime()) < window;
}

function remorseOpen(state: OrderState, now: Date): boolean {
  return state.status === "ON_HOLD" && !!state.remorseEndsAt && now.getTime() < state.remorseEndsAt.getTime();
}

/** Why the buyer may not request a cancel now, or null when they may. */
function requestCancelBlock({ state, now, policy }: StateContext): Block | null {
  if (state.cancelRequest) return { reason: describeRequest(state.cancelRequest), quiet: state.cancelRequest.status === "APPROVED" || state.cancelRequest.status === "AUTO_APPROVED" };
  if (state.status === "AWAITING_COLLECTION" && !policy.cancelRequestInAwaitingCollection) {
    return { reason: "Cancel is no longer available: the seller has arranged shipment. If it won't arrive on time, you can request a refund instead." };
  }
  if (inAutoApproveWindow(state, now)) return quiet("You can cancel at once: the shop approves cancellations automatically at this stage.");
  return null;
}

function reasonCheck(kind: ReasonKind, status: OrderStatus, key: string): { field: string; reason: string } | null {
  const reason = findReason(key);
  if (!reason || reason.kind !== kind) return { field: "reasonKey", reason: "Choose a reason from the list." };
  if (!reason.statuses.includes(status)) return { field: "reasonKey", reason: `"${reason.label}" is not a reason you can give at this stage. Choose another.` };
  return null;
}

function fullRefund(state: OrderState, now: Date, policy: Policy): RefundEffect {
  const expectedArrivalAt = addDuration(now, policy.refundArrival[state.paymentMethod], policy);
  return {
    type: "REFUND",
    idempotencyKey: `cancel:${state.id}`,
    currency: state.currency,
    itemsMinor: state.itemsMinor,
    shippingMinor: state.shippingFeeMinor,
    totalMinor: state.itemsMinor + state.shippingFeeMinor,
    destination: state.paymentMethod,
    expectedArrivalAt,
    arrived: expectedArrivalAt.getTime() <= now.getTime(),
  };
}

export function refundSentence(refund: Pick<RefundEffect, "totalMinor" | "currency" | "destination" | "arrived" | "expectedArrivalAt">, whose: "your" | "the buyer's"): string {
  const amount = formatMoney(refund.totalMinor, refund.currency);
  const to = `${whose} ${PAYMENT_METHOD_LABELS[refund.destination]}`;
  return refund.arrived
    ? `A refund of ${amount} was paid to ${to}.`
    : `A refund of ${amount} to ${to} has started; expected by ${formatDay(refund.expectedArrivalAt)}.`;
}

const BY: Record<Role, string> = { BUYER: "by the buyer", SELLER: "by the seller", SUPPORT: "by platform support", SYSTEM: "automatically by the platform" };

function notify(audience: Audience, kind: string, title: string, body: string): Effect {
  return { type: "NOTIFY", audience, kind, title, body };
}

/**
 * Cancels the order: the cancellation with its reason and fault, stock back, a full refund to the
 * original payment method when it was paid, the parties told. A pending cancel request is resolved
 * in the buyer's favour (by the seller: approved; otherwise: approved automatically).
 */
function cancelTheOrder(ctx: StateContext, reason: Reason, opts: { summary?: string; requestStatus?: CancelRequestStatus } = {}): Outcome {
  const { state, actor, now, policy } = ctx;
  const effects: Effect[] = [{ type: "RESTOCK" }];
  let refundText = "";
  let buyerRefundText = "";
  if (state.paidAt) {
    const refund = fullRefund(state, now, policy);
    effects.push(refund, {
      type: "LEDGER",
      kind: "REFUND",
      currency: state.currency,
      postings: [
        { account: accounts.escrow, amountMinor: -refund.totalMinor },
        { account: accounts.buyer(state.buyerId), amountMinor: refund.totalMinor },
      ],
    });
    refundText = refundSentence(refund, "the buyer's");
    buyerRefundText = refundSentence(refund, "your");
  }
  const by = BY[actor.role];
  const title = `Order ${state.code} was cancelled ${by}`;
  if (actor.role !== "BUYER" || state.paidAt) {
    effects.push(notify("BUYER", "ORDER_CANCELLED", title, `Reason: ${reason.label}.${buyerRefundText ? " " + buyerRefundText : ""}`));
  }
  if (actor.role !== "SELLER") {
    const fault = reason.fault === "SELLER" ? "It counts towards your seller-fault cancellation rate." : "Not counted against your shop.";
    effects.push(notify("SELLER", "ORDER_CANCELLED", title, `Reason: ${reason.label}. The stock has been restored${state.paidAt ? " and the buyer is being refunded" : ""}. ${fault}`));
  }

  const pending = state.cancelRequest?.status === "PENDING" ? state.cancelRequest : null;
  const requestStatus = opts.requestStatus ?? (pending ? (actor.role === "SELLER" ? "APPROVED" : "AUTO_APPROVED") : undefined);
  const cancelRequest = requestStatus && (pending || opts.requestStatus) ? resolveRequest(ctx, requestStatus) : undefined;

  return {
    status: "CANCELLED",
    patch: { cancellation: { reasonKey: reason.key, byRole: actor.role, byId: actor.id, at: now, fault: reason.fault } },
    ...(cancelRequest ? { cancelRequest } : {}),
    effects,
    event: {
      type: "ORDER_CANCELLED",
      summary: `${opts.summary ?? `Cancelled ${by}`}: ${reason.label}.${refundText ? " " + refundText : ""}`,
      data: { reasonKey: reason.key, fault: reason.fault },
    },
  };
}

function resolveRequest({ state, now }: StateContext, status: CancelRequestStatus, rejectReasonKey: string | null = null): CancelRequestState {
  const request = state.cancelRequest;
  if (!request) throw new Error("resolveRequest needs a request");
  return { ...request, status, respondBy: null, resolvedAt: now, rejectReasonKey };
}

/** A pending request is rejected automatically when the order ships (which event depends on the profile). */
function autoRejectOnShipping(ctx: StateContext, at: "ARRANGE_SHIPMENT" | "CARRIER_PICKUP"): Pick<Outcome, "cancelRequest" | "effects"> {
  const { state, policy } = ctx;
  if (state.cancelRequest?.status !== "PENDING" || policy.cancelRequestAutoRejectedAt !== at) return {};
  return {
    cancelRequest: resolveRequest(ctx, "AUTO_REJECTED"),
    effects: [
      notify("BUYER", "CANCEL_REQUEST_REJECTED", `Your cancel request for order ${state.code} was declined`, "The seller shipped the order before answering, so the request was rejected automatically. You can refuse the parcel, or request a return after delivery."),
    ],
  };
}

const timerDue = (kind: DeadlineKind) => () => kind;

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

export const TRANSITIONS: TransitionTable = {
  PAY: {
    label: "Pay",
    roles: ["BUYER"],
    from: ["UNPAID"],
    to: ["ON_HOLD"],
    guard: ({ state, now }) =>
      state.deadlines.PAYMENT && now.getTime() >= state.deadlines.PAYMENT.getTime() ? { reason: "The payment window has ended; this order is being cancelled." } : null,
    apply: ({ state, now, policy }) => {
      const remorseEndsAt = addDuration(now, policy.remorseWindow, policy);
      return {
        status: "ON_HOLD",
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
          notify("SELLER", "ORDER_PAID", `New order ${state.code}`, `Paid ${formatMoney(state.totalMinor, state.currency)}. You can ship it once the buyer's 1-hour cancellation window ends at ${formatDateTime(remorseEndsAt)}.`),
        ],
        event: { type: "ORDER_PAID", summary: `Paid ${formatMoney(state.totalMinor, state.currency)} by ${PAYMENT_METHOD_LABELS[state.paymentMethod]}; held in escrow.` },
      };
    },
  },

  BUYER_CANCEL: {
    label: "Cancel order",
    roles: ["BUYER"],
    from: ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT"],
    to: ["CANCELLED"],
    unavailable: {
      ...SHIPPED,
      AWAITING_COLLECTION: ({ policy }) =>
        policy.cancelRequestInAwaitingCollection
          ? quiet("Instant cancellation is no longer available: the seller has arranged shipment, so a cancellation needs the seller's approval.")
          : { reason: "Cancel is no longer available: the seller has arranged shipment. If it won't arrive on time, you can request a refund instead." },
    },
    guard: (ctx) => {
      const { state, now } = ctx;
      if (state.status === "ON_HOLD" && !remorseOpen(state, now)) {
        return { reason: "The 1-hour cancellation window has ended and the order is moving on to the seller. Reload in a moment to ask the seller to cancel." };
      }
      if (state.status === "AWAITING_SHIPMENT" && !inAutoApproveWindow(state, now)) {
        const reason = "Instant cancellation is no longer available: the seller has started processing this order, so a cancellation now needs the seller's approval.";
        // When a request is possible, the request action says what to do; otherwise explain here.
        return requestCancelBlock(ctx) ? { reason } : quiet(reason);
      }
      return null;
    },
    validate: ({ state, command }) => reasonCheck("BUYER_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.command.reasonKey)!),
  },

  REQUEST_CANCEL: {
    label: "Ask the seller to cancel",
    roles: ["BUYER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: ["PENDING", "AUTO_APPROVED"],
    unavailable: {
      UNPAID: quiet("You can cancel an unpaid order at once."),
      ON_HOLD: quiet("You can cancel at once during the first hour after paying."),
      IN_TRANSIT: quiet(SHIPPED.IN_TRANSIT!),
      DELIVERED: quiet(SHIPPED.DELIVERED!),
      COMPLETED: quiet(SHIPPED.COMPLETED!),
      CANCELLED: quiet(SHIPPED.CANCELLED!),
    },
    guard: requestCancelBlock,
    validate: ({ state, command }) => reasonCheck("BUYER_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const reason = findReason(command.reasonKey)!;
      const request: CancelRequestState = { status: "PENDING", reasonKey: reason.key, requestedAt: now, respondBy: null, resolvedAt: null, rejectReasonKey: null };
      // After the dispatch deadline the platform approves a request at once (US rule, kept in both profiles: DOMAIN case 2).
      if (state.dispatchDueAt && now.getTime() >= state.dispatchDueAt.getTime()) {
        return cancelTheOrder({ ...ctx, state: { ...state, cancelRequest: request }, actor: { role: "SYSTEM", id: null } }, reason, {
          summary: "The buyer asked to cancel after the dispatch deadline had passed, so the platform approved it at once",
          requestStatus: "AUTO_APPROVED",
        });
      }
      const respondBy = addDuration(now, policy.cancelRequestAnswer, policy);
      return {
        cancelRequest: { ...request, respondBy },
        deadlines: { open: [{ kind: "CANCEL_REQUEST_ANSWER", dueAt: respondBy }] },
        effects: [
          notify("SELLER", "CANCEL_REQUESTED", `The buyer asked to cancel order ${state.code}`, `Reason: ${reason.label}. Approve or reject by ${formatDateTime(respondBy)}; if you don't answer, it is approved automatically. Shipping the order rejects it.`),
        ],
        event: { type: "CANCEL_REQUESTED", summary: `The buyer asked the seller to cancel: ${reason.label}. The seller has until ${formatDateTime(respondBy)} to answer.`, data: { reasonKey: reason.key } },
      };
    },
  },

  WITHDRAW_CANCEL_REQUEST: {
    label: "Withdraw my cancel request",
    roles: ["BUYER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    request: ["WITHDRAWN"],
    guard: ({ state }) => (state.cancelRequest?.status === "PENDING" ? null : quiet("There is no cancel request waiting for an answer.")),
    apply: (ctx) => ({
      cancelRequest: resolveRequest(ctx, "WITHDRAWN"),
      deadlines: { close: ["CANCEL_REQUEST_ANSWER"] },
      effects: [notify("SELLER", "CANCEL_REQUEST_WITHDRAWN", `The buyer withdrew the cancel request for order ${ctx.state.code}`, "Go ahead and ship the order.")],
      event: { type: "CANCEL_REQUEST_WITHDRAWN", summary: "The buyer withdrew the cancel request. It cannot be raised again." },
    }),
  },

  APPROVE_CANCEL_REQUEST: {
    label: "Approve the cancellation",
    roles: ["SELLER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: ["APPROVED"],
    guard: ({ state }) => (state.cancelRequest?.status === "PENDING" ? null : quiet("There is no cancel request waiting for your answer.")),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.state.cancelRequest!.reasonKey)!, { summary: "The seller approved the buyer's cancel request", requestStatus: "APPROVED" }),
  },

  REJECT_CANCEL_REQUEST: {
    label: "Reject the cancellation",
    roles: ["SELLER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    request: ["REJECTED"],
    guard: ({ state }) => (state.cancelRequest?.status === "PENDING" ? null : quiet("There is no cancel request waiting for your answer.")),
    validate: ({ state, command }) => reasonCheck("SELLER_REJECT_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => {
      const reason = findReason(ctx.command.reasonKey)!;
      return {
        cancelRequest: resolveRequest(ctx, "REJECTED", reason.key),
        deadlines: { close: ["CANCEL_REQUEST_ANSWER"] },
        effects: [
          notify("BUYER", "CANCEL_REQUEST_REJECTED", `The seller rejected your cancel request for order ${ctx.state.code}`, `Reason: ${reason.label}. The order will ship; you can refuse the parcel, or request a return after delivery.`),
        ],
        event: { type: "CANCEL_REQUEST_REJECTED", summary: `The seller rejected the cancel request: ${reason.label}.`, data: { reasonKey: reason.key } },
      };
    },
  },

  SELLER_CANCEL: {
    label: "Cancel this order",
    roles: ["SELLER"],
    from: ["ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: ["APPROVED"],
    unavailable: {
      UNPAID: "The buyer has not paid yet. An unpaid order is cancelled automatically when its payment window ends.",
      ...SELLER_SHIPPED,
    },
    validate: ({ state, command }) => reasonCheck("SELLER_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.command.reasonKey)!),
  },

  ARRANGE_SHIPMENT: {
    label: "Arrange shipment",
    roles: ["SELLER"],
    from: ["AWAITING_SHIPMENT"],
    to: ["AWAITING_COLLECTION"],
    request: ["AUTO_REJECTED"],
    unavailable: {
      UNPAID: quiet("The order is not paid yet."),
      ON_HOLD: ({ state }) => ({ reason: `You can't ship yet: the buyer may cancel at once until ${state.remorseEndsAt ? formatDateTime(state.remorseEndsAt) : "the 1-hour window ends"}.` }),
      AWAITING_COLLECTION: quiet("Shipment is arranged; the carrier will pick the parcel up."),
      IN_TRANSIT: quiet("The parcel has shipped."),
      DELIVERED: quiet("The parcel has been delivered."),
      COMPLETED: quiet("The order is complete."),
      CANCELLED: quiet("The order is cancelled."),
    },
    apply: (ctx) => {
      const { now, policy } = ctx;
      const pickupAt = addDuration(now, policy.carrierPickup, policy);
      const rejected = autoRejectOnShipping(ctx, "ARRANGE_SHIPMENT");
      return {
        status: "AWAITING_COLLECTION",
        patch: { arrangedAt: now },
        ...rejected,
        deadlines: {
          open: [{ kind: "CARRIER_PICKUP", dueAt: pickupAt }],
          close: ["AUTO_APPROVE_WINDOW", "DISPATCH_AUTO_CANCEL", "DISPATCH_REMINDER", ...(rejected.cancelRequest ? (["CANCEL_REQUEST_ANSWER"] as const) : [])],
        },
        event: {
          type: "SHIPMENT_ARRANGED",
          summary: `The seller arranged shipment; the carrier picks the parcel up by ${formatDateTime(pickupAt)}.${rejected.cancelRequest ? " The pending cancel request was rejected automatically." : ""}`,
        },
      };
    },
  },

  OPERATOR_CANCEL: {
    label: "Cancel for fraud or risk",
    roles: ["SUPPORT"],
    from: ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: ["AUTO_APPROVED"],
    unavailable: SELLER_SHIPPED,
    validate: ({ state, command }) => reasonCheck("OPERATOR_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.command.reasonKey)!),
  },

  CARRIER_PICKUP: {
    label: "Carrier picks up the parcel",
    roles: ["SYSTEM"],
    from: ["AWAITING_COLLECTION"],
    to: ["IN_TRANSIT"],
    request: ["AUTO_REJECTED"],
    timer: timerDue("CARRIER_PICKUP"),
    apply: (ctx) => {
      const { state, now } = ctx;
      const late = state.lateDispatch || (!!state.dispatchDueAt && now.getTime() > state.dispatchDueAt.getTime());
      const rejected = autoRejectOnShipping(ctx, "CARRIER_PICKUP");
      return {
        status: "IN_TRANSIT",
        patch: { pickedUpAt: now, lateDispatch: late },
        ...rejected,
        deadlines: { close: ["CARRIER_PICKUP", "DISPATCH", ...(rejected.cancelRequest ? (["CANCEL_REQUEST_ANSWER"] as const) : [])] },
        event: {
          type: "PICKED_UP",
          summary: `The carrier picked up the parcel${late ? ", after the dispatch deadline (late dispatch)" : ""}.${rejected.cancelRequest ? " The pending cancel request was rejected automatically." : ""}`,
          data: { lateDispatch: late },
        },
      };
    },
  },

  PAYMENT_TIMEOUT: {
    label: "Cancel: payment not received in time",
    roles: ["SYSTEM"],
    from: ["UNPAID"],
    to: ["CANCELLED"],
    timer: timerDue("PAYMENT"),
    apply: (ctx) => cancelTheOrder(ctx, findReason("payment_timeout")!),
  },

  END_REMORSE_WINDOW: {
    label: "End the 1-hour cancellation window",
    roles: ["SYSTEM"],
    from: ["ON_HOLD"],
    to: ["AWAITING_SHIPMENT"],
    timer: timerDue("REMORSE_WINDOW"),
    apply: ({ state, policy }) => {
      // Dispatch deadlines count from the end of ON_HOLD, not from when the timer happened to run.
      const onHoldEnded = state.remorseEndsAt!;
      const dispatchDueAt = addDuration(onHoldEnded, policy.dispatchDeadline, policy);
      const windowHours = isAutoApproveWindow(state.autoApproveWindow) ? AUTO_APPROVE_WINDOW_HOURS[state.autoApproveWindow] : 0;
      return {
        status: "AWAITING_SHIPMENT",
        patch: { awaitingShipmentAt: onHoldEnded, dispatchDueAt },
        deadlines: {
          close: ["REMORSE_WINDOW"],
          open: [
            ...(windowHours > 0 && Number.isFinite(windowHours) ? [{ kind: "AUTO_APPROVE_WINDOW" as const, dueAt: addDuration(onHoldEnded, { hours: windowHours }, policy) }] : []),
            { kind: "DISPATCH", dueAt: dispatchDueAt },
            { kind: "DISPATCH_AUTO_CANCEL", dueAt: addDuration(onHoldEnded, policy.dispatchAutoCancel, policy) },
          ],
        },
        effects: [notify("SELLER", "READY_TO_SHIP", `Order ${state.code} is ready to ship`, `Ship it by ${formatDateTime(dispatchDueAt)} to avoid a late dispatch.`)],
        event: { type: "REMORSE_WINDOW_ENDED", summary: `The 1-hour cancellation window ended; the seller must ship by ${formatDateTime(dispatchDueAt)}.` },
      };
    },
  },

  END_AUTO_APPROVE_WINDOW: {
    label: "End the shop's auto-approve window",
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT"],
    to: [],
    timer: timerDue("AUTO_APPROVE_WINDOW"),
    apply: () => ({
      deadlines: { close: ["AUTO_APPROVE_WINDOW"] },
      event: { type: "AUTO_APPROVE_WINDOW_ENDED", summary: "The shop's auto-approve window ended; from now on a cancellation needs the seller's approval." },
    }),
  },

  CANCEL_REQUEST_TIMEOUT: {
    label: "Approve a cancel request the seller did not answer",
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: ["AUTO_APPROVED"],
    timer: timerDue("CANCEL_REQUEST_ANSWER"),
    guard: ({ state }) => (state.cancelRequest?.status === "PENDING" ? null : quiet("There is no cancel request waiting for an answer.")),
    apply: (ctx) =>
      cancelTheOrder(ctx, findReason(ctx.state.cancelRequest!.reasonKey)!, {
        summary: "The seller did not answer the cancel request in time, so the platform approved it",
        requestStatus: "AUTO_APPROVED",
      }),
  },

  DISPATCH_DEADLINE_PASSED: {
    label: "Flag late dispatch",
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    timer: timerDue("DISPATCH"),
    apply: ({ state }) => ({
      patch: { lateDispatch: true },
      deadlines: { close: ["DISPATCH"] },
      effects: [notify("SELLER", "LATE_DISPATCH", `Order ${state.code} missed its dispatch deadline`, "It counts towards your late dispatch rate. Ship it now; if it is not ready to ship by the auto-cancel deadline, it is cancelled as your fault.")],
      event: { type: "DISPATCH_LATE", summary: "The dispatch deadline passed before the carrier picked the parcel up: late dispatch." },
    }),
  },

  DISPATCH_AUTO_CANCEL: {
    label: "Cancel: not shipped in time",
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT"],
    to: ["CANCELLED"],
    request: ["AUTO_APPROVED"],
    timer: timerDue("DISPATCH_AUTO_CANCEL"),
    apply: (ctx) => cancelTheOrder(ctx, findReason("not_shipped_in_time")!),
  },

  SEND_REMINDER: {
    label: "Send a reminder",
    roles: ["SYSTEM"],
    from: ["UNPAID", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    timer: (command) => command.deadline,
    validate: ({ command }) => (REMINDERS[command.deadline] ? null : { field: "deadline", reason: `${command.deadline} is not a reminder.` }),
    apply: ({ state, command }) => {
      const reminder = REMINDERS[command.deadline]!;
      const dueAt = state.deadlines[reminder.of];
      return {
        deadlines: { close: [command.deadline] },
        effects: [notify(reminder.audience, "REMINDER", reminder.title(state), `${reminder.body}${dueAt ? ` Deadline: ${formatDateTime(dueAt)}.` : ""}`)],
        event: { type: "REMINDER_SENT", summary: `Reminder sent to the ${reminder.audience.toLowerCase()}: ${reminder.title(state)}.` },
      };
    },
  },
};

/** The deadlines whose owner gets a reminder shortly before, with what it says. Reminder kinds are `<KIND>_REMINDER`. */
export const REMINDERS: Partial<Record<DeadlineKind, { of: DeadlineKind; audience: Audience; title: (state: OrderState) => string; body: string }>> = {
  PAYMENT_REMINDER: { of: "PAYMENT", audience: "BUYER", title: (s) => `Order ${s.code} is waiting for your payment`, body: "Pay soon, or the order is cancelled automatically." },
  CANCEL_REQUEST_ANSWER_REMINDER: {
    of: "CANCEL_REQUEST_ANSWER",
    audience: "SELLER",
    title: (s) => `The buyer's cancel request for order ${s.code} needs your answer`,
    body: "Approve or reject it soon; if you don't answer, it is approved automatically.",
  },
  DISPATCH_REMINDER: { of: "DISPATCH", audience: "SELLER", title: (s) => `Order ${s.code} must ship soon`, body: "Arrange shipment to avoid a late dispatch." },
};

/** The system command a timer sends when a deadline of this kind falls due (`ref`: which one, for per-thing deadlines). */
export const DEADLINE_COMMANDS: Record<DeadlineKind, (ref?: string) => Command> = {
  PAYMENT: () => ({ type: "PAYMENT_TIMEOUT" }),
  PAYMENT_REMINDER: () => ({ type: "SEND_REMINDER", deadline: "PAYMENT_REMINDER" }),
  REMORSE_WINDOW: () => ({ type: "END_REMORSE_WINDOW" }),
  AUTO_APPROVE_WINDOW: () => ({ type: "END_AUTO_APPROVE_WINDOW" }),
  CANCEL_REQUEST_ANSWER: () => ({ type: "CANCEL_REQUEST_TIMEOUT" }),
  CANCEL_REQUEST_ANSWER_REMINDER: () => ({ type: "SEND_REMINDER", deadline: "CANCEL_REQUEST_ANSWER_REMINDER" }),
  DISPATCH: () => ({ type: "DISPATCH_DEADLINE_PASSED" }),
  DISPATCH_REMINDER: () => ({ type: "SEND_REMINDER", deadline: "DISPATCH_REMINDER" }),
  DISPATCH_AUTO_CANCEL: () => ({ type: "DISPATCH_AUTO_CANCEL" }),
  CARRIER_PICKUP: () => ({ type: "CARRIER_PICKUP" }),
};

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  PAYMENT: "Payment due",
  PAYMENT_REMINDER: "Payment reminder",
  REMORSE_WINDOW: "Instant cancellation ends",
  AUTO_APPROVE_WINDOW: "The shop's instant cancellation ends",
  CANCEL_REQUEST_ANSWER: "Seller must answer the cancel request by",
  CANCEL_REQUEST_ANSWER_REMINDER: "Reminder to the seller about the cancel request",
  DISPATCH: "Seller must ship by",
  DISPATCH_REMINDER: "Reminder to the seller to ship",
  DISPATCH_AUTO_CANCEL: "Cancelled automatically if not shipped by",
  CARRIER_PICKUP: "Carrier pickup expected by",
};
