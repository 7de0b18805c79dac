/**
 * The buyer's request to cancel while the seller processes the order, and the seller's answer
 * (docs/rules.md#cancel-requests). One request per order; silence approves it; shipping rejects it (see
 * shipping.ts); the sub-machine is in ../cancel-request.ts.
 */
import { formatDateTime } from "../../format";
import type { CancelRequestState } from "../cancel-request";
import { addDuration } from "../policy";
import { findReason } from "../reasons";
import { event } from "./events";
import { SHIPPED, cancelTheOrder, deliveredNoCancel, requestCancelBlock, resolveRequest } from "./outcomes/cancel";
import { notify, reasonCheck } from "./sentences";
import { quiet, timerDue, type Rules, type StateContext } from "./shape";

type CancelRequestCommand = "REQUEST_CANCEL" | "WITHDRAW_CANCEL_REQUEST" | "APPROVE_CANCEL_REQUEST" | "REJECT_CANCEL_REQUEST" | "CANCEL_REQUEST_TIMEOUT";

const pending = (nobody: string) => ({ state }: StateContext) => (state.cancelRequest?.status === "PENDING" ? null : quiet(nobody));

export const CANCEL_REQUEST_RULES: Rules<CancelRequestCommand> = {
  REQUEST_CANCEL: {
    label: "Ask the seller to cancel",
    reasons: "BUYER_CANCEL",
    roles: ["BUYER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: { from: ["NONE"], to: ["PENDING", "AUTO_APPROVED"] },
    unavailable: {
      UNPAID: quiet("You can cancel an unpaid order at once."),
      ON_HOLD: quiet("You can cancel at once while the instant-cancel window is open."),
      IN_TRANSIT: quiet(SHIPPED.IN_TRANSIT!),
      DELIVERED: deliveredNoCancel,
      COMPLETED: quiet(SHIPPED.COMPLETED!),
      CANCELLED: quiet(SHIPPED.CANCELLED!),
    },
    guard: requestCancelBlock,
    validate: ({ state, command }) => reasonCheck("BUYER_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const reason = findReason(command.reasonKey)!;
      const request: CancelRequestState = { status: "PENDING", reasonKey: reason.key, requestedAt: now, respondBy: null, resolvedAt: null, rejectReasonKey: null };
      // After the dispatch deadline the platform approves a request at once (US rule, kept in both profiles: REQ-3).
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
        event: event("CANCEL_REQUESTED", `The buyer asked the seller to cancel: ${reason.label}. The seller has until ${formatDateTime(respondBy)} to answer.`, { reasonKey: reason.key }),
      };
    },
  },

  WITHDRAW_CANCEL_REQUEST: {
    label: "Withdraw my cancel request",
    roles: ["BUYER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    request: { from: ["PENDING"], to: ["WITHDRAWN"] },
    guard: pending("There is no cancel request waiting for an answer."),
    apply: (ctx) => ({
      cancelRequest: resolveRequest(ctx, "WITHDRAWN"),
      deadlines: { close: ["CANCEL_REQUEST_ANSWER"] },
      effects: [notify("SELLER", "CANCEL_REQUEST_WITHDRAWN", `The buyer withdrew the cancel request for order ${ctx.state.code}`, "Go ahead and ship the order.")],
      event: event("CANCEL_REQUEST_WITHDRAWN", "The buyer withdrew the cancel request. It cannot be raised again."),
    }),
  },

  APPROVE_CANCEL_REQUEST: {
    label: "Approve the cancellation",
    roles: ["SELLER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: { from: ["PENDING"], to: ["APPROVED"] },
    guard: pending("There is no cancel request waiting for your answer."),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.state.cancelRequest!.reasonKey)!, { summary: "The seller approved the buyer's cancel request", requestStatus: "APPROVED" }),
  },

  REJECT_CANCEL_REQUEST: {
    label: "Reject the cancellation",
    reasons: "SELLER_REJECT_CANCEL",
    roles: ["SELLER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    request: { from: ["PENDING"], to: ["REJECTED"] },
    guard: pending("There is no cancel request waiting for your answer."),
    validate: ({ state, command }) => reasonCheck("SELLER_REJECT_CANCEL", state.status, command.reasonKey),
    apply: (ctx) => {
      const { state, now, policy } = ctx;
      const reason = findReason(ctx.command.reasonKey)!;
      // Both profiles: the buyer may escalate a rejected cancel while the carrier has not picked the
      // order up (the seed: the platform steps in when a seller unreasonably refuses; issue 27, R7).
      const escalateBy = state.status === "AWAITING_SHIPMENT" || state.status === "AWAITING_COLLECTION" ? addDuration(now, policy.disputeFiling, policy) : null;
      return {
        cancelRequest: resolveRequest(ctx, "REJECTED", reason.key),
        deadlines: { close: ["CANCEL_REQUEST_ANSWER"], open: escalateBy ? [{ kind: "CANCEL_DISPUTE_FILING", dueAt: escalateBy }] : [] },
        effects: [
          notify(
            "BUYER",
            "CANCEL_REQUEST_REJECTED",
            `The seller rejected your cancel request for order ${state.code}`,
            `Reason: ${reason.label}. ${escalateBy ? `You can ask platform support to decide until ${formatDateTime(escalateBy)}, as long as the carrier has not picked the parcel up; once you do, the order cannot ship until support decides. ` : ""}Otherwise the order ships; you can refuse the parcel, or request a return after delivery.`,
          ),
        ],
        event: event("CANCEL_REQUEST_REJECTED", `The seller rejected the cancel request: ${reason.label}.${escalateBy ? ` The buyer may escalate until ${formatDateTime(escalateBy)}, unless the carrier picks the parcel up first.` : ""}`, { reasonKey: reason.key }),
      };
    },
  },

  CANCEL_REQUEST_TIMEOUT: {
    label: "Approve a cancel request the seller did not answer",
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: { from: ["PENDING"], to: ["AUTO_APPROVED"] },
    timer: timerDue("CANCEL_REQUEST_ANSWER"),
    guard: pending("There is no cancel request waiting for an answer."),
    apply: (ctx) =>
      cancelTheOrder(ctx, findReason(ctx.state.cancelRequest!.reasonKey)!, {
        summary: "The seller did not answer the cancel request in time, so the platform approved it",
        requestStatus: "AUTO_APPROVED",
      }),
  },
};
