/**
 * The rules up to shipment: paying, cancelling at each stage (instantly, by request, by the seller,
 * by support, by the timers), arranging shipment and the carrier's pickup. DOMAIN.md "Cancellation
 * by stage", cases 1 and 2; choices in docs/decisions/004-cancellation-before-shipment.md.
 */
import { formatDateTime } from "../../format";
import { formatMoney } from "../../money";
import { accounts, type DeadlineSpec, type Effect } from "../commands";
import { PAYMENT_METHOD_LABELS, type CancelRequestState, type CancelRequestStatus, type OrderState, type OrderStatus } from "../model";
import { AUTO_APPROVE_WINDOW_HOURS, addDuration, isAutoApproveWindow } from "../policy";
import { findReason, type Reason } from "../reasons";
import { openCase } from "./after-shipment";
import { BY, issueRefund, notify, quiet, reasonCheck, refundSentence, timerDue, type Block, type Outcome, type Rules, type StateContext } from "./shared";

export type PreShipmentCommand =
  | "PAY"
  | "BUYER_CANCEL"
  | "REQUEST_CANCEL"
  | "WITHDRAW_CANCEL_REQUEST"
  | "APPROVE_CANCEL_REQUEST"
  | "REJECT_CANCEL_REQUEST"
  | "SELLER_CANCEL"
  | "ARRANGE_SHIPMENT"
  | "OPERATOR_CANCEL"
  | "CARRIER_PICKUP"
  | "PAYMENT_TIMEOUT"
  | "END_REMORSE_WINDOW"
  | "END_AUTO_APPROVE_WINDOW"
  | "CANCEL_REQUEST_TIMEOUT"
  | "DISPATCH_DEADLINE_PASSED"
  | "DISPATCH_AUTO_CANCEL";

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

/** What the buyer's one cancel request came to (an approved one cancelled the order, so it is not asked about). */
function describeRequest(request: CancelRequestState): string {
  switch (request.status) {
    case "PENDING":
      return `You asked the seller to cancel on ${formatDateTime(request.requestedAt)}; they have until ${formatDateTime(request.respondBy!)} to answer, or it is approved automatically.`;
    case "AUTO_REJECTED":
      return "You can ask only once per order: your cancel request was rejected automatically when the order shipped.";
    case "WITHDRAWN":
      return "You can ask only once per order, and you withdrew your cancel request.";
    default:
      return "You can ask only once per order, and the seller rejected your cancel request.";
  }
}

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
  if (state.cancelRequest) return { reason: describeRequest(state.cancelRequest) };
  if (state.status === "AWAITING_COLLECTION" && !policy.cancelRequestInAwaitingCollection) {
    return { reason: "Cancel is no longer available: the seller has arranged shipment. If it won't arrive on time, you can request a refund instead." };
  }
  if (inAutoApproveWindow(state, now)) return quiet("You can cancel at once: the shop approves cancellations automatically at this stage.");
  return null;
}

/**
 * Cancels the order: the cancellation with its reason and fault, stock back, a full refund to the
 * original payment method when it was paid, the parties told. A pending cancel request is resolved
 * in the buyer's favour (by the seller: approved; otherwise: approved automatically).
 */
/** An open dispute about the cancel request, if any (it blocks shipping). */
export function openCancelDispute(state: OrderState) {
  return state.disputes.find((dispute) => dispute.subject === "CANCEL_REQUEST" && dispute.status === "OPEN") ?? null;
}

export function cancelTheOrder(ctx: StateContext, reason: Reason, opts: { summary?: string; requestStatus?: CancelRequestStatus; keepDispute?: boolean } = {}): Outcome {
  const { state, actor, now } = ctx;
  const effects: Effect[] = [{ type: "RESTOCK" }];
  const deadlines: DeadlineSpec[] = [];
  let refundText = "";
  let buyerRefundText = "";
  if (state.paidAt) {
    // Before shipment everything comes back: the items and the shipping fee.
    const total = Math.min(state.itemsMinor + state.shippingFeeMinor, state.escrowMinor);
    const issued = issueRefund(ctx, `cancel:${state.id}`, {
      currency: state.currency,
      itemsMinor: state.itemsMinor,
      shippingMinor: state.shippingFeeMinor,
      postageMinor: 0,
      postagePaidBy: null,
      postageDeductedMinor: 0,
      totalMinor: total,
      partial: false,
      capped: total < state.itemsMinor + state.shippingFeeMinor,
    });
    effects.push(...issued.effects);
    deadlines.push(...issued.deadlines);
    refundText = refundSentence(issued.refund, "the buyer's");
    buyerRefundText = refundSentence(issued.refund, "your");
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
  const cancelRequest = pending ? resolveRequest(ctx, opts.requestStatus ?? (actor.role === "SELLER" ? "APPROVED" : "AUTO_APPROVED")) : undefined;

  // A dispute about the cancel request is moot once the order is cancelled another way.
  const moot = opts.keepDispute ? null : openCancelDispute(state);
  return {
    status: "CANCELLED",
    patch: { cancellation: { reasonKey: reason.key, byRole: actor.role, byId: actor.id, at: now, fault: reason.fault } },
    ...(cancelRequest ? { cancelRequest } : {}),
    ...(moot ? { dispute: { ...moot, status: "CLOSED" as const } } : {}),
    deadlines: { open: deadlines },
    effects,
    event: {
      type: "ORDER_CANCELLED",
      summary: `${opts.summary ?? `Cancelled ${by}`}: ${reason.label}.${refundText ? " " + refundText : ""}`,
      data: { reasonKey: reason.key, fault: reason.fault },
    },
  };
}

function resolveRequest({ state, now }: StateContext, status: CancelRequestStatus, rejectReasonKey: string | null = null): CancelRequestState {
  return { ...state.cancelRequest!, status, respondBy: null, resolvedAt: now, rejectReasonKey };
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


export const PRE_SHIPMENT_RULES: Rules<PreShipmentCommand> = {
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
          { type: "CAPTURE_PAYMENT", method: state.paymentMethod, amountMinor: state.totalMinor, currency: state.currency },
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
    reasons: "BUYER_CANCEL",
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
    reasons: "BUYER_CANCEL",
    roles: ["BUYER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: { from: ["NONE"], to: ["PENDING", "AUTO_APPROVED"] },
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
    request: { from: ["PENDING"], to: ["WITHDRAWN"] },
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
    request: { from: ["PENDING"], to: ["APPROVED"] },
    guard: ({ state }) => (state.cancelRequest?.status === "PENDING" ? null : quiet("There is no cancel request waiting for your answer.")),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.state.cancelRequest!.reasonKey)!, { summary: "The seller approved the buyer's cancel request", requestStatus: "APPROVED" }),
  },

  REJECT_CANCEL_REQUEST: {
    label: "Reject the cancellation",
    reasons: "SELLER_REJECT_CANCEL",
    roles: ["SELLER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    request: { from: ["PENDING"], to: ["REJECTED"] },
    guard: ({ state }) => (state.cancelRequest?.status === "PENDING" ? null : quiet("There is no cancel request waiting for your answer.")),
    validate: ({ state, command }) => reasonCheck("SELLER_REJECT_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => {
      const { state, now, policy } = ctx;
      const reason = findReason(ctx.command.reasonKey)!;
      // Global profile: the buyer may escalate a rejected cancel while the order has not shipped.
      const escalateBy = policy.cancelRejectionDisputable && state.status === "AWAITING_SHIPMENT" ? addDuration(now, policy.disputeFiling, policy) : null;
      return {
        cancelRequest: resolveRequest(ctx, "REJECTED", reason.key),
        deadlines: { close: ["CANCEL_REQUEST_ANSWER"], open: escalateBy ? [{ kind: "CANCEL_DISPUTE_FILING", dueAt: escalateBy }] : [] },
        effects: [
          notify(
            "BUYER",
            "CANCEL_REQUEST_REJECTED",
            `The seller rejected your cancel request for order ${state.code}`,
            `Reason: ${reason.label}. ${escalateBy ? `You can ask platform support to decide until ${formatDateTime(escalateBy)}; meanwhile the order cannot ship. ` : ""}Otherwise the order ships; you can refuse the parcel, or request a return after delivery.`,
          ),
        ],
        event: {
          type: "CANCEL_REQUEST_REJECTED",
          summary: `The seller rejected the cancel request: ${reason.label}.${escalateBy ? ` The buyer may escalate until ${formatDateTime(escalateBy)}.` : ""}`,
          data: { reasonKey: reason.key },
        },
      };
    },
  },

  SELLER_CANCEL: {
    label: "Cancel this order",
    reasons: "SELLER_CANCEL",
    roles: ["SELLER"],
    from: ["ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    disputes: { from: ["OPEN"], to: ["CLOSED"] },
    request: { from: ["PENDING"], to: ["APPROVED"] },
    unavailable: {
      UNPAID: "The buyer has not paid yet. An unpaid order is cancelled automatically when its payment window ends.",
      ...SELLER_SHIPPED,
    },
    // A refund the buyer asked for before delivery is answered, not overtaken by a cancellation.
    guard: (ctx) => (openCase(ctx) ? { reason: "The buyer has an open refund request on this order: answer that instead." } : null),
    validate: ({ state, command }) => reasonCheck("SELLER_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.command.reasonKey)!),
  },

  ARRANGE_SHIPMENT: {
    label: "Arrange shipment",
    roles: ["SELLER"],
    from: ["AWAITING_SHIPMENT"],
    to: ["AWAITING_COLLECTION"],
    request: { from: ["PENDING"], to: ["AUTO_REJECTED"] },
    unavailable: {
      UNPAID: quiet("The order is not paid yet."),
      ON_HOLD: ({ state }) => ({ reason: `You can't ship yet: the buyer may cancel at once until ${formatDateTime(state.remorseEndsAt!)}.` }),
      AWAITING_COLLECTION: quiet("Shipment is arranged; the carrier will pick the parcel up."),
      IN_TRANSIT: quiet("The parcel has shipped."),
      DELIVERED: quiet("The parcel has been delivered."),
      COMPLETED: quiet("The order is complete."),
      CANCELLED: quiet("The order is cancelled."),
    },
    guard: ({ state }) => (openCancelDispute(state) ? { reason: "You can't ship while platform support is deciding the buyer's cancel request." } : null),
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
          close: ["AUTO_APPROVE_WINDOW", "DISPATCH_AUTO_CANCEL", "DISPATCH_REMINDER", "CANCEL_DISPUTE_FILING", ...(rejected.cancelRequest ? (["CANCEL_REQUEST_ANSWER"] as const) : [])],
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
    reasons: "OPERATOR_CANCEL",
    roles: ["SUPPORT"],
    from: ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    disputes: { from: ["OPEN"], to: ["CLOSED"] },
    request: { from: ["PENDING"], to: ["AUTO_APPROVED"] },
    unavailable: SELLER_SHIPPED,
    // A refund the buyer asked for before delivery is answered, not overtaken by a cancellation.
    guard: (ctx) => (openCase(ctx) ? { reason: "The buyer has an open refund request on this order: answer that instead." } : null),
    validate: ({ state, command }) => reasonCheck("OPERATOR_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.command.reasonKey)!),
  },

  CARRIER_PICKUP: {
    label: "Carrier picks up the parcel",
    roles: ["SYSTEM"],
    from: ["AWAITING_COLLECTION"],
    to: ["IN_TRANSIT"],
    request: { from: ["PENDING"], to: ["AUTO_REJECTED"] },
    timer: timerDue("CARRIER_PICKUP"),
    apply: (ctx) => {
      const { state, now, policy } = ctx;
      const late = state.lateDispatch || (!!state.dispatchDueAt && now.getTime() > state.dispatchDueAt.getTime());
      const rejected = autoRejectOnShipping(ctx, "CARRIER_PICKUP");
      return {
        status: "IN_TRANSIT",
        patch: { pickedUpAt: now, lateDispatch: late },
        ...rejected,
        deadlines: {
          open: [{ kind: "DELIVERY", dueAt: addDuration(now, policy.delivery, policy) }],
          close: ["CARRIER_PICKUP", "DISPATCH", ...(rejected.cancelRequest ? (["CANCEL_REQUEST_ANSWER"] as const) : [])],
        },
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
    request: { from: ["PENDING"], to: ["AUTO_APPROVED"] },
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
    disputes: { from: ["OPEN"], to: ["CLOSED"] },
    request: { from: ["PENDING"], to: ["AUTO_APPROVED"] },
    timer: timerDue("DISPATCH_AUTO_CANCEL"),
    apply: (ctx) => cancelTheOrder(ctx, findReason("not_shipped_in_time")!),
  },
};
