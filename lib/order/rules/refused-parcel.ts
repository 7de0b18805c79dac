/**
 * The refused parcel: the buyer refuses it in transit, the carrier brings it back, the order is
 * cancelled (not the seller's fault) and the seller confirms receipt or silence refunds the buyer,
 * less the return postage. docs/rules.md#refused-parcel.
 */
import { at, m } from "../../i18n/message";
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
    roles: ["BUYER"],
    from: ["IN_TRANSIT"],
    to: [],
    cases: { from: ["NONE"], to: ["PARCEL_RETURNING"] },
    unavailable: {
      DELIVERED: (ctx) => quiet(openCase(ctx) ? m("engine.refusedParcel.REFUSE_PARCEL.m1") : m("engine.refusedParcel.REFUSE_PARCEL.delivered")),
    },
    guard: (ctx) => {
      // A parcel the carrier lost is not coming to the door: nothing to refuse (issue 27, R6).
      const lostBy = ctx.state.deadlines.PARCEL_LOST;
      if (lostBy) return quiet(m("engine.refusedParcel.REFUSE_PARCEL.m2", { lostBy: at(lostBy) }));
      const current = openCase(ctx);
      if (current?.type === "REFUSED_PARCEL") return quiet(m("engine.refusedParcel.REFUSE_PARCEL.m3"));
      return current ? { reason: m("engine.refusedParcel.REFUSE_PARCEL.m7", { case: caseWord(current.type), caseStatus: CASE_STATUS_LABELS[current.status] }) } : null;
    },
    apply: (ctx) => {
      const { state, now, policy } = ctx;
      const arrivesBy = addDuration(now, policy.returnTransit, policy);
      const refusal = newReturnCase(state, now, { type: "REFUSED_PARCEL", status: "PARCEL_RETURNING", reasonKey: "package_rejected", description: "", photoCount: 0, preDelivery: true });
      return {
        returnCase: refusal,
        deadlines: { open: [{ kind: "REFUSED_PARCEL_TRANSIT", dueAt: arrivesBy }], close: ["DELIVERY"] },
        effects: [notify("SELLER", "PARCEL_REFUSED", m("engine.refusedParcel.REFUSE_PARCEL.m4", { code: state.code }), m("engine.refusedParcel.REFUSE_PARCEL.m6", { arrivesBy: at(arrivesBy) }))],
        event: event("PARCEL_REFUSED", m("engine.refusedParcel.REFUSE_PARCEL.m5", { arrivesBy: at(arrivesBy) }), { caseId: refusal.id }),
      };
    },
  },

  REFUSED_PARCEL_DELIVERED: {
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
          notify("SELLER", "REFUSED_PARCEL_BACK", m("engine.refusedParcel.REFUSED_PARCEL_DELIVERED.m1", { code: state.code }), m("engine.refusedParcel.REFUSED_PARCEL_DELIVERED.m4", { confirmBy: at(confirmBy) })),
          notify("BUYER", "ORDER_CANCELLED", m("engine.refusedParcel.REFUSED_PARCEL_DELIVERED.m2", { code: state.code }), m("engine.refusedParcel.REFUSED_PARCEL_DELIVERED.m5", { confirmBy: at(confirmBy) })),
        ],
        event: event("ORDER_CANCELLED", m("engine.refusedParcel.REFUSED_PARCEL_DELIVERED.m3", { reason: reason.label, confirmBy: at(confirmBy) }), { reasonKey: reason.key, fault: reason.fault }),
      };
    },
  },

  CONFIRM_REFUSED_PARCEL: {
    roles: ["SELLER"],
    from: ["CANCELLED"],
    to: [],
    cases: { from: ["AWAITING_INSPECTION"], to: ["REFUNDED"] },
    guard: caseIn("AWAITING_INSPECTION"),
    apply: (ctx) => refundTheCase(ctx, caseBreakdown(ctx), { summary: m("engine.refusedParcel.CONFIRM_REFUSED_PARCEL.m1") }),
  },

  REFUSAL_INSPECTION_TIMEOUT: {
    roles: ["SYSTEM"],
    from: ["CANCELLED"],
    to: [],
    cases: { from: ["AWAITING_INSPECTION"], to: ["REFUNDED"] },
    timer: timerDue("REFUSAL_INSPECTION"),
    guard: caseIn("AWAITING_INSPECTION"),
    apply: (ctx) => refundTheCase(ctx, caseBreakdown(ctx), { summary: m("engine.refusedParcel.REFUSAL_INSPECTION_TIMEOUT.m1") }),
  },
};
