/**
 * Shared outcome: cancelling the order before it ships (docs/rules.md#cancellation), and the
 * checks the cancel rules share (is a cancel still instant? may the buyer still ask?).
 */
import { type Message, at, m } from "../../../i18n/message";
import type { CancelRequestState, CancelRequestStatus } from "../../cancel-request";
import type { DeadlineSpec, Effect } from "../../commands";
import type { OrderState, OrderStatus } from "../../model";
import { AUTO_APPROVE_WINDOW_HOURS, isAutoApproveWindow } from "../../policy";
import { faultAt, type Reason } from "../../reasons";
import { FINAL_CASE_STATUSES } from "../../return-case";
import { event } from "../events";
import { BY, NOTHING, notify, refundSentence } from "../sentences";
import { quiet, type Block, type Outcome, type StateContext } from "../shape";
import { issueRefund } from "./refund";

/** Why the buyer can no longer cancel once the parcel has left. */
export const SHIPPED: Partial<Record<OrderStatus, Message>> = {
  IN_TRANSIT: m("engine.cancel.shippedInTransit"),
  DELIVERED: m("engine.cancel.shippedDelivered"),
  COMPLETED: m("engine.cancel.shippedCompleted"),
  CANCELLED: m("engine.cancel.alreadyCancelled"),
};

/** Delivered: cancelling is over, and a refund or a return is the way — unless one is already open (issue 27: a "why not" must be true). */
export function deliveredNoCancel({ state }: StateContext): Block {
  const open = !!state.returnCase && !FINAL_CASE_STATUSES.includes(state.returnCase.status);
  return quiet(open ? m("engine.cancel.deliveredRequestOpen") : SHIPPED.DELIVERED!);
}

/** Why the shop or support can no longer cancel once the parcel has left. */
export const SELLER_SHIPPED: Partial<Record<OrderStatus, Message | Block>> = {
  IN_TRANSIT: m("engine.cancel.sellerInTransit"),
  DELIVERED: quiet(m("engine.cancel.sellerDelivered")),
  COMPLETED: quiet(m("engine.cancel.sellerCompleted")),
  CANCELLED: quiet(m("engine.cancel.sellerCancelled")),
};

export const ARRANGED_NO_REQUEST = m("engine.cancel.arrangedNoRequest");

/** What the buyer's one cancel request came to (an approved one cancelled the order, so it is not asked about). */
function describeRequest(request: CancelRequestState): Message {
  switch (request.status) {
    case "PENDING":
      return m("engine.cancel.requestPending", { asked: at(request.requestedAt), by: at(request.respondBy!) });
    case "AUTO_REJECTED":
      return m("engine.cancel.onceAutoRejected");
    case "WITHDRAWN":
      return m("engine.cancel.onceWithdrawn");
    default:
      return m("engine.cancel.onceRejected");
  }
}

/** Whether the shop's auto-approve window still makes a cancel instant in AWAITING_SHIPMENT. */
export function inAutoApproveWindow(state: OrderState, now: Date): boolean {
  if (state.status !== "AWAITING_SHIPMENT" || !state.awaitingShipmentAt) return false;
  const window = isAutoApproveWindow(state.autoApproveWindow) ? AUTO_APPROVE_WINDOW_HOURS[state.autoApproveWindow] : 0;
  return (now.getTime() - state.awaitingShipmentAt.getTime()) / 3_600_000 < window;
}

/** Until when the buyer's cancel is instant (the remorse window, or the shop's auto-approve window); null when it is not, or has no end. */
export function instantCancelEndsAt(state: OrderState, now: Date): Date | null {
  if (remorseOpen(state, now)) return state.remorseEndsAt;
  if (!inAutoApproveWindow(state, now)) return null;
  const window = isAutoApproveWindow(state.autoApproveWindow) ? AUTO_APPROVE_WINDOW_HOURS[state.autoApproveWindow] : 0;
  return Number.isFinite(window) ? new Date(state.awaitingShipmentAt!.getTime() + window * 3_600_000) : null;
}

export function remorseOpen(state: OrderState, now: Date): boolean {
  return state.status === "ON_HOLD" && !!state.remorseEndsAt && now.getTime() < state.remorseEndsAt.getTime();
}

/** Why the buyer may not request a cancel now, or null when they may. */
export function requestCancelBlock({ state, now, policy }: StateContext): Block | null {
  if (state.cancelRequest) return { reason: describeRequest(state.cancelRequest) };
  if (state.status === "AWAITING_COLLECTION" && !policy.cancelRequestInAwaitingCollection) return { reason: ARRANGED_NO_REQUEST };
  if (inAutoApproveWindow(state, now)) return quiet(m("engine.cancel.shopAutoApproves"));
  return null;
}

/** An open dispute about the cancel request, if any (it blocks shipping). */
export function openCancelDispute(state: OrderState) {
  return state.disputes.find((dispute) => dispute.subject === "CANCEL_REQUEST" && dispute.status === "OPEN") ?? null;
}

export function resolveRequest({ state, now }: StateContext, status: CancelRequestStatus, rejectReasonKey: string | null = null): CancelRequestState {
  return { ...state.cancelRequest!, status, respondBy: null, resolvedAt: now, rejectReasonKey };
}

/**
 * Cancels the order: the cancellation with its reason and fault, stock back, a full refund to the
 * original payment method when it was paid, the parties told. A pending cancel request is resolved
 * in the buyer's favour (by the seller: approved; otherwise: approved automatically).
 */
export function cancelTheOrder(ctx: StateContext, reason: Reason, opts: { summary?: Message; requestStatus?: CancelRequestStatus; keepDispute?: boolean } = {}): Outcome {
  const { state, actor, now } = ctx;
  // A reason the buyer gave in a cancel request counts as of when they asked.
  const givenAt = state.cancelRequest?.reasonKey === reason.key ? state.cancelRequest.requestedAt : now;
  const fault = faultAt(reason, state.dispatchDueAt, givenAt);
  const effects: Effect[] = [{ type: "RESTOCK" }];
  const deadlines: DeadlineSpec[] = [];
  let refundText: Message = NOTHING;
  let buyerRefundText: Message = NOTHING;
  if (state.paidAt) {
    // Before shipment everything comes back: the items and the shipping fee.
    const total = Math.min(state.itemsMinor + state.shippingFeeMinor, state.escrowMinor);
    const issued = issueRefund(ctx, `cancel:${state.id}`, {
      currency: state.currency,
      itemsMinor: state.itemsMinor,
      shippingMinor: state.shippingFeeMinor,
      postageMinor: 0,
      postagePaidBy: null,
      feeMinor: 0,
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
  const title = m("engine.cancel.notifyTitle", { code: state.code, by });
  if (actor.role !== "BUYER" || state.paidAt) {
    effects.push(notify("BUYER", "ORDER_CANCELLED", title, m("engine.cancel.notifyBuyer", { reason: reason.label, refund: buyerRefundText })));
  }
  if (actor.role !== "SELLER") {
    effects.push(notify("SELLER", "ORDER_CANCELLED", title, m("engine.cancel.notifySeller", { reason: reason.label, paid: state.paidAt ? "yes" : "no", fault: fault === "SELLER" ? "seller" : "other" })));
  }

  const pending = state.cancelRequest?.status === "PENDING" ? state.cancelRequest : null;
  const cancelRequest = pending ? resolveRequest(ctx, opts.requestStatus ?? (actor.role === "SELLER" ? "APPROVED" : "AUTO_APPROVED")) : undefined;

  // A dispute about the cancel request is moot once the order is cancelled another way.
  const moot = opts.keepDispute ? null : openCancelDispute(state);
  return {
    status: "CANCELLED",
    patch: { cancellation: { reasonKey: reason.key, byRole: actor.role, byId: actor.id, at: now, fault } },
    ...(cancelRequest ? { cancelRequest } : {}),
    ...(moot ? { dispute: { ...moot, status: "CLOSED" as const } } : {}),
    deadlines: { open: deadlines },
    effects,
    event: event("ORDER_CANCELLED", m("engine.cancel.event", { summary: opts.summary ?? m("engine.cancel.cancelledBy", { by }), reason: reason.label, refund: refundText }), { reasonKey: reason.key, fault }),
  };
}
