/**
 * Cancelling an order before it ships, by whoever may: the buyer at once (unpaid, in the remorse
 * window, inside the shop's auto-approve window), the seller, platform support, and the dispatch
 * auto-cancel timer. docs/rules.md#cancellation; docs/decisions/004.
 */
import { findReason } from "../reasons";
import { event } from "./events";
import { openCase } from "./outcomes/case";
import { ARRANGED_NO_REQUEST, SELLER_SHIPPED, SHIPPED, cancelTheOrder, deliveredNoCancel, inAutoApproveWindow, remorseOpen, requestCancelBlock } from "./outcomes/cancel";
import { reasonCheck } from "./sentences";
import { quiet, timerDue, type Rules, type StateContext } from "./shape";

type CancellationCommand = "BUYER_CANCEL" | "SELLER_CANCEL" | "OPERATOR_CANCEL" | "END_AUTO_APPROVE_WINDOW" | "DISPATCH_AUTO_CANCEL";

/** A refund the buyer asked for before delivery is answered, not overtaken by a cancellation. */
const noOpenRefundRequest = (ctx: StateContext) => (openCase(ctx) ? { reason: "The buyer has an open refund request on this order: answer that instead." } : null);

export const CANCELLATION_RULES: Rules<CancellationCommand> = {
  BUYER_CANCEL: {
    label: "Cancel order",
    reasons: "BUYER_CANCEL",
    roles: ["BUYER"],
    from: ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT"],
    to: ["CANCELLED"],
    unavailable: {
      ...SHIPPED,
      DELIVERED: deliveredNoCancel,
      AWAITING_COLLECTION: ({ policy }) =>
        policy.cancelRequestInAwaitingCollection
          ? quiet("Instant cancellation is no longer available: the seller has arranged shipment, so a cancellation needs the seller's approval.")
          : { reason: ARRANGED_NO_REQUEST },
    },
    guard: (ctx) => {
      const { state, now } = ctx;
      if (state.status === "ON_HOLD" && !remorseOpen(state, now)) {
        return { reason: "The instant-cancel window has ended and the order is moving on to the seller. Reload in a moment to ask the seller to cancel." };
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
    guard: (ctx) =>
      ctx.state.status === "AWAITING_COLLECTION" && !ctx.policy.sellerCancelInAwaitingCollection
        ? { reason: "Shipment is arranged: in this marketplace the seller can no longer cancel. The parcel goes out with the carrier; the buyer can refuse it or return it after delivery." }
        : noOpenRefundRequest(ctx),
    validate: ({ state, command }) => reasonCheck("SELLER_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.command.reasonKey)!),
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
    guard: noOpenRefundRequest,
    validate: ({ state, command }) => reasonCheck("OPERATOR_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.command.reasonKey)!),
  },

  END_AUTO_APPROVE_WINDOW: {
    label: "End the shop's auto-approve window",
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT"],
    to: [],
    timer: timerDue("AUTO_APPROVE_WINDOW"),
    apply: () => ({
      deadlines: { close: ["AUTO_APPROVE_WINDOW"] },
      event: event("AUTO_APPROVE_WINDOW_ENDED", "The shop's auto-approve window ended; from now on a cancellation needs the seller's approval."),
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
