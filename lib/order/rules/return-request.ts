/**
 * The buyer's refund or return request and the seller's review (docs/rules.md#returns):
 * asked within the return window (US: a refund before delivery too), approved, rejected or silently
 * approved; a rejection nobody escalates closes. Partial offers are in partial-offer.ts, the parcel
 * that comes back in return-parcel.ts, the arithmetic in ../return-case.ts.
 */
import { formatDateTime } from "../../format";
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
function approveTheCase(ctx: StateContext, who: "The seller" | "The platform"): Outcome {
  const { state, now, policy } = ctx;
  const current = state.returnCase!;
  const approved = who === "The seller" ? "The seller approved" : "The seller did not review it in time, so the platform approved";
  if (current.type === "REFUND_ONLY") {
    return refundTheCase(ctx, caseBreakdown(ctx), { summary: `${approved} the refund request.` });
  }
  const shipBy = addDuration(now, policy.shipBack, policy);
  return {
    returnCase: moveCase(ctx, "AWAITING_SHIPBACK"),
    deadlines: { open: [{ kind: "SHIP_BACK", dueAt: shipBy }], close: caseDeadlines(ctx) },
    effects: [
      notify("BUYER", "RETURN_APPROVED", `Ship your return for order ${state.code}`, `Your return was approved. Send the item to the shop's return address and add the carrier and tracking number by ${formatDateTime(shipBy)}, or the request closes.`),
      ...(who === "The platform" ? [notify("SELLER", "RETURN_APPROVED", `The return for order ${state.code} was approved automatically`, "You did not review it in time. Inspect the parcel when it arrives.")] : []),
    ],
    event: event("RETURN_APPROVED", `${approved} the return; the buyer must ship it back by ${formatDateTime(shipBy)}.`, { caseId: current.id }),
  };
}

/**
 * US Buyer Protection (DOMAIN: Returns and refunds): on a completed order, damaged, defective and
 * missing-parts claims stay open until 90 days after delivery; the reasons list says which.
 */
function buyerProtectionBlock({ state, now, policy }: StateContext): Block | null {
  const over = "The order is complete: its return window is over.";
  const until = buyerProtectionEndsAt(state, policy);
  if (!until) return { reason: over };
  if (now.getTime() >= until.getTime()) return { reason: `${over} Buyer Protection for damaged, defective or incomplete items ended on ${formatDateTime(until)}.` };
  if (refundableMinor(state) <= 0) return { reason: "The order is complete and was refunded in full." };
  return null;
}

export const RETURN_REQUEST_RULES: Rules<ReturnRequestCommand> = {
  REQUEST_RETURN: {
    label: "Ask for a refund or a return",
    reasons: "RETURN_REFUND",
    roles: ["BUYER"],
    from: CASE_STATUSES_OF_ORDER,
    // The shop's auto-approve rule refunds a small refund-only request at once, which can complete the order.
    to: ["COMPLETED"],
    cases: { from: ["NONE"], to: ["REQUESTED", "REFUNDED"] },
    unavailable: {
      UNPAID: quiet("Nothing has shipped yet."),
      ON_HOLD: quiet("Nothing has shipped yet: you can cancel instead."),
      // "You can cancel instead" only while cancelling is open: not after a rejected or withdrawn request (one per order; issue 27).
      AWAITING_SHIPMENT: (ctx) =>
        inAutoApproveWindow(ctx.state, ctx.now) || !requestCancelBlock(ctx)
          ? quiet("Nothing has shipped yet: you can cancel instead.")
          : quiet("Nothing has shipped yet. Once it ships you can refuse the parcel, or ask for a refund or a return after delivery."),
      CANCELLED: quiet("The order is cancelled."),
    },
    guard: (ctx) => {
      const { state, now, policy } = ctx;
      const current = openCase(ctx);
      if (current) return current.type === "REFUSED_PARCEL" ? quiet(`You refused this parcel.`) : { reason: `You already have an open ${caseWord(current.type)} for this order: ${CASE_STATUS_LABELS[current.status].toLowerCase()}.` };
      // The item went back and was refunded: no later claim, Buyer Protection included, pays for it again (issue 27, R5).
      const last = state.returnCase;
      if (last && last.type === "RETURN_AND_REFUND" && last.status === "REFUNDED" && last.carrier !== null) {
        return { reason: `You returned the item and were refunded${last.closedAt ? ` on ${formatDateTime(last.closedAt)}` : ""}: there is nothing left to ask for on this order.` };
      }
      if (state.status === "COMPLETED") return buyerProtectionBlock(ctx);
      if (state.status !== "DELIVERED") {
        if (!policy.preDeliveryRefund) return quiet("You can ask for a refund or a return once the parcel is delivered.");
        // "Won't arrive on time" opens only once the estimated delivery date has passed.
        const estimate = estimatedDeliveryAt(state, policy);
        if (estimate && now.getTime() <= estimate.getTime()) {
          return { reason: `The parcel is expected by ${formatCutoff(estimate, policy)}. If it hasn't arrived by then, you can ask for a refund because it won't arrive on time.` };
        }
        return null;
      }
      // (A delivered order that was refunded in full has completed, so something is always left to refund here.)
      if (state.returnWindowEndsAt && now.getTime() >= state.returnWindowEndsAt.getTime()) return { reason: `The return window ended on ${formatDateTime(state.returnWindowEndsAt)}.` };
      return null;
    },
    validate: ({ state, command }) => {
      if (!(REQUEST_CASE_TYPES as readonly string[]).includes(command.caseType)) return { field: "caseType", reason: "Choose a refund only or a return and refund." };
      if (state.status !== "DELIVERED" && state.status !== "COMPLETED" && command.caseType !== "REFUND_ONLY") return { field: "caseType", reason: "Before delivery you can only ask for a refund; returns open once the parcel is delivered." };
      const reason = reasonCheck("RETURN_REFUND", state.status, command.reasonKey);
      if (reason) return reason;
      if (!Number.isInteger(command.photoCount) || command.photoCount < 0 || command.photoCount > MAX_PHOTOS) return { field: "photos", reason: `Add at most ${MAX_PHOTOS} photos.` };
      if (command.description.length > MAX_DESCRIPTION) return { field: "description", reason: `Keep the description under ${MAX_DESCRIPTION} characters.` };
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
          summary: `The buyer asked for a refund (${reason.label}); the shop's rule approves refund-only requests up to ${money(state, state.autoRefundUpToMinor)}, so it was approved at once.`,
        });
      }
      const word = caseWord(command.caseType);
      return {
        returnCase: request,
        deadlines: { open: [{ kind: "SELLER_REVIEW", dueAt: reviewBy }] },
        effects: [
          notify("SELLER", "CASE_REQUESTED", `New ${word} for order ${state.code}`, `Reason: ${reason.label}. Approve, reject or offer a partial refund by ${formatDateTime(reviewBy)}; if you don't, it is approved automatically.`),
        ],
        event: event(
          "CASE_REQUESTED",
          `The buyer asked for a ${command.caseType === "REFUND_ONLY" ? "refund" : "return and refund"}: ${reason.label}. It would refund ${money(state, preview.totalMinor)}. The seller has until ${formatDateTime(reviewBy)}.`,
          { caseId: request.id, caseType: command.caseType, reasonKey: command.reasonKey, photoCount: command.photoCount },
        ),
      };
    },
  },

  WITHDRAW_RETURN: {
    label: "Withdraw my request",
    roles: ["BUYER"],
    from: CASE_STATUSES_OF_ORDER,
    to: ["COMPLETED"],
    cases: { from: ["REQUESTED", "OFFERED", "RE_REVIEW", "AWAITING_SHIPBACK"], to: ["CLOSED"] },
    guard: caseIn("REQUESTED", "OFFERED", "RE_REVIEW", "AWAITING_SHIPBACK"),
    apply: (ctx) =>
      closeTheCase(ctx, "The buyer withdrew the request.", [notify("SELLER", "CASE_WITHDRAWN", `The buyer withdrew the request for order ${ctx.state.code}`, "Nothing more to do.")]),
  },

  APPROVE_RETURN: {
    label: "Approve the request",
    roles: ["SELLER"],
    from: CASE_STATUSES_OF_ORDER,
    to: ["COMPLETED"],
    cases: { from: ["REQUESTED", "RE_REVIEW"], to: ["AWAITING_SHIPBACK", "REFUNDED"] },
    guard: caseIn("REQUESTED", "RE_REVIEW"),
    apply: (ctx) => approveTheCase(ctx, "The seller"),
  },

  SELLER_REVIEW_TIMEOUT: {
    label: "Approve a request the seller did not review",
    roles: ["SYSTEM"],
    from: CASE_STATUSES_OF_ORDER,
    to: ["COMPLETED"],
    cases: { from: ["REQUESTED", "RE_REVIEW"], to: ["AWAITING_SHIPBACK", "REFUNDED"] },
    timer: timerDue("SELLER_REVIEW"),
    guard: caseIn("REQUESTED", "RE_REVIEW"),
    apply: (ctx) => approveTheCase(ctx, "The platform"),
  },

  REJECT_RETURN: {
    label: "Reject the request",
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
        effects: [notify("BUYER", "CASE_REJECTED", `The seller rejected your request for order ${state.code}`, `Reason: ${reason.label}. You can ask platform support to decide until ${formatDateTime(escalateBy)}.`)],
        event: event("CASE_REJECTED", `The seller rejected the request: ${reason.label}. The buyer may escalate until ${formatDateTime(escalateBy)}.`, { caseId: state.returnCase!.id, reasonKey: reason.key }),
      };
    },
  },

  DISPUTE_FILING_TIMEOUT: {
    label: "Close a rejected request nobody escalated",
    roles: ["SYSTEM"],
    from: CASE_STATUSES_OF_ORDER,
    to: ["COMPLETED"],
    cases: { from: ["REJECTED", "RECEIPT_REJECTED"], to: ["CLOSED"] },
    timer: timerDue("DISPUTE_FILING"),
    guard: caseIn("REJECTED", "RECEIPT_REJECTED"),
    apply: (ctx) =>
      closeTheCase(ctx, "Nobody escalated the rejection in time, so the request was closed.", [
        notify("BUYER", "CASE_CLOSED", `Your request for order ${ctx.state.code} was closed`, "The time to ask platform support to decide has passed, so the request was closed."),
      ]),
  },
};
