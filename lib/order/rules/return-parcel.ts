/**
 * The parcel of an approved return: the buyer ships it back with carrier and tracking (or the case
 * closes), it arrives, and the seller inspects it: accept (refund, restock), reject with photos (the
 * buyer may escalate), or stay silent (refund). docs/rules.md#returns.
 */
import { formatDateTime } from "../../format";
import { MAX_PHOTOS, RETURN_CARRIERS, RETURN_METHOD_LABELS, TRACKING_NUMBER, TRACKING_NUMBER_PATTERN } from "../limits";
import { addDuration } from "../policy";
import { findReason } from "../reasons";
import { event } from "./events";
import { caseBreakdown, caseDeadlines, caseIn, closeTheCase, moveCase, refundTheCase } from "./outcomes/case";
import { notify, reasonCheck } from "./sentences";
import { timerDue, type Rules } from "./shape";

type ReturnParcelCommand = "SHIP_RETURN" | "SHIP_BACK_TIMEOUT" | "RETURN_PARCEL_DELIVERED" | "ACCEPT_RETURNED_PARCEL" | "INSPECTION_TIMEOUT" | "REJECT_RETURNED_PARCEL";

/** The platform's prepaid label for a case: its carrier and a tracking number derived from the case (the same every time). */
export function prepaidLabel(caseId: string): { carrier: string; trackingNumber: string } {
  let a = 2166136261;
  let b = 5381;
  for (let i = 0; i < caseId.length; i++) {
    a = Math.imul(a ^ caseId.charCodeAt(i), 16777619) >>> 0;
    b = (Math.imul(b, 33) + caseId.charCodeAt(i)) >>> 0;
  }
  return { carrier: "USPS", trackingNumber: `9400${String(a).padStart(10, "0")}${String(b).padStart(10, "0")}`.slice(0, 22) };
}

export const RETURN_PARCEL_RULES: Rules<ReturnParcelCommand> = {
  SHIP_RETURN: {
    label: "I've shipped the return",
    roles: ["BUYER"],
    from: ["DELIVERED", "COMPLETED"],
    to: [],
    cases: { from: ["AWAITING_SHIPBACK"], to: ["RETURN_SHIPPED"] },
    guard: caseIn("AWAITING_SHIPBACK"),
    validate: ({ command, policy }) => {
      if (!policy.returnMethods.includes(command.method)) return { field: "method", reason: `Choose how the return travels: ${policy.returnMethods.map((m) => RETURN_METHOD_LABELS[m].split(" (")[0]!.toLowerCase()).join(" or ")}.` };
      // A prepaid label brings its own carrier and tracking number.
      if (command.method === "PREPAID_LABEL") return null;
      if (!(RETURN_CARRIERS as readonly string[]).includes(command.carrier)) return { field: "carrier", reason: "Choose the carrier from the list." };
      if (!TRACKING_NUMBER_PATTERN.test(command.trackingNumber)) {
        return { field: "trackingNumber", reason: `Enter the tracking number: ${TRACKING_NUMBER.min} to ${TRACKING_NUMBER.max} letters and digits.` };
      }
      return null;
    },
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const arrivesBy = addDuration(now, policy.returnTransit, policy);
      const { carrier, trackingNumber } = command.method === "PREPAID_LABEL" ? prepaidLabel(state.returnCase!.id) : command;
      return {
        returnCase: moveCase(ctx, "RETURN_SHIPPED", { carrier, trackingNumber, returnMethod: command.method }),
        deadlines: { open: [{ kind: "RETURN_TRANSIT", dueAt: arrivesBy }], close: caseDeadlines(ctx) },
        effects: [notify("SELLER", "RETURN_SHIPPED", `The return for order ${state.code} is on its way`, `${carrier} ${trackingNumber}, expected by ${formatDateTime(arrivesBy)}. Inspect it when it arrives.`)],
        event: event(
          "RETURN_SHIPPED",
          `The buyer ${command.method === "PREPAID_LABEL" ? "dropped the return off with the prepaid label" : "shipped the return"}: ${carrier} (${trackingNumber}); expected by ${formatDateTime(arrivesBy)}.`,
          { caseId: state.returnCase!.id },
        ),
      };
    },
  },

  SHIP_BACK_TIMEOUT: {
    label: "Close a return the buyer did not ship",
    roles: ["SYSTEM"],
    from: ["DELIVERED", "COMPLETED"],
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
    from: ["DELIVERED", "COMPLETED"],
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
        event: event("RETURN_ARRIVED", `The returned parcel reached the seller; inspection due by ${formatDateTime(inspectBy)}.`, { caseId: state.returnCase!.id }),
      };
    },
  },

  ACCEPT_RETURNED_PARCEL: {
    label: "Accept the returned item",
    roles: ["SELLER"],
    from: ["DELIVERED", "COMPLETED"],
    to: ["COMPLETED"],
    cases: { from: ["AWAITING_INSPECTION"], to: ["REFUNDED"] },
    guard: caseIn("AWAITING_INSPECTION"),
    apply: (ctx) => refundTheCase(ctx, caseBreakdown(ctx), { summary: "The seller accepted the returned item.", restock: true, itemReturned: true }),
  },

  INSPECTION_TIMEOUT: {
    label: "Refund a return the seller did not inspect",
    roles: ["SYSTEM"],
    from: ["DELIVERED", "COMPLETED"],
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
    from: ["DELIVERED", "COMPLETED"],
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
        event: event("RECEIPT_REJECTED", `The seller rejected the returned item: ${reason.label} (photos: ${command.photoCount}). The buyer may escalate until ${formatDateTime(escalateBy)}.`, { caseId: state.returnCase!.id, reasonKey: reason.key }),
      };
    },
  },
};
