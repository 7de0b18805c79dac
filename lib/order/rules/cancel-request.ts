/**
 * The buyer's request to cancel while the seller processes the order, and the seller's answer
 * (docs/rules.md#cancel-requests). One request per order; silence approves it; shipping rejects it (see
 * shipping.ts); the sub-machine is in ../cancel-request.ts.
 */
import { type Message, at, m } from "../../i18n/message";
import type { CancelRequestState } from "../cancel-request";
import { addDuration } from "../policy";
import { findReason } from "../reasons";
import { event } from "./events";
import { SHIPPED, cancelTheOrder, deliveredNoCancel, requestCancelBlock, resolveRequest } from "./outcomes/cancel";
import { NOTHING, notify, reasonCheck } from "./sentences";
import { quiet, timerDue, type Rules, type StateContext } from "./shape";

type CancelRequestCommand = "REQUEST_CANCEL" | "WITHDRAW_CANCEL_REQUEST" | "APPROVE_CANCEL_REQUEST" | "REJECT_CANCEL_REQUEST" | "CANCEL_REQUEST_TIMEOUT";

const pending = (nobody: Message) => ({ state }: StateContext) => (state.cancelRequest?.status === "PENDING" ? null : quiet(nobody));

export const CANCEL_REQUEST_RULES: Rules<CancelRequestCommand> = {
  REQUEST_CANCEL: {
    reasons: "BUYER_CANCEL",
    roles: ["BUYER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: { from: ["NONE"], to: ["PENDING", "AUTO_APPROVED"] },
    unavailable: {
      UNPAID: quiet(m("engine.cancelRequest.unpaidCancelNow")),
      ON_HOLD: quiet(m("engine.cancelRequest.onHoldCancelNow")),
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
          summary: m("engine.cancelRequest.lateApprovedSummary"),
          requestStatus: "AUTO_APPROVED",
        });
      }
      const respondBy = addDuration(now, policy.cancelRequestAnswer, policy);
      return {
        cancelRequest: { ...request, respondBy },
        deadlines: { open: [{ kind: "CANCEL_REQUEST_ANSWER", dueAt: respondBy }] },
        effects: [
          notify("SELLER", "CANCEL_REQUESTED", m("engine.cancelRequest.requestedTitle", { code: state.code }), m("engine.cancelRequest.requestedBody", { reason: reason.label, by: at(respondBy) })),
        ],
        event: event("CANCEL_REQUESTED", m("engine.cancelRequest.requestedEvent", { reason: reason.label, by: at(respondBy) }), { reasonKey: reason.key }),
      };
    },
  },

  WITHDRAW_CANCEL_REQUEST: {
    roles: ["BUYER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    request: { from: ["PENDING"], to: ["WITHDRAWN"] },
    guard: pending(m("engine.cancelRequest.noneWaiting")),
    apply: (ctx) => ({
      cancelRequest: resolveRequest(ctx, "WITHDRAWN"),
      deadlines: { close: ["CANCEL_REQUEST_ANSWER"] },
      effects: [notify("SELLER", "CANCEL_REQUEST_WITHDRAWN", m("engine.cancelRequest.withdrawnTitle", { code: ctx.state.code }), m("engine.cancelRequest.withdrawnBody"))],
      event: event("CANCEL_REQUEST_WITHDRAWN", m("engine.cancelRequest.withdrawnEvent")),
    }),
  },

  APPROVE_CANCEL_REQUEST: {
    roles: ["SELLER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: { from: ["PENDING"], to: ["APPROVED"] },
    guard: pending(m("engine.cancelRequest.noneForYou")),
    apply: (ctx) => cancelTheOrder(ctx, findReason(ctx.state.cancelRequest!.reasonKey)!, { summary: m("engine.cancelRequest.approvedSummary"), requestStatus: "APPROVED" }),
  },

  REJECT_CANCEL_REQUEST: {
    reasons: "SELLER_REJECT_CANCEL",
    roles: ["SELLER"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    request: { from: ["PENDING"], to: ["REJECTED"] },
    guard: pending(m("engine.cancelRequest.noneForYou")),
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
            m("engine.cancelRequest.rejectedTitle", { code: state.code }),
            m("engine.cancelRequest.rejectedBody", { reason: reason.label, escalate: escalateBy ? m("engine.cancelRequest.rejectedBodyEscalate", { until: at(escalateBy) }) : NOTHING }),
          ),
        ],
        event: event("CANCEL_REQUEST_REJECTED", m("engine.cancelRequest.rejectedEvent", { reason: reason.label, escalate: escalateBy ? m("engine.cancelRequest.rejectedEventEscalate", { until: at(escalateBy) }) : NOTHING }), { reasonKey: reason.key }),
      };
    },
  },

  CANCEL_REQUEST_TIMEOUT: {
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: ["CANCELLED"],
    request: { from: ["PENDING"], to: ["AUTO_APPROVED"] },
    timer: timerDue("CANCEL_REQUEST_ANSWER"),
    guard: pending(m("engine.cancelRequest.noneWaiting")),
    apply: (ctx) =>
      cancelTheOrder(ctx, findReason(ctx.state.cancelRequest!.reasonKey)!, {
        summary: m("engine.cancelRequest.timeoutSummary"),
        requestStatus: "AUTO_APPROVED",
      }),
  },
};
