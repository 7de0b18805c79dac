/**
 * The parcel of an approved return: the buyer ships it back with carrier and tracking (or the case
 * closes), it arrives, and the seller inspects it: accept (refund, restock), reject with photos (the
 * buyer may escalate), or stay silent (refund). docs/rules.md#returns.
 */
import { at, m } from "../../i18n/message";
import { MAX_PHOTOS, RETURN_CARRIERS, TRACKING_NUMBER, TRACKING_NUMBER_PATTERN } from "../limits";
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
    roles: ["BUYER"],
    from: ["DELIVERED", "COMPLETED"],
    to: [],
    cases: { from: ["AWAITING_SHIPBACK"], to: ["RETURN_SHIPPED"] },
    guard: caseIn("AWAITING_SHIPBACK"),
    validate: ({ command, policy }) => {
      if (!policy.returnMethods.includes(command.method)) return { field: "method", reason: m("engine.returnParcel.SHIP_RETURN.chooseMethod") };
      // A prepaid label brings its own carrier and tracking number.
      if (command.method === "PREPAID_LABEL") return null;
      if (!(RETURN_CARRIERS as readonly string[]).includes(command.carrier)) return { field: "carrier", reason: m("engine.returnParcel.SHIP_RETURN.m1") };
      if (!TRACKING_NUMBER_PATTERN.test(command.trackingNumber)) {
        return { field: "trackingNumber", reason: m("engine.returnParcel.SHIP_RETURN.m2", { min: TRACKING_NUMBER.min, max: TRACKING_NUMBER.max }) };
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
        effects: [notify("SELLER", "RETURN_SHIPPED", m("engine.returnParcel.SHIP_RETURN.m3", { code: state.code }), m("engine.returnParcel.SHIP_RETURN.m4", { carrier, trackingNumber, arrivesBy: at(arrivesBy) }))],
        event: event(
          "RETURN_SHIPPED",
          m("engine.returnParcel.SHIP_RETURN.event", { prepaid: command.method === "PREPAID_LABEL" ? "yes" : "no", carrier, trackingNumber, arrivesBy: at(arrivesBy) }),
          { caseId: state.returnCase!.id },
        ),
      };
    },
  },

  SHIP_BACK_TIMEOUT: {
    roles: ["SYSTEM"],
    from: ["DELIVERED", "COMPLETED"],
    to: ["COMPLETED"],
    cases: { from: ["AWAITING_SHIPBACK"], to: ["CLOSED"] },
    timer: timerDue("SHIP_BACK"),
    guard: caseIn("AWAITING_SHIPBACK"),
    apply: (ctx) =>
      closeTheCase(ctx, m("engine.returnParcel.SHIP_BACK_TIMEOUT.m3"), [
        notify("BUYER", "CASE_CLOSED", m("engine.returnParcel.SHIP_BACK_TIMEOUT.m1", { code: ctx.state.code }), m("engine.returnParcel.SHIP_BACK_TIMEOUT.m2")),
      ]),
  },

  RETURN_PARCEL_DELIVERED: {
    roles: ["SYSTEM"],
    from: ["DELIVERED", "COMPLETED"],
    to: ["COMPLETED"],
    cases: { from: ["RETURN_SHIPPED"], to: ["AWAITING_INSPECTION", "REFUNDED"] },
    timer: timerDue("RETURN_TRANSIT"),
    guard: caseIn("RETURN_SHIPPED"),
    apply: (ctx) => {
      const { state, now, policy } = ctx;
      if (state.returnCase!.refundOnArrival) {
        return refundTheCase(ctx, caseBreakdown(ctx), { summary: m("engine.returnParcel.RETURN_PARCEL_DELIVERED.m1"), restock: true, itemReturned: true });
      }
      const inspectBy = addDuration(now, policy.inspection, policy);
      return {
        returnCase: moveCase(ctx, "AWAITING_INSPECTION"),
        deadlines: { open: [{ kind: "INSPECTION", dueAt: inspectBy }], close: caseDeadlines(ctx) },
        effects: [notify("SELLER", "RETURN_ARRIVED", m("engine.returnParcel.RETURN_PARCEL_DELIVERED.m2", { code: state.code }), m("engine.returnParcel.RETURN_PARCEL_DELIVERED.m4", { inspectBy: at(inspectBy) }))],
        event: event("RETURN_ARRIVED", m("engine.returnParcel.RETURN_PARCEL_DELIVERED.m3", { inspectBy: at(inspectBy) }), { caseId: state.returnCase!.id }),
      };
    },
  },

  ACCEPT_RETURNED_PARCEL: {
    roles: ["SELLER"],
    from: ["DELIVERED", "COMPLETED"],
    to: ["COMPLETED"],
    cases: { from: ["AWAITING_INSPECTION"], to: ["REFUNDED"] },
    guard: caseIn("AWAITING_INSPECTION"),
    apply: (ctx) => refundTheCase(ctx, caseBreakdown(ctx), { summary: m("engine.returnParcel.ACCEPT_RETURNED_PARCEL.m1"), restock: true, itemReturned: true }),
  },

  INSPECTION_TIMEOUT: {
    roles: ["SYSTEM"],
    from: ["DELIVERED", "COMPLETED"],
    to: ["COMPLETED"],
    cases: { from: ["AWAITING_INSPECTION"], to: ["REFUNDED"] },
    timer: timerDue("INSPECTION"),
    guard: caseIn("AWAITING_INSPECTION"),
    apply: (ctx) => refundTheCase(ctx, caseBreakdown(ctx), { summary: m("engine.returnParcel.INSPECTION_TIMEOUT.m1"), restock: true, itemReturned: true }),
  },

  REJECT_RETURNED_PARCEL: {
    reasons: "SELLER_REJECT_RECEIPT",
    roles: ["SELLER"],
    from: ["DELIVERED", "COMPLETED"],
    to: [],
    cases: { from: ["AWAITING_INSPECTION"], to: ["RECEIPT_REJECTED"] },
    guard: caseIn("AWAITING_INSPECTION"),
    validate: ({ state, command }) => {
      const reason = reasonCheck("SELLER_REJECT_RECEIPT", state.status, command.reasonKey);
      if (reason) return reason;
      if (!Number.isInteger(command.photoCount) || command.photoCount < 1 || command.photoCount > MAX_PHOTOS) return { field: "photos", reason: m("engine.returnParcel.REJECT_RETURNED_PARCEL.m1", { MAX_PHOTOS }) };
      return null;
    },
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const reason = findReason(command.reasonKey)!;
      const escalateBy = addDuration(now, policy.disputeFiling, policy);
      return {
        returnCase: moveCase(ctx, "RECEIPT_REJECTED", { rejectReasonKey: reason.key }),
        deadlines: { open: [{ kind: "DISPUTE_FILING", dueAt: escalateBy }], close: caseDeadlines(ctx) },
        effects: [notify("BUYER", "RECEIPT_REJECTED", m("engine.returnParcel.REJECT_RETURNED_PARCEL.m2", { code: state.code }), m("engine.returnParcel.REJECT_RETURNED_PARCEL.m4", { reason: reason.label, escalateBy: at(escalateBy) }))],
        event: event("RECEIPT_REJECTED", m("engine.returnParcel.REJECT_RETURNED_PARCEL.m3", { reason: reason.label, photoCount: command.photoCount, escalateBy: at(escalateBy) }), { caseId: state.returnCase!.id, reasonKey: reason.key }),
      };
    },
  },
};
