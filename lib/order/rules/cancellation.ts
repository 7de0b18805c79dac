/**
 * Cancelling an order before it ships, by whoever may: the buyer at once (unpaid, in the remorse
 * window, inside the shop's auto-approve window), the seller, platform support, and the dispatch
 * auto-cancel timer. docs/rules.md#cancellation; docs/decisions/004.
 */
import { m } from "../../i18n/message";
import { findReason } from "../reasons";
import { event } from "./events";
import { openCase } from "./outcomes/case";
import { ARRANGED_NO_REQUEST, SELLER_SHIPPED, SHIPPED, cancelTheOrder, deliveredNoCancel, inAutoApproveWindow, remorseOpen, requestCancelBlock } from "./outcomes/cancel";
import { reasonCheck } from "./sentences";
import { quiet, timerDue, type Rules, type StateContext } from "./shape";

type CancellationCommand = "BUYER_CANCEL" | "SELLER_CANCEL" | "OPERATOR_CANCEL" | "END_AUTO_APPROVE_WINDOW" | "DISPATCH_AUTO_CANCEL";

/** A refund the buyer asked for before delivery is answered, not overtaken by a cancellation. */
const noOpenRefundRequest = (ctx: StateContext) => (openCase(ctx) ? { reason: m("engine.cancellation.noOpenRefundRequest.m1") } : null);

export const CANCELLATION_RULES: Rules<CancellationCommand> = {
  BUYER_CANCEL: {
    reasons: "BUYER_CANCEL",
    roles: ["BUYER"],
    from: ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT"],
    to: ["CANCELLED"],
    unavailable: {
      ...SHIPPED,
      DELIVERED: deliveredNoCancel,
      AWAITING_COLLECTION: ({ policy }) =>
        policy.cancelRequestInAwaitingCollection
          ? quiet(m("engine.cancellation.BUYER_CANCEL.m1"))
          : { reason: ARRANGED_NO_REQUEST },
    },
    guard: (ctx) => {
      const { state, now } = ctx;
      if (state.status === "ON_HOLD" && !remorseOpen(state, now)) {
        return { reason: m("engine.cancellation.BUYER_CANCEL.m2") };
      }
      if (state.status === "AWAITING_SHIPMENT" && !inAutoApproveWindow(state, now)) {
        const reason = m("engine.cancellation.BUYER_CANCEL.m3");
        // When a request is possible, the request action says what to do; otherwise explain here.
        return requestCancelBlock(ctx) ? { reason } : quiet(reason);
      }
      return null;
    },
    validate: ({ state, command }) => reasonCheck("BUYER_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.command.reasonKey)!),
  },

  SELLER_CANCEL: {
    reasons: "SELLER_CANCEL",
    roles: ["SELLER"],
    from: ["ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    disputes: { from: ["OPEN"], to: ["CLOSED"] },
    request: { from: ["PENDING"], to: ["APPROVED"] },
    unavailable: {
      UNPAID: m("engine.cancellation.SELLER_CANCEL.m2"),
      ...SELLER_SHIPPED,
    },
    guard: (ctx) =>
      ctx.state.status === "AWAITING_COLLECTION" && !ctx.policy.sellerCancelInAwaitingCollection
        ? { reason: m("engine.cancellation.SELLER_CANCEL.m1") }
        : noOpenRefundRequest(ctx),
    validate: ({ state, command }) => reasonCheck("SELLER_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.command.reasonKey)!),
  },

  OPERATOR_CANCEL: {
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
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT"],
    to: [],
    timer: timerDue("AUTO_APPROVE_WINDOW"),
    apply: () => ({
      deadlines: { close: ["AUTO_APPROVE_WINDOW"] },
      event: event("AUTO_APPROVE_WINDOW_ENDED", m("engine.cancellation.END_AUTO_APPROVE_WINDOW.m1")),
    }),
  },

  DISPATCH_AUTO_CANCEL: {
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT"],
    to: ["CANCELLED"],
    disputes: { from: ["OPEN"], to: ["CLOSED"] },
    request: { from: ["PENDING"], to: ["AUTO_APPROVED"] },
    timer: timerDue("DISPATCH_AUTO_CANCEL"),
    apply: (ctx) => cancelTheOrder(ctx, findReason("not_shipped_in_time")!),
  },
};
