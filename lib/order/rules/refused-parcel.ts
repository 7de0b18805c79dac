/**
 * The refused parcel: the buyer refuses it in transit, the carrier brings it back, the order is
 * cancelled (not the seller's fault) and the seller confirms receipt or silence refunds the buyer,
 * less the return postage. docs/rules.md#refused-parcel.
 */
import { formatDateTime } from "../../format";
import { addDuration } from "../policy";
import { findReason } from "../reasons";
import { CASE_STATUS_LABELS, newReturnCase } from "../return-case";
import { event } from "./events";
import { caseBreakdown, caseDeadlines, caseIn, moveCase, openCase, refundTheCase } from "./outcomes/case";
import { caseWord, notify } from "./sentences";
import { quiet, timerDue, type Rules } from "./shape";

type RefusedParcelCommand = "REFUSE_PARCEL" | "REFUSED_PARCEL_DELIVERED" | "CONFIRM_REFUSED_PARCEL" | "REFUSAL_INSPECTION_TIMEOUT";

export const REFUSED_PARCEL_RULES: Rules<RefusedParcelCommand> = {
  REFUSE_PARCEL: {
    label: "Refuse the parcel",
    roles: ["BUYER"],
    from: ["IN_TRANSIT"],
    to: [],
    cases: { from: ["NONE"], to: ["PARCEL_RETURNING"] },
    unavailable: {
      DELIVERED: (ctx) => quiet(openCase(ctx) ? "The parcel has been delivered, and your refund or return request is open." : "The parcel has been delivered: ask for a refund or a return instead."),
    },
    guard: (ctx) => {
      // A parcel the carrier lost is not coming to the door: nothing to refuse (issue 27, R6).
      const lostBy = ctx.state.deadlines.PARCEL_LOST;
      if (lostBy) return quiet(`The carrier has lost this parcel, so there is nothing to refuse. If there is still no scan by ${formatDateTime(lostBy)}, the order is cancelled and you are refunded in full.`);
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
        event: event("PARCEL_REFUSED", `The buyer refused the parcel; the carrier is returning it to the seller, expected by ${formatDateTime(arrivesBy)}.`, { caseId: refusal.id }),
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
        event: event("ORDER_CANCELLED", `The refused parcel reached the seller; the order is cancelled (${reason.label}). The seller must confirm receipt by ${formatDateTime(confirmBy)}.`, { reasonKey: reason.key, fault: reason.fault }),
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
};
