/**
 * Shipping: the seller arranges shipment, the carrier picks the parcel up (late if after the
 * dispatch deadline) and delivers it; shipping rejects a pending cancel request (when depends on the
 * profile). docs/rules.md#shipping and #deadlines.
 */
import { endPreDeliveryRequest } from "./outcomes/case";
import { formatDateTime } from "../../format";
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
      notify("BUYER", "CANCEL_REQUEST_REJECTED", `Your cancel request for order ${state.code} was declined`, "The seller shipped the order before answering, so the request was rejected automatically. You can refuse the parcel, or request a return after delivery."),
    ],
  };
}

export const SHIPPING_RULES: Rules<ShippingCommand> = {
  ARRANGE_SHIPMENT: {
    label: "Arrange shipment",
    roles: ["SELLER"],
    from: ["AWAITING_SHIPMENT"],
    to: ["AWAITING_COLLECTION"],
    request: { from: ["PENDING"], to: ["AUTO_REJECTED"] },
    unavailable: {
      UNPAID: quiet("The order is not paid yet."),
      ON_HOLD: ({ state }) => ({ reason: `You can't ship yet: the buyer may cancel at once until ${formatDateTime(state.remorseEndsAt!)}.` }),
      AWAITING_COLLECTION: quiet("Shipment is arranged; the carrier will pick the parcel up."),
      IN_TRANSIT: quiet("The parcel has shipped."),
      DELIVERED: quiet("The parcel has been delivered."),
      COMPLETED: quiet("The order is complete."),
      CANCELLED: quiet("The order is cancelled."),
    },
    guard: ({ state }) => (openCancelDispute(state) ? { reason: "You can't ship while platform support is deciding the buyer's cancel request." } : null),
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
          `The seller arranged shipment; the carrier picks the parcel up by ${formatDateTime(pickupAt)}.${rejected.cancelRequest ? " The pending cancel request was rejected automatically." : ""}`,
        ),
      };
    },
  },

  CARRIER_PICKUP: {
    label: "Carrier picks up the parcel",
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
          `The carrier picked up the parcel${late ? ", after the dispatch deadline (late dispatch)" : ""}.${rejected.cancelRequest ? " The pending cancel request was rejected automatically." : ""}`,
          { lateDispatch: late },
        ),
      };
    },
  },

  DISPATCH_DEADLINE_PASSED: {
    label: "Flag late dispatch",
    roles: ["SYSTEM"],
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    timer: timerDue("DISPATCH"),
    apply: ({ state }) => ({
      patch: { lateDispatch: true },
      deadlines: { close: ["DISPATCH"] },
      effects: [notify("SELLER", "LATE_DISPATCH", `Order ${state.code} missed its dispatch deadline`, "It counts towards your late dispatch rate. Ship it now; if it is not ready to ship by the auto-cancel deadline, it is cancelled as your fault.")],
      event: event("DISPATCH_LATE", "The dispatch deadline passed before the carrier picked the parcel up: late dispatch."),
    }),
  },

  CARRIER_DELIVER: {
    label: "Carrier delivers the parcel",
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
            `Order ${state.code} was delivered`,
            `${ended.returnCase ? "Your refund request for a late parcel is closed because the parcel arrived. " : ""}Something wrong? You can ask for a refund or a return until ${formatDateTime(returnWindowEndsAt)}.`,
          ),
          ...(ended.returnCase ? [notify("SELLER", "CASE_CLOSED", `The buyer's late-parcel request for order ${state.code} is closed`, "The parcel was delivered; nothing more to do.")] : []),
        ],
        event: event(
          "DELIVERED",
          `The carrier delivered the parcel. ${ended.returnCase ? "The buyer's request for a late parcel closed (delivered). " : ""}Refunds and returns are open until ${formatDateTime(returnWindowEndsAt)}.`,
        ),
      };
    },
  },
};
