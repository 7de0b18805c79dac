/**
 * The buyer's refund or return request and the seller's review (docs/rules.md#returns):
 * asked within the return window (US: a refund before delivery too), approved, rejected or silently
 * approved; a rejection nobody escalates closes. Partial offers are in partial-offer.ts, the parcel
 * that comes back in return-parcel.ts, the arithmetic in ../return-case.ts.
 */
import { at, m } from "../../i18n/message";
import { MAX_DESCRIPTION, MAX_PHOTOS } from "../limits";
import { addDuration, buyerProtectionEndsAt, estimatedDeliveryAt, formatCutoff } from "../policy";
import { requestProblem } from "../request-rules";
import { findReason } from "../reasons";
import { CASE_STATUS_LABELS, REQUEST_CASE_TYPES, newReturnCase, previewRefund, refundableMinor } from "../return-case";
import { event } from "./events";
import { CASE_STATUSES_OF_ORDER, caseBreakdown, caseDeadlines, caseIn, closeTheCase, moveCase, openCase, refundTheCase } from "./outcomes/case";
import { inAutoApproveWindow, requestCancelBlock } from "./outcomes/cancel";
import { caseWord, money, notify, reasonCheck } from "./sentences";
import { quiet, timerDue, type Block, type Outcome, type Rules, type StateContext } from "./shape";

type ReturnRequestCommand = "REQUEST_RETURN" | "WITHDRAW_RETURN" | "APPROVE_RETURN" | "SELLER_REVIEW_TIMEOUT" | "REJECT_RETURN" | "DISPUTE_FILING_TIMEOUT";

/** The seller (or the review timer) approves: a refund-only request is refunded now; a return waits for the parcel. */
function approveTheCase(ctx: StateContext, who: "SELLER" | "PLATFORM"): Outcome {
  const { state, now, policy } = ctx;
  const current = state.returnCase!;
  const approved = who === "SELLER" ? m("engine.returnRequest.approveTheCase.m1") : m("engine.returnRequest.approveTheCase.m8");
  if (current.type === "REFUND_ONLY") {
    return refundTheCase(ctx, caseBreakdown(ctx), { summary: m("engine.returnRequest.approveTheCase.m2", { approved }) });
  }
  const shipBy = addDuration(now, policy.shipBack, policy);
  return {
    returnCase: moveCase(ctx, "AWAITING_SHIPBACK"),
    deadlines: { open: [{ kind: "SHIP_BACK", dueAt: shipBy }], close: caseDeadlines(ctx) },
    effects: [
      notify("BUYER", "RETURN_APPROVED", m("engine.returnRequest.approveTheCase.m3", { code: state.code }), m("engine.returnRequest.approveTheCase.m6", { shipBy: at(shipBy) })),
      ...(who === "PLATFORM" ? [notify("SELLER", "RETURN_APPROVED", m("engine.returnRequest.approveTheCase.m4", { code: state.code }), m("engine.returnRequest.approveTheCase.m7"))] : []),
    ],
    event: event("RETURN_APPROVED", m("engine.returnRequest.approveTheCase.m5", { approved, shipBy: at(shipBy) }), { caseId: current.id }),
  };
}

/**
 * US Buyer Protection (DOMAIN: Returns and refunds): on a completed order, damaged, defective and
 * missing-parts claims stay open until 90 days after delivery; the reasons list says which.
 */
function buyerProtectionBlock({ state, now, policy }: StateContext): Block | null {
  const over = m("engine.returnRequest.buyerProtectionBlock.m3");
  const until = buyerProtectionEndsAt(state, policy);
  if (!until) return { reason: over };
  if (now.getTime() >= until.getTime()) return { reason: m("engine.returnRequest.buyerProtectionBlock.m1", { over, until: at(until) }) };
  if (refundableMinor(state) <= 0) return { reason: m("engine.returnRequest.buyerProtectionBlock.m2") };
  return null;
}

export const RETURN_REQUEST_RULES: Rules<ReturnRequestCommand> = {
  REQUEST_RETURN: {
    reasons: "RETURN_REFUND",
    roles: ["BUYER"],
    from: CASE_STATUSES_OF_ORDER,
    // The shop's auto-approve rule refunds a small refund-only request at once, which can complete the order.
    to: ["COMPLETED"],
    cases: { from: ["NONE"], to: ["REQUESTED", "REFUNDED"] },
    unavailable: {
      UNPAID: quiet(m("engine.returnRequest.REQUEST_RETURN.m1")),
      ON_HOLD: quiet(m("engine.returnRequest.REQUEST_RETURN.m2")),
      // "You can cancel instead" only while cancelling is open: not after a rejected or withdrawn request (one per order; issue 27).
      AWAITING_SHIPMENT: (ctx) =>
        inAutoApproveWindow(ctx.state, ctx.now) || !requestCancelBlock(ctx)
          ? quiet(m("engine.returnRequest.REQUEST_RETURN.m3"))
          : quiet(m("engine.returnRequest.REQUEST_RETURN.m4")),
      CANCELLED: quiet(m("engine.returnRequest.REQUEST_RETURN.m5")),
    },
    guard: (ctx) => {
      const { state, now, policy } = ctx;
      const current = openCase(ctx);
      if (current) return current.type === "REFUSED_PARCEL" ? quiet(m("engine.returnRequest.REQUEST_RETURN.m6")) : { reason: m("engine.returnRequest.REQUEST_RETURN.m7", { case: caseWord(current.type), caseStatus: CASE_STATUS_LABELS[current.status] }) };
      // The item went back and was refunded: no later claim, Buyer Protection included, pays for it again (issue 27, R5).
      const last = state.returnCase;
      if (last && last.type === "RETURN_AND_REFUND" && last.status === "REFUNDED" && last.carrier !== null) {
        return { reason: last.closedAt ? m("engine.returnRequest.REQUEST_RETURN.returnedRefundedOn", { closedAt: at(last.closedAt) }) : m("engine.returnRequest.REQUEST_RETURN.returnedRefunded") };
      }
      if (state.status === "COMPLETED") return buyerProtectionBlock(ctx);
      if (state.status !== "DELIVERED") {
        if (!policy.preDeliveryRefund) return quiet(m("engine.returnRequest.REQUEST_RETURN.m8"));
        // "Won't arrive on time" opens only once the estimated delivery date has passed.
        const estimate = estimatedDeliveryAt(state, policy);
        if (estimate && now.getTime() <= estimate.getTime()) {
          return { reason: m("engine.returnRequest.REQUEST_RETURN.m9", { estimate: formatCutoff(estimate, policy) }) };
        }
        return null;
      }
      // (A delivered order that was refunded in full has completed, so something is always left to refund here.)
      if (state.returnWindowEndsAt && now.getTime() >= state.returnWindowEndsAt.getTime()) return { reason: m("engine.returnRequest.REQUEST_RETURN.m10", { returnWindowEndsAt: at(state.returnWindowEndsAt) }) };
      return null;
    },
    validate: ({ state, command }) => {
      if (!(REQUEST_CASE_TYPES as readonly string[]).includes(command.caseType)) return { field: "caseType", reason: m("engine.returnRequest.REQUEST_RETURN.m11") };
      if (state.status !== "DELIVERED" && state.status !== "COMPLETED" && command.caseType !== "REFUND_ONLY") return { field: "caseType", reason: m("engine.returnRequest.REQUEST_RETURN.m12") };
      const reason = reasonCheck("RETURN_REFUND", state.status, command.reasonKey);
      if (reason) return reason;
      if (!Number.isInteger(command.photoCount) || command.photoCount < 0 || command.photoCount > MAX_PHOTOS) return { field: "photos", reason: m("engine.returnRequest.REQUEST_RETURN.m13", { MAX_PHOTOS }) };
      if (command.description.length > MAX_DESCRIPTION) return { field: "description", reason: m("engine.returnRequest.REQUEST_RETURN.m14", { MAX_DESCRIPTION }) };
      return requestProblem(command);
    },
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const reviewBy = addDuration(now, policy.sellerReview, policy);
      const request = newReturnCase(state, now, {
        type: command.caseType,
        status: "REQUESTED",
        reasonKey: command.reasonKey,
        description: command.description,
        photoCount: command.photoCount,
        preDelivery: !state.deliveredAt,
      });
      const preview = previewRefund(state, { caseType: command.caseType, reasonKey: command.reasonKey }, policy);
      const reason = findReason(command.reasonKey)!;
      // The shop's rule (a US seller setting, kept on the order as it was when placed): a refund-only
      // request refunding no more than its amount is approved at once, without the seller's review.
      if (command.caseType === "REFUND_ONLY" && state.autoRefundUpToMinor > 0 && preview.totalMinor <= state.autoRefundUpToMinor) {
        const opened = { ...ctx, state: { ...state, returnCase: request } };
        return refundTheCase(opened, caseBreakdown(opened), {
          summary: m("engine.returnRequest.REQUEST_RETURN.m15", { reason: reason.label, autoRefundUpToMinor: money(state, state.autoRefundUpToMinor) }),
        });
      }
      const word = caseWord(command.caseType);
      return {
        returnCase: request,
        deadlines: { open: [{ kind: "SELLER_REVIEW", dueAt: reviewBy }] },
        effects: [
          notify("SELLER", "CASE_REQUESTED", m("engine.returnRequest.REQUEST_RETURN.m16", { word, code: state.code }), m("engine.returnRequest.REQUEST_RETURN.m17", { reason: reason.label, reviewBy: at(reviewBy) })),
        ],
        event: event(
          "CASE_REQUESTED",
          m("engine.returnRequest.REQUEST_RETURN.event", { refundOnly: command.caseType === "REFUND_ONLY" ? "yes" : "no", reason: reason.label, amount: money(state, preview.totalMinor), reviewBy: at(reviewBy) }),
          { caseId: request.id, caseType: command.caseType, reasonKey: command.reasonKey, photoCount: command.photoCount },
        ),
      };
    },
  },

  WITHDRAW_RETURN: {
    roles: ["BUYER"],
    from: CASE_STATUSES_OF_ORDER,
    to: ["COMPLETED"],
    cases: { from: ["REQUESTED", "OFFERED", "RE_REVIEW", "AWAITING_SHIPBACK"], to: ["CLOSED"] },
    guard: caseIn("REQUESTED", "OFFERED", "RE_REVIEW", "AWAITING_SHIPBACK"),
    apply: (ctx) =>
      closeTheCase(ctx, m("engine.returnRequest.WITHDRAW_RETURN.m1"), [notify("SELLER", "CASE_WITHDRAWN", m("engine.returnRequest.WITHDRAW_RETURN.m2", { code: ctx.state.code }), m("engine.returnRequest.WITHDRAW_RETURN.m3"))]),
  },

  APPROVE_RETURN: {
    roles: ["SELLER"],
    from: CASE_STATUSES_OF_ORDER,
    to: ["COMPLETED"],
    cases: { from: ["REQUESTED", "RE_REVIEW"], to: ["AWAITING_SHIPBACK", "REFUNDED"] },
    guard: caseIn("REQUESTED", "RE_REVIEW"),
    apply: (ctx) => approveTheCase(ctx, "SELLER"),
  },

  SELLER_REVIEW_TIMEOUT: {
    roles: ["SYSTEM"],
    from: CASE_STATUSES_OF_ORDER,
    to: ["COMPLETED"],
    cases: { from: ["REQUESTED", "RE_REVIEW"], to: ["AWAITING_SHIPBACK", "REFUNDED"] },
    timer: timerDue("SELLER_REVIEW"),
    guard: caseIn("REQUESTED", "RE_REVIEW"),
    apply: (ctx) => approveTheCase(ctx, "PLATFORM"),
  },

  REJECT_RETURN: {
    reasons: "SELLER_REJECT_RETURN",
    roles: ["SELLER"],
    from: CASE_STATUSES_OF_ORDER,
    to: [],
    cases: { from: ["REQUESTED", "RE_REVIEW"], to: ["REJECTED"] },
    guard: caseIn("REQUESTED", "RE_REVIEW"),
    validate: ({ state, command }) => reasonCheck("SELLER_REJECT_RETURN", state.status, command.reasonKey),
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const reason = findReason(command.reasonKey)!;
      const escalateBy = addDuration(now, policy.disputeFiling, policy);
      return {
        returnCase: moveCase(ctx, "REJECTED", { rejectReasonKey: reason.key }),
        deadlines: { open: [{ kind: "DISPUTE_FILING", dueAt: escalateBy }], close: caseDeadlines(ctx) },
        effects: [notify("BUYER", "CASE_REJECTED", m("engine.returnRequest.REJECT_RETURN.m1", { code: state.code }), m("engine.returnRequest.REJECT_RETURN.m3", { reason: reason.label, escalateBy: at(escalateBy) }))],
        event: event("CASE_REJECTED", m("engine.returnRequest.REJECT_RETURN.m2", { reason: reason.label, escalateBy: at(escalateBy) }), { caseId: state.returnCase!.id, reasonKey: reason.key }),
      };
    },
  },

  DISPUTE_FILING_TIMEOUT: {
    roles: ["SYSTEM"],
    from: CASE_STATUSES_OF_ORDER,
    to: ["COMPLETED"],
    cases: { from: ["REJECTED", "RECEIPT_REJECTED"], to: ["CLOSED"] },
    timer: timerDue("DISPUTE_FILING"),
    guard: caseIn("REJECTED", "RECEIPT_REJECTED"),
    apply: (ctx) =>
      closeTheCase(ctx, m("engine.returnRequest.DISPUTE_FILING_TIMEOUT.m1"), [
        notify("BUYER", "CASE_CLOSED", m("engine.returnRequest.DISPUTE_FILING_TIMEOUT.m2", { code: ctx.state.code }), m("engine.returnRequest.DISPUTE_FILING_TIMEOUT.m3")),
      ]),
  },
};
