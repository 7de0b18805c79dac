/**
 * The rules after shipment: delivery, the refused parcel, refund and return cases with partial
 * offers, ship-back and inspection, and completion with settlement. DOMAIN.md case 3 and "Returns
 * and refunds"; the money in return-case.ts.
 */
import { formatDateTime } from "../../format";
import { CASE_STATUS_LABELS, CASE_TYPES, DEADLINE_SCOPES, FINAL_CASE_STATUSES, parseDeadlineKey, type CaseStatus, type CaseType, type DeadlineKey, type OrderStatus, type ReturnCaseState } from "../model";
import { addDuration } from "../policy";
import { findReason } from "../reasons";
import { maxPartialOffer, newReturnCase, previewRefund, type RefundBreakdown } from "../return-case";
import type { Effect } from "../commands";
import { issueRefund, money, notify, quiet, reasonCheck, refundSentence, settlement, timerDue, type Block, type Context, type Outcome, type Rules, type StateContext } from "./shared";

export type AfterShipmentCommand =
  | "REFUSE_PARCEL"
  | "REQUEST_RETURN"
  | "WITHDRAW_RETURN"
  | "ACCEPT_OFFER"
  | "DECLINE_OFFER"
  | "SHIP_RETURN"
  | "APPROVE_RETURN"
  | "REJECT_RETURN"
  | "OFFER_PARTIAL_REFUND"
  | "ACCEPT_RETURNED_PARCEL"
  | "REJECT_RETURNED_PARCEL"
  | "CONFIRM_REFUSED_PARCEL"
  | "CARRIER_DELIVER"
  | "REFUSED_PARCEL_DELIVERED"
  | "RETURN_PARCEL_DELIVERED"
  | "SELLER_REVIEW_TIMEOUT"
  | "OFFER_TIMEOUT"
  | "SHIP_BACK_TIMEOUT"
  | "INSPECTION_TIMEOUT"
  | "REFUSAL_INSPECTION_TIMEOUT"
  | "DISPUTE_FILING_TIMEOUT"
  | "COMPLETE_ORDER";

export const RETURN_CARRIERS = ["USPS", "UPS", "FedEx", "DHL", "Other"] as const;
export const MAX_PHOTOS = 6;
export const MAX_DESCRIPTION = 2000;

/** Where an open case can be: after shipment, before (US pre-delivery refund) or after delivery. */
const CASE_STATUSES_OF_ORDER: readonly OrderStatus[] = ["AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED"];

// ---------------------------------------------------------------------------------------------
// Case helpers
// ---------------------------------------------------------------------------------------------

export function openCase({ state }: StateContext): ReturnCaseState | null {
  const current = state.returnCase;
  return current && !FINAL_CASE_STATUSES.includes(current.status) ? current : null;
}

function caseIn(...statuses: CaseStatus[]) {
  return (ctx: StateContext): Block | null => {
    const current = openCase(ctx);
    return current && statuses.includes(current.status) ? null : quiet("There is no request at this step.");
  };
}

export function moveCase(ctx: StateContext, status: CaseStatus, patch: Partial<ReturnCaseState> = {}): ReturnCaseState {
  const current = ctx.state.returnCase!;
  const final = FINAL_CASE_STATUSES.includes(status);
  return { ...current, ...patch, status, closedAt: final ? ctx.now : current.closedAt };
}

/** The open deadlines of the current case (they all end when the case does). */
export function caseDeadlines(ctx: StateContext): DeadlineKey[] {
  return Object.keys(ctx.state.deadlines).filter((key) => {
    const parsed = parseDeadlineKey(key);
    return parsed && DEADLINE_SCOPES[parsed.kind] === "CASE";
  });
}

function caseWord(type: CaseType): string {
  return type === "REFUND_ONLY" ? "refund request" : type === "RETURN_AND_REFUND" ? "return request" : "refused parcel";
}

/**
 * Completes the order when nothing is left to wait for: everything was refunded, the item came
 * back, or the return window is over. What escrow still holds settles to the seller.
 */
export function completion(ctx: StateContext, escrowAfter: number, itemReturned = false): Pick<Outcome, "status" | "effects"> {
  const { state, now } = ctx;
  if (!CASE_STATUSES_OF_ORDER.includes(state.status)) return {};
  const windowOver = !!state.returnWindowEndsAt && now.getTime() >= state.returnWindowEndsAt.getTime();
  if (escrowAfter > 0 && !itemReturned && !windowOver) return {};
  return { status: "COMPLETED", effects: settlement(state, escrowAfter) };
}

/** Refunds the current case: the refund, its postings and deadlines; the case REFUNDED; the order completed or settled if that is the end. */
export function refundTheCase(ctx: StateContext, breakdown: RefundBreakdown, opts: { summary: string; restock?: boolean; itemReturned?: boolean }): Outcome {
  const { state } = ctx;
  const current = state.returnCase!;
  const issued = issueRefund(ctx, `case:${current.id}`, breakdown);
  // A refused parcel's order is already cancelled: what is left (the original shipping) settles to the seller now.
  const done = current.type === "REFUSED_PARCEL" ? { effects: settlement(state, issued.escrowAfter) } : completion(ctx, issued.escrowAfter, opts.itemReturned);
  const postage =
    breakdown.postagePaidBy === "BUYER" && breakdown.postageDeductedMinor > 0
      ? ` Return postage of ${money(state, breakdown.postageDeductedMinor)} was kept from it.`
      : breakdown.postagePaidBy === "SELLER"
        ? ` Return postage of ${money(state, breakdown.postageMinor)} is charged to the seller.`
        : breakdown.postagePaidBy === "PLATFORM"
          ? " Return postage is paid by the platform."
          : "";
  return {
    ...(done.status ? { status: done.status } : {}),
    returnCase: moveCase(ctx, "REFUNDED", { refundMinor: breakdown.totalMinor }),
    deadlines: { open: issued.deadlines, close: caseDeadlines(ctx) },
    effects: [
      ...(opts.restock ? [{ type: "RESTOCK" as const }] : []),
      ...issued.effects,
      ...(done.effects ?? []),
      notify("BUYER", "REFUND_STARTED", `Your ${caseWord(current.type)} for order ${state.code} was refunded`, refundSentence(issued.refund, "your") + postage),
      notify("SELLER", "CASE_REFUNDED", `Order ${state.code}: the buyer was refunded ${money(state, breakdown.totalMinor)}`, opts.summary + postage),
    ],
    event: {
      type: "CASE_REFUNDED",
      summary: `${opts.summary} ${refundSentence(issued.refund, "the buyer's")}${postage}${done.status ? " The order is complete." : ""}`,
      data: { caseId: current.id, ...breakdown },
    },
  };
}

/** Closes the current case without a refund; the order completes if its return window is already over. */
function closeTheCase(ctx: StateContext, summary: string, notes: Effect[]): Outcome {
  const done = completion(ctx, ctx.state.escrowMinor);
  return {
    ...(done.status ? { status: done.status } : {}),
    returnCase: moveCase(ctx, "CLOSED"),
    deadlines: { close: caseDeadlines(ctx) },
    effects: [...(done.effects ?? []), ...notes],
    event: { type: "CASE_CLOSED", summary: `${summary}${done.status ? " The order is complete." : ""}`, data: { caseId: ctx.state.returnCase!.id } },
  };
}

export function caseBreakdown(ctx: StateContext, partialMinor?: number | null): RefundBreakdown {
  const current = ctx.state.returnCase!;
  return previewRefund(ctx.state, { caseType: current.type, reasonKey: current.reasonKey, partialMinor }, ctx.policy);
}

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
    event: { type: "RETURN_APPROVED", summary: `${approved} the return; the buyer must ship it back by ${formatDateTime(shipBy)}.`, data: { caseId: current.id } },
  };
}

function backToSeller(ctx: StateContext, why: string): Outcome {
  const { state, now, policy } = ctx;
  const decideBy = addDuration(now, policy.sellerReview, policy);
  return {
    returnCase: moveCase(ctx, "RE_REVIEW"),
    deadlines: { open: [{ kind: "SELLER_REVIEW", dueAt: decideBy }], close: caseDeadlines(ctx) },
    effects: [notify("SELLER", "OFFER_DECLINED", `Order ${state.code}: your offer was not accepted`, `${why} Approve or reject the original request by ${formatDateTime(decideBy)}; if you don't, it is approved automatically.`)],
    event: { type: "OFFER_DECLINED", summary: `${why} The seller must approve or reject the original request by ${formatDateTime(decideBy)}.`, data: { caseId: state.returnCase!.id } },
  };
}

const TRACKING = /^[A-Z0-9]{8,34}$/;

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

export const AFTER_SHIPMENT_RULES: Rules<AfterShipmentCommand> = {
  CARRIER_DELIVER: {
    label: "Carrier delivers the parcel",
    roles: ["SYSTEM"],
    from: ["IN_TRANSIT"],
    to: ["DELIVERED"],
    timer: timerDue("DELIVERY"),
    apply: ({ state, now, policy }) => {
      const returnWindowEndsAt = addDuration(now, policy.returnWindow, policy);
      return {
        status: "DELIVERED",
        patch: { deliveredAt: now, returnWindowEndsAt },
        deadlines: { open: [{ kind: "RETURN_WINDOW", dueAt: returnWindowEndsAt }], close: ["DELIVERY"] },
        effects: [notify("BUYER", "DELIVERED", `Order ${state.code} was delivered`, `Something wrong? You can ask for a refund or a return until ${formatDateTime(returnWindowEndsAt)}.`)],
        event: { type: "DELIVERED", summary: `The carrier delivered the parcel. Refunds and returns are open until ${formatDateTime(returnWindowEndsAt)}.` },
      };
    },
  },

  REFUSE_PARCEL: {
    label: "Refuse the parcel",
    roles: ["BUYER"],
    from: ["IN_TRANSIT"],
    to: [],
    cases: { from: ["NONE"], to: ["PARCEL_RETURNING"] },
    unavailable: {
      DELIVERED: quiet("The parcel has been delivered: ask for a refund or a return instead."),
    },
    guard: (ctx) => {
      const current = openCase(ctx);
      if (current?.type === "REFUSED_PARCEL") return quiet("You refused this parcel; it is on its way back to the seller.");
      return current ? { reason: `You can't refuse the parcel while your ${caseWord(current.type)} is open (${CASE_STATUS_LABELS[current.status].toLowerCase()}).` } : null;
    },
    apply: (ctx) => {
      const { state, now, policy } = ctx;
      const arrivesBy = addDuration(now, policy.returnTransit, policy);
      const refusal = newReturnCase(state, now, { type: "REFUSED_PARCEL", status: "PARCEL_RETURNING", reasonKey: "package_rejected", description: "", photoCount: 0, preDelivery: true });
      return {
        returnCase: refusal,
        deadlines: { open: [{ kind: "REFUSED_PARCEL_TRANSIT", dueAt: arrivesBy }], close: ["DELIVERY"] },
        effects: [notify("SELLER", "PARCEL_REFUSED", `The buyer refused the parcel for order ${state.code}`, `The carrier is bringing it back (expected by ${formatDateTime(arrivesBy)}). Confirm receipt when it arrives; the buyer is refunded then.`)],
        event: { type: "PARCEL_REFUSED", summary: `The buyer refused the parcel; the carrier is returning it to the seller, expected by ${formatDateTime(arrivesBy)}.`, data: { caseId: refusal.id } },
      };
    },
  },

  REFUSED_PARCEL_DELIVERED: {
    label: "Refused parcel arrives back at the seller",
    roles: ["SYSTEM"],
    from: ["IN_TRANSIT"],
    to: ["CANCELLED"],
    cases: { from: ["PARCEL_RETURNING"], to: ["AWAITING_INSPECTION"] },
    timer: timerDue("REFUSED_PARCEL_TRANSIT"),
    guard: caseIn("PARCEL_RETURNING"),
    apply: (ctx) => {
      const { state, actor, now, policy } = ctx;
      const reason = findReason("package_rejected")!;
      const confirmBy = addDuration(now, policy.inspection, policy);
      return {
        status: "CANCELLED",
        patch: { cancellation: { reasonKey: reason.key, byRole: actor.role, byId: actor.id, at: now, fault: reason.fault } },
        returnCase: moveCase(ctx, "AWAITING_INSPECTION"),
        deadlines: { open: [{ kind: "REFUSAL_INSPECTION", dueAt: confirmBy }], close: caseDeadlines(ctx) },
        effects: [
          { type: "RESTOCK" },
          notify("SELLER", "REFUSED_PARCEL_BACK", `The refused parcel for order ${state.code} is back`, `Confirm receipt by ${formatDateTime(confirmBy)}; if you don't, the buyer is refunded automatically. Not counted against your shop.`),
          notify("BUYER", "ORDER_CANCELLED", `Order ${state.code} was cancelled: parcel refused`, `The parcel is back with the seller. You will be refunded once they confirm receipt, by ${formatDateTime(confirmBy)} at the latest. Return postage is deducted from the refund.`),
        ],
        event: { type: "ORDER_CANCELLED", summary: `The refused parcel reached the seller; the order is cancelled (${reason.label}). The seller must confirm receipt by ${formatDateTime(confirmBy)}.`, data: { reasonKey: reason.key, fault: reason.fault } },
      };
    },
  },

  CONFIRM_REFUSED_PARCEL: {
    label: "Confirm receipt of the refused parcel",
    roles: ["SELLER"],
    from: ["CANCELLED"],
    to: [],
    cases: { from: ["AWAITING_INSPECTION"], to: ["REFUNDED"] },
    guard: caseIn("AWAITING_INSPECTION"),
    apply: (ctx) => refundTheCase(ctx, caseBreakdown(ctx), { summary: "The seller confirmed receipt of the refused parcel." }),
  },

  REFUSAL_INSPECTION_TIMEOUT: {
    label: "Refund a refused parcel the seller did not confirm",
    roles: ["SYSTEM"],
    from: ["CANCELLED"],
    to: [],
    cases: { from: ["AWAITING_INSPECTION"], to: ["REFUNDED"] },
    timer: timerDue("REFUSAL_INSPECTION"),
    guard: caseIn("AWAITING_INSPECTION"),
    apply: (ctx) => refundTheCase(ctx, caseBreakdown(ctx), { summary: "The seller did not confirm receipt of the refused parcel in time, so the platform refunded the buyer." }),
  },

  REQUEST_RETURN: {
    label: "Ask for a refund or a return",
    reasons: "RETURN_REFUND",
    roles: ["BUYER"],
    from: CASE_STATUSES_OF_ORDER,
    to: [],
    cases: { from: ["NONE"], to: ["REQUESTED"] },
    unavailable: {
      UNPAID: quiet("Nothing has shipped yet."),
      ON_HOLD: quiet("Nothing has shipped yet: you can cancel instead."),
      AWAITING_SHIPMENT: quiet("Nothing has shipped yet: you can cancel instead."),
      COMPLETED: "The order is complete: its return window is over.",
      CANCELLED: quiet("The order is cancelled."),
    },
    guard: (ctx) => {
      const { state, now, policy } = ctx;
      const current = openCase(ctx);
      if (current) return current.type === "REFUSED_PARCEL" ? quiet(`You refused this parcel.`) : { reason: `You already have an open ${caseWord(current.type)} for this order: ${CASE_STATUS_LABELS[current.status].toLowerCase()}.` };
      if (state.status !== "DELIVERED") return policy.preDeliveryRefund ? null : quiet("You can ask for a refund or a return once the parcel is delivered.");
      // (A delivered order that was refunded in full has completed, so something is always left to refund here.)
      if (state.returnWindowEndsAt && now.getTime() >= state.returnWindowEndsAt.getTime()) return { reason: `The return window ended on ${formatDateTime(state.returnWindowEndsAt)}.` };
      return null;
    },
    validate: ({ state, command }) => {
      if (!(CASE_TYPES as readonly string[]).includes(command.caseType) || command.caseType === "REFUSED_PARCEL") return { field: "caseType", reason: "Choose a refund only or a return and refund." };
      if (state.status !== "DELIVERED" && command.caseType !== "REFUND_ONLY") return { field: "caseType", reason: "Before delivery you can only ask for a refund; returns open once the parcel is delivered." };
      const reason = reasonCheck("RETURN_REFUND", state.status, command.reasonKey);
      if (reason) return reason;
      if (!Number.isInteger(command.photoCount) || command.photoCount < 0 || command.photoCount > MAX_PHOTOS) return { field: "photos", reason: `Add at most ${MAX_PHOTOS} photos.` };
      if (command.caseType === "REFUND_ONLY" && state.status === "DELIVERED" && command.photoCount < 1) return { field: "photos", reason: "Add at least one photo of the item: a refund without a return needs one." };
      if (command.description.length > MAX_DESCRIPTION) return { field: "description", reason: `Keep the description under ${MAX_DESCRIPTION} characters.` };
      return null;
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
        preDelivery: state.status !== "DELIVERED",
      });
      const preview = previewRefund(state, { caseType: command.caseType, reasonKey: command.reasonKey }, policy);
      const reason = findReason(command.reasonKey)!;
      const word = caseWord(command.caseType);
      return {
        returnCase: request,
        deadlines: { open: [{ kind: "SELLER_REVIEW", dueAt: reviewBy }] },
        effects: [
          notify("SELLER", "CASE_REQUESTED", `New ${word} for order ${state.code}`, `Reason: ${reason.label}. Approve, reject or offer a partial refund by ${formatDateTime(reviewBy)}; if you don't, it is approved automatically.`),
        ],
        event: {
          type: "CASE_REQUESTED",
          summary: `The buyer asked for a ${command.caseType === "REFUND_ONLY" ? "refund" : "return and refund"}: ${reason.label}. It would refund ${money(state, preview.totalMinor)}. The seller has until ${formatDateTime(reviewBy)}.`,
          data: { caseId: request.id, caseType: command.caseType, reasonKey: command.reasonKey, photoCount: command.photoCount },
        },
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
        event: { type: "CASE_REJECTED", summary: `The seller rejected the request: ${reason.label}. The buyer may escalate until ${formatDateTime(escalateBy)}.`, data: { caseId: state.returnCase!.id, reasonKey: reason.key } },
      };
    },
  },

  OFFER_PARTIAL_REFUND: {
    label: "Offer a partial refund",
    roles: ["SELLER"],
    from: CASE_STATUSES_OF_ORDER,
    to: [],
    cases: { from: ["REQUESTED"], to: ["OFFERED"] },
    guard: (ctx) => {
      const current = openCase(ctx);
      if (current?.status === "RE_REVIEW") return { reason: "The buyer declined your offer: approve or reject the original request." };
      return caseIn("REQUESTED")(ctx);
    },
    validate: ({ state, command, policy }) => {
      const max = maxPartialOffer(state, policy);
      if (!Number.isSafeInteger(command.amountMinor) || command.amountMinor < 1) return { field: "amount", reason: "Enter an amount of at least 0.01." };
      if (command.amountMinor > max) {
        return { field: "amount", reason: `A partial refund must be less than the full refund of ${money(state, max + 1)} and no more than is left to refund.` };
      }
      return null;
    },
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const answerBy = addDuration(now, policy.offerAnswer, policy);
      return {
        returnCase: moveCase(ctx, "OFFERED", { offerMinor: command.amountMinor }),
        deadlines: { open: [{ kind: "OFFER_ANSWER", dueAt: answerBy }], close: caseDeadlines(ctx) },
        effects: [notify("BUYER", "OFFER_MADE", `The seller offers ${money(state, command.amountMinor)} for order ${state.code}`, `You keep the item. Accept or decline by ${formatDateTime(answerBy)}; if you don't answer, the offer is declined and the seller decides on your original request.`)],
        event: { type: "OFFER_MADE", summary: `The seller offered a partial refund of ${money(state, command.amountMinor)}; the buyer has until ${formatDateTime(answerBy)} to answer.`, data: { caseId: state.returnCase!.id, amountMinor: command.amountMinor } },
      };
    },
  },

  ACCEPT_OFFER: {
    label: "Accept the offer",
    roles: ["BUYER"],
    from: CASE_STATUSES_OF_ORDER,
    to: ["COMPLETED"],
    cases: { from: ["OFFERED"], to: ["REFUNDED"] },
    guard: caseIn("OFFERED"),
    apply: (ctx) => {
      const offer = ctx.state.returnCase!.offerMinor!;
      return refundTheCase(ctx, caseBreakdown(ctx, offer), { summary: `The buyer accepted the partial refund of ${money(ctx.state, offer)} and keeps the item.` });
    },
  },

  DECLINE_OFFER: {
    label: "Decline the offer",
    roles: ["BUYER"],
    from: CASE_STATUSES_OF_ORDER,
    to: [],
    cases: { from: ["OFFERED"], to: ["RE_REVIEW"] },
    guard: caseIn("OFFERED"),
    apply: (ctx) => backToSeller(ctx, "The buyer declined the partial refund."),
  },

  OFFER_TIMEOUT: {
    label: "Decline an offer the buyer did not answer",
    roles: ["SYSTEM"],
    from: CASE_STATUSES_OF_ORDER,
    to: [],
    cases: { from: ["OFFERED"], to: ["RE_REVIEW"] },
    timer: timerDue("OFFER_ANSWER"),
    guard: caseIn("OFFERED"),
    apply: (ctx) => backToSeller(ctx, "The buyer did not answer the partial refund offer in time, so it counts as declined."),
  },

  SHIP_RETURN: {
    label: "I've shipped the return",
    roles: ["BUYER"],
    from: ["DELIVERED"],
    to: [],
    cases: { from: ["AWAITING_SHIPBACK"], to: ["RETURN_SHIPPED"] },
    guard: caseIn("AWAITING_SHIPBACK"),
    validate: ({ command }) => {
      if (!(RETURN_CARRIERS as readonly string[]).includes(command.carrier)) return { field: "carrier", reason: "Choose the carrier from the list." };
      if (!TRACKING.test(command.trackingNumber)) return { field: "trackingNumber", reason: "Enter the tracking number: 8 to 34 letters and digits." };
      return null;
    },
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const arrivesBy = addDuration(now, policy.returnTransit, policy);
      return {
        returnCase: moveCase(ctx, "RETURN_SHIPPED", { carrier: command.carrier, trackingNumber: command.trackingNumber }),
        deadlines: { open: [{ kind: "RETURN_TRANSIT", dueAt: arrivesBy }], close: caseDeadlines(ctx) },
        effects: [notify("SELLER", "RETURN_SHIPPED", `The return for order ${state.code} is on its way`, `${command.carrier} ${command.trackingNumber}, expected by ${formatDateTime(arrivesBy)}. Inspect it when it arrives.`)],
        event: { type: "RETURN_SHIPPED", summary: `The buyer shipped the return with ${command.carrier} (${command.trackingNumber}); expected by ${formatDateTime(arrivesBy)}.`, data: { caseId: state.returnCase!.id } },
      };
    },
  },

  SHIP_BACK_TIMEOUT: {
    label: "Close a return the buyer did not ship",
    roles: ["SYSTEM"],
    from: ["DELIVERED"],
    to: ["COMPLETED"],
    cases: { from: ["AWAITING_SHIPBACK"], to: ["CLOSED"] },
    timer: timerDue("SHIP_BACK"),
    guard: caseIn("AWAITING_SHIPBACK"),
    apply: (ctx) =>
      closeTheCase(ctx, "The buyer did not ship the return in time, so the request was closed.", [
        notify("BUYER", "CASE_CLOSED", `Your return for order ${ctx.state.code} was closed`, "You did not ship the item back in time, so the request was closed."),
      ]),
  },

  RETURN_PARCEL_DELIVERED: {
    label: "Return parcel arrives at the seller",
    roles: ["SYSTEM"],
    from: ["DELIVERED"],
    to: ["COMPLETED"],
    cases: { from: ["RETURN_SHIPPED"], to: ["AWAITING_INSPECTION", "REFUNDED"] },
    timer: timerDue("RETURN_TRANSIT"),
    guard: caseIn("RETURN_SHIPPED"),
    apply: (ctx) => {
      const { state, now, policy } = ctx;
      if (state.returnCase!.refundOnArrival) {
        return refundTheCase(ctx, caseBreakdown(ctx), { summary: "The return platform support required reached the seller, so the buyer is refunded.", restock: true, itemReturned: true });
      }
      const inspectBy = addDuration(now, policy.inspection, policy);
      return {
        returnCase: moveCase(ctx, "AWAITING_INSPECTION"),
        deadlines: { open: [{ kind: "INSPECTION", dueAt: inspectBy }], close: caseDeadlines(ctx) },
        effects: [notify("SELLER", "RETURN_ARRIVED", `The return for order ${state.code} has arrived`, `Inspect it by ${formatDateTime(inspectBy)}: accept it to refund the buyer, or reject it with a reason and photos. If you don't, the buyer is refunded automatically.`)],
        event: { type: "RETURN_ARRIVED", summary: `The returned parcel reached the seller; inspection due by ${formatDateTime(inspectBy)}.`, data: { caseId: state.returnCase!.id } },
      };
    },
  },

  ACCEPT_RETURNED_PARCEL: {
    label: "Accept the returned item",
    roles: ["SELLER"],
    from: ["DELIVERED"],
    to: ["COMPLETED"],
    cases: { from: ["AWAITING_INSPECTION"], to: ["REFUNDED"] },
    guard: caseIn("AWAITING_INSPECTION"),
    apply: (ctx) => refundTheCase(ctx, caseBreakdown(ctx), { summary: "The seller accepted the returned item.", restock: true, itemReturned: true }),
  },

  INSPECTION_TIMEOUT: {
    label: "Refund a return the seller did not inspect",
    roles: ["SYSTEM"],
    from: ["DELIVERED"],
    to: ["COMPLETED"],
    cases: { from: ["AWAITING_INSPECTION"], to: ["REFUNDED"] },
    timer: timerDue("INSPECTION"),
    guard: caseIn("AWAITING_INSPECTION"),
    apply: (ctx) => refundTheCase(ctx, caseBreakdown(ctx), { summary: "The seller did not inspect the return in time, so the platform refunded the buyer.", restock: true, itemReturned: true }),
  },

  REJECT_RETURNED_PARCEL: {
    label: "Reject the returned item",
    reasons: "SELLER_REJECT_RECEIPT",
    roles: ["SELLER"],
    from: ["DELIVERED"],
    to: [],
    cases: { from: ["AWAITING_INSPECTION"], to: ["RECEIPT_REJECTED"] },
    guard: caseIn("AWAITING_INSPECTION"),
    validate: ({ state, command }) => {
      const reason = reasonCheck("SELLER_REJECT_RECEIPT", state.status, command.reasonKey);
      if (reason) return reason;
      if (!Number.isInteger(command.photoCount) || command.photoCount < 1 || command.photoCount > MAX_PHOTOS) return { field: "photos", reason: `Add 1 to ${MAX_PHOTOS} photos of what you received.` };
      return null;
    },
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const reason = findReason(command.reasonKey)!;
      const escalateBy = addDuration(now, policy.disputeFiling, policy);
      return {
        returnCase: moveCase(ctx, "RECEIPT_REJECTED", { rejectReasonKey: reason.key }),
        deadlines: { open: [{ kind: "DISPUTE_FILING", dueAt: escalateBy }], close: caseDeadlines(ctx) },
        effects: [notify("BUYER", "RECEIPT_REJECTED", `The seller rejected your returned item for order ${state.code}`, `Reason: ${reason.label}. You can ask platform support to decide until ${formatDateTime(escalateBy)}.`)],
        event: { type: "RECEIPT_REJECTED", summary: `The seller rejected the returned item: ${reason.label} (photos: ${command.photoCount}). The buyer may escalate until ${formatDateTime(escalateBy)}.`, data: { caseId: state.returnCase!.id, reasonKey: reason.key } },
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

  COMPLETE_ORDER: {
    label: "Complete the order when the return window ends",
    roles: ["SYSTEM"],
    from: ["DELIVERED"],
    to: ["COMPLETED"],
    timer: timerDue("RETURN_WINDOW"),
    apply: (ctx: Context) => {
      const { state } = ctx;
      const current = openCase(ctx);
      if (current) {
        return {
          deadlines: { close: ["RETURN_WINDOW"] },
          event: { type: "RETURN_WINDOW_ENDED", summary: `The return window ended; the order completes when the open ${caseWord(current.type)} ends.` },
        };
      }
      return {
        status: "COMPLETED",
        effects: [
          ...settlement(state, state.escrowMinor),
          notify("SELLER", "ORDER_SETTLED", `Order ${state.code} is complete`, `${money(state, state.escrowMinor)} was settled to your shop.`),
        ],
        event: { type: "ORDER_COMPLETED", summary: `The return window ended; the order is complete and ${money(state, state.escrowMinor)} was settled to the seller.` },
      };
    },
  },
};
