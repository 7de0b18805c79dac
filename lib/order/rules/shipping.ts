/**
 * Shipping: the seller arranges shipment, the carrier picks the parcel up (late if after the
 * dispatch deadline) and delivers it; shipping rejects a pending cancel request (when depends on the
 * profile). docs/rules.md#shipping and #deadlines.
 */
import { at, m } from "../../i18n/message";
import { endPreDeliveryRequest } from "./outcomes/case";
import { addDuration } from "../policy";
import { event } from "./events";
import { openCancelDispute, resolveRequest } from "./outcomes/cancel";
import { notify } from "./sentences";
import { quiet, timerDue, type Outcome, type Rules, type StateContext } from "./shape";

type ShippingCommand = "ARRANGE_SHIPMENT" | "CARRIER_PICKUP" | "DISPATCH_DEADLINE_PASSED" | "CARRIER_DELIVER";

/** A pending request is rejected automatically when the order ships (which event depends on the profile). */
function autoRejectOnShipping(ctx: StateContext, at: "ARRANGE_SHIPMENT" | "CARRIER_PICKUP"): Pick<Outcome, "cancelRequest" | "effects"> {
  const { state, policy } = ctx;
  if (state.cancelRequest?.status !== "PENDING" || policy.cancelRequestAutoRejectedAt !== at) return {};
  return {
    cancelRequest: resolveRequest(ctx, "AUTO_REJECTED"),
    effects: [
      notify("BUYER", "CANCEL_REQUEST_REJECTED", m("engine.shipping.autoRejectOnShipping.m1", { code: state.code }), m("engine.shipping.autoRejectOnShipping.m2")),
    ],
  };
}

export const SHIPPING_RULES: Rules<ShippingCommand> = {
  ARRANGE_SHIPMENT: {
    roles: ["SELLER"],
    from: ["AWAITING_SHIPMENT"],
    to: ["AWAITING_COLLECTION"],
    request: { from: ["PENDING"], to: ["AUTO_REJECTED"] },
    unavailable: {
      UNPAID: quiet(m("engine.shipping.ARRANGE_SHIPMENT.m1")),
      ON_HOLD: ({ state }) => ({ reason: m("engine.shipping.ARRANGE_SHIPMENT.m2", { remorseEndsAt: at(state.remorseEndsAt!) }) }),
      AWAITING_COLLECTION: quiet(m("engine.shipping.ARRANGE_SHIPMENT.m3")),
      IN_TRANSIT: quiet(m("engine.shipping.ARRANGE_SHIPMENT.m4")),
      DELIVERED: quiet(m("engine.shipping.ARRANGE_SHIPMENT.m5")),
      COMPLETED: quiet(m("engine.shipping.ARRANGE_SHIPMENT.m6")),
      CANCELLED: quiet(m("engine.shipping.ARRANGE_SHIPMENT.m7")),
    },
    guard: ({ state }) => (openCancelDispute(state) ? { reason: m("engine.shipping.ARRANGE_SHIPMENT.m8") } : null),
    apply: (ctx) => {
      const { now, policy } = ctx;
      const pickupAt = addDuration(now, policy.carrierPickup, policy);
      const rejected = autoRejectOnShipping(ctx, "ARRANGE_SHIPMENT");
      return {
        status: "AWAITING_COLLECTION",
        patch: { arrangedAt: now },
        ...rejected,
        deadlines: {
          open: [{ kind: "CARRIER_PICKUP", dueAt: pickupAt }],
          // The buyer's window to escalate a rejected cancel stays open until the pickup (issue 27, R2).
          close: ["AUTO_APPROVE_WINDOW", "DISPATCH_AUTO_CANCEL", "DISPATCH_AUTO_CANCEL_REMINDER", "DISPATCH_REMINDER", ...(rejected.cancelRequest ? (["CANCEL_REQUEST_ANSWER"] as const) : [])],
        },
        event: event(
          "SHIPMENT_ARRANGED",
          m("engine.shipping.ARRANGE_SHIPMENT.m9", { pickupAt: at(pickupAt), cancelRequest: rejected.cancelRequest ? "yes" : "no" }),
        ),
      };
    },
  },

  CARRIER_PICKUP: {
    roles: ["SYSTEM"],
    from: ["AWAITING_COLLECTION"],
    to: ["IN_TRANSIT"],
    request: { from: ["PENDING"], to: ["AUTO_REJECTED"] },
    timer: timerDue("CARRIER_PICKUP"),
    apply: (ctx) => {
      const { state, now, policy } = ctx;
      const late = state.lateDispatch || (!!state.dispatchDueAt && now.getTime() > state.dispatchDueAt.getTime());
      const rejected = autoRejectOnShipping(ctx, "CARRIER_PICKUP");
      return {
        status: "IN_TRANSIT",
        patch: { pickedUpAt: now, lateDispatch: late },
        ...rejected,
        deadlines: {
          open: [{ kind: "DELIVERY", dueAt: addDuration(now, policy.delivery, policy) }],
          close: ["CARRIER_PICKUP", "DISPATCH", "CANCEL_DISPUTE_FILING", ...(rejected.cancelRequest ? (["CANCEL_REQUEST_ANSWER"] as const) : [])],
        },
        event: event(
          "PICKED_UP",
          m("engine.shipping.CARRIER_PICKUP.m1", { late: late ? "yes" : "no", cancelRequest: rejected.cancelRequest ? "yes" : "no" }),
          { lateDispatch: late },
        ),
      };
    },
  },

  DISPATCH_DEADLINE_PASSED: {
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    timer: timerDue("DISPATCH"),
    apply: ({ state }) => ({
      patch: { lateDispatch: true },
      deadlines: { close: ["DISPATCH"] },
      effects: [notify("SELLER", "LATE_DISPATCH", m("engine.shipping.DISPATCH_DEADLINE_PASSED.m1", { code: state.code }), m("engine.shipping.DISPATCH_DEADLINE_PASSED.m3"))],
      event: event("DISPATCH_LATE", m("engine.shipping.DISPATCH_DEADLINE_PASSED.m2")),
    }),
  },

  CARRIER_DELIVER: {
    roles: ["SYSTEM"],
    from: ["IN_TRANSIT"],
    to: ["DELIVERED"],
    // A "won't arrive on time" request still open when the parcel arrives closes: the normal requests apply.
    cases: { from: ["REQUESTED", "OFFERED", "RE_REVIEW", "REJECTED", "ESCALATED"], to: ["CLOSED"] },
    disputes: { from: ["OPEN"], to: ["CLOSED"] },
    timer: timerDue("DELIVERY"),
    apply: (ctx) => {
      const { state, now, policy } = ctx;
      const returnWindowEndsAt = addDuration(now, policy.returnWindow, policy);
      const ended = endPreDeliveryRequest(ctx);
      return {
        status: "DELIVERED",
        patch: { deliveredAt: now, returnWindowEndsAt },
        ...(ended.returnCase ? { returnCase: ended.returnCase } : {}),
        ...(ended.dispute ? { dispute: ended.dispute } : {}),
        deadlines: { open: [{ kind: "RETURN_WINDOW", dueAt: returnWindowEndsAt }], close: ["DELIVERY", ...ended.close] },
        effects: [
          notify(
            "BUYER",
            "DELIVERED",
            m("engine.shipping.CARRIER_DELIVER.m1", { code: state.code }),
            m("engine.shipping.CARRIER_DELIVER.m4", { returnCase: ended.returnCase ? "yes" : "no", returnWindowEndsAt: at(returnWindowEndsAt) }),
          ),
          ...(ended.returnCase ? [notify("SELLER", "CASE_CLOSED", m("engine.shipping.CARRIER_DELIVER.m2", { code: state.code }), m("engine.shipping.CARRIER_DELIVER.m5"))] : []),
        ],
        event: event(
          "DELIVERED",
          m("engine.shipping.CARRIER_DELIVER.m3", { returnCase: ended.returnCase ? "yes" : "no", returnWindowEndsAt: at(returnWindowEndsAt) }),
        ),
      };
    },
  },
};
