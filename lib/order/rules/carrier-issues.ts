/**
 * The simulated carrier loses or delays a parcel (docs/rules.md#shipping): developer controls that
 * let a trainee reach the rules that depend on them. A lost parcel has no scan after pickup; the
 * policy's time after the last scan, the platform cancels the order "lost in transit" and refunds it
 * in full, not the seller's fault. A delayed parcel arrives after its estimated delivery date, so
 * "won't arrive on time" can be tried.
 */
import { at, m } from "../../i18n/message";
import { addDuration, estimatedDeliveryAt, formatCutoff } from "../policy";
import { findReason } from "../reasons";
import { event } from "./events";
import { cancelTheOrder } from "./outcomes/cancel";
import { endPreDeliveryRequest } from "./outcomes/case";
import { notify } from "./sentences";
import { quiet, timerDue, type Rules, type StateContext } from "./shape";

type CarrierIssueCommand = "LOSE_PARCEL" | "DELAY_PARCEL" | "LOST_PARCEL_TIMEOUT";

const PRE_DELIVERY_CASES = ["REQUESTED", "OFFERED", "RE_REVIEW", "REJECTED", "ESCALATED"] as const;

/** The carrier still owes a delivery scan (not lost, not refused). */
const onItsWay = ({ state }: StateContext) => (state.deadlines.DELIVERY ? null : quiet(m("engine.carrierIssues.onItsWay.m1")));

export const CARRIER_ISSUE_RULES: Rules<CarrierIssueCommand> = {
  LOSE_PARCEL: {
    roles: ["SYSTEM"],
    from: ["IN_TRANSIT"],
    to: [],
    guard: onItsWay,
    apply: ({ state, now, policy }) => {
      // The last scan was the pickup; a lost parcel gets no other.
      const lostAfter = addDuration(state.pickedUpAt ?? now, policy.lostParcelAfter, policy);
      const dueAt = lostAfter.getTime() > now.getTime() ? lostAfter : now;
      return {
        deadlines: { open: [{ kind: "PARCEL_LOST", dueAt }], close: ["DELIVERY"] },
        effects: [
          notify("BUYER", "PARCEL_LOST", m("engine.carrierIssues.LOSE_PARCEL.m1", { code: state.code }), m("engine.carrierIssues.LOSE_PARCEL.m4", { dueAt: at(dueAt) })),
          notify("SELLER", "PARCEL_LOST", m("engine.carrierIssues.LOSE_PARCEL.m2", { code: state.code }), m("engine.carrierIssues.LOSE_PARCEL.m5", { dueAt: at(dueAt) })),
        ],
        event: event("PARCEL_LOST", m("engine.carrierIssues.LOSE_PARCEL.m3", { dueAt: at(dueAt) })),
      };
    },
  },

  DELAY_PARCEL: {
    roles: ["SYSTEM"],
    from: ["IN_TRANSIT"],
    to: [],
    guard: (ctx) => {
      const blocked = onItsWay(ctx);
      if (blocked) return blocked;
      const estimate = estimatedDeliveryAt(ctx.state, ctx.policy);
      return estimate && ctx.state.deadlines.DELIVERY!.getTime() > estimate.getTime() ? quiet(m("engine.carrierIssues.DELAY_PARCEL.m1")) : null;
    },
    apply: ({ state, now, policy }) => {
      const estimate = estimatedDeliveryAt(state, policy) ?? now;
      const dueAt = addDuration(estimate.getTime() > now.getTime() ? estimate : now, policy.parcelDelay, policy);
      return {
        deadlines: { open: [{ kind: "DELIVERY", dueAt }] },
        event: event("PARCEL_DELAYED", m("engine.carrierIssues.DELAY_PARCEL.m2", { estimate: formatCutoff(estimate, policy), dueAt: at(dueAt) })),
      };
    },
  },

  LOST_PARCEL_TIMEOUT: {
    roles: ["SYSTEM"],
    from: ["IN_TRANSIT"],
    to: ["CANCELLED"],
    cases: { from: PRE_DELIVERY_CASES, to: ["CLOSED"] },
    disputes: { from: ["OPEN"], to: ["CLOSED"] },
    timer: timerDue("PARCEL_LOST"),
    apply: (ctx) => {
      const ended = endPreDeliveryRequest(ctx);
      const cancelled = cancelTheOrder(ctx, findReason("lost_in_transit")!, { summary: m("engine.carrierIssues.LOST_PARCEL_TIMEOUT.m1") });
      return {
        ...cancelled,
        ...(ended.returnCase ? { returnCase: ended.returnCase } : {}),
        ...(ended.dispute ? { dispute: ended.dispute } : {}),
        deadlines: { open: cancelled.deadlines?.open ?? [], close: ["PARCEL_LOST", ...ended.close] },
      };
    },
  },
};
