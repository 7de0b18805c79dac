/**
 * One named test per pre-shipment rule: the rows of docs/rules.md#deadlines and of the
 * "Recommended simulator parameters" table in platform-rules.md, for both profiles where they differ.
 */
import { describe, expect, it } from "vitest";
import { POLICIES, actionViews, availableActions, decide, evolve, placementDeadlines, type Decision, type OrderState } from "@/lib/order";
import { DAY, HOUR, PAID_AT, at, buyer, must, order, play, refusal, say, seller, support, system, inEnglish } from "../support/order-state";

const US = POLICIES.US;
const GLOBAL = POLICIES.GLOBAL;
const iso = (d: Date | undefined | null) => d?.toISOString();
const notes = (decision: Decision) => decision.effects.flatMap((e) => (e.type === "NOTIFY" ? [`${e.audience}: ${say(e.title)}`] : []));
const refundOf = (decision: Decision) => decision.effects.find((e) => e.type === "REFUND");

function requested(policy = US, overrides: Partial<OrderState> = {}, now = at(DAY)) {
  const state = order("AWAITING_SHIPMENT", overrides, policy);
  const decision = must(decide(state, { type: "REQUEST_CANCEL", reasonKey: "better_price" }, buyer, now, policy));
  return { state: evolve(state, decision), decision };
}

describe("payment window (UNPAID)", () => {
  it.each([
    ["US", US, 48],
    ["global", GLOBAL, 24],
  ] as const)("%s: an unpaid order is cancelled for payment timeout %i h after it was placed, not a minute earlier", (_, policy, hours) => {
    const placedAt = at(-2);
    const [payment] = placementDeadlines(placedAt, policy);
    expect(payment).toEqual({ kind: "PAYMENT", dueAt: new Date(placedAt.getTime() + hours * 3_600_000) });
    const state = { ...order("UNPAID", {}, policy), deadlines: { PAYMENT: payment!.dueAt } };
    expect(refusal(decide(state, { type: "PAYMENT_TIMEOUT" }, system, new Date(payment!.dueAt.getTime() - 60_000), policy))?.code).toBe("INVALID_TRANSITION");
    const decision = must(decide(state, { type: "PAYMENT_TIMEOUT" }, system, payment!.dueAt, policy));
    expect(decision.patch.cancellation).toMatchObject({ reasonKey: "payment_timeout", byRole: "SYSTEM", fault: "BUYER" });
    expect(refundOf(decision)).toBeUndefined();
    expect(decision.effects).toContainEqual({ type: "RESTOCK" });
  });

  it("the buyer is reminded 2 hours before the payment window ends", () => {
    const deadlines = placementDeadlines(at(0), US);
    expect(deadlines).toContainEqual({ kind: "PAYMENT_REMINDER", dueAt: at(46 * HOUR) });
    const state = { ...order("UNPAID"), deadlines: Object.fromEntries(deadlines.map((d) => [d.kind, d.dueAt])) };
    const decision = must(decide(state, { type: "SEND_REMINDER", deadline: "PAYMENT_REMINDER" }, system, at(46 * HOUR), US));
    expect(notes(decision)).toEqual(["BUYER: Order 1001 is waiting for your payment"]);
    expect(decision.to).toBe("UNPAID");
  });

  it("a payment after the window has ended is refused", () => {
    const state = order("UNPAID");
    expect(refusal(decide(state, { type: "PAY" }, buyer, at(3 * DAY), US))?.reason).toMatch(/payment window has ended/);
  });
});

describe("remorse window (ON_HOLD): 1 h after payment, buyer cancel approved by the platform", () => {
  it("the buyer's cancel in the hour is instant, refunds in full, and is not the seller's fault", () => {
    const decision = must(decide(order("ON_HOLD"), { type: "BUYER_CANCEL", reasonKey: "bought_by_mistake" }, buyer, at(59), US));
    expect(decision.to).toBe("CANCELLED");
    expect(decision.patch.cancellation).toMatchObject({ byRole: "BUYER", fault: "BUYER" });
    expect(refundOf(decision)).toMatchObject({ totalMinor: 5499, itemsMinor: 5000, shippingMinor: 499 });
  });

  it("the seller cannot ship during the hour and is told until when", () => {
    const arrange = availableActions(order("ON_HOLD"), seller, at(30), US).find((a) => a.command === "ARRANGE_SHIPMENT");
    expect(arrange).toMatchObject({ enabled: false, relevant: true });
    expect(say(arrange?.reason)).toMatch(/can't ship yet/);
  });

  it.each([
    // Paid Monday 2 March 2026, 09:00 in Los Angeles (17:00 UTC).
    ["US", US, "2026-03-05T07:59:00.000Z", "2026-03-12T06:59:00.000Z"], // Wed 4 Mar 23:59 PST; Wed 11 Mar 23:59 PDT
    ["global", GLOBAL, "2026-03-04T23:59:00.000Z", "2026-03-09T23:59:00.000Z"],
  ] as const)("rule: %s: at the end of the hour the order awaits shipment; dispatch due at the cut-off (23:59) on the 2nd (business) day after the order date, auto-cancel on the 7th", (_, policy, dispatch, autoCancel) => {
    const decision = must(decide(order("ON_HOLD", {}, policy), { type: "END_REMORSE_WINDOW" }, system, at(60), policy));
    expect(decision.to).toBe("AWAITING_SHIPMENT");
    expect(iso(decision.patch.dispatchDueAt)).toBe(dispatch);
    expect(decision.deadlines.open).toContainEqual({ kind: "DISPATCH_AUTO_CANCEL", dueAt: new Date(autoCancel) });
    expect(decision.deadlines.open).toContainEqual({ kind: "DISPATCH_REMINDER", dueAt: new Date(new Date(dispatch).getTime() - 2 * 3_600_000) });
  });

  it("the end of the hour is not a minute early", () => {
    expect(refusal(decide(order("ON_HOLD"), { type: "END_REMORSE_WINDOW" }, system, at(59), US))?.code).toBe("INVALID_TRANSITION");
  });
});

describe("the shop's auto-approve window (off / 1 / 3 / 5 h / until arranged)", () => {
  it.each([
    ["H1", 1],
    ["H3", 3],
    ["H5", 5],
  ] as const)("%s: a cancel %i h minus a minute after the order awaits shipment is instant; a minute after, it is a request", (window, hours) => {
    const state = order("AWAITING_SHIPMENT", { autoApproveWindow: window });
    const inside = at(60 + hours * HOUR - 1);
    const outside = at(60 + hours * HOUR + 1);
    expect(must(decide(state, { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" }, buyer, inside, US)).to).toBe("CANCELLED");
    expect(refusal(decide(state, { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, inside, US))?.code).toBe("INVALID_TRANSITION");
    expect(refusal(decide(state, { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" }, buyer, outside, US))?.reason).toMatch(/needs the seller's approval/);
    expect(must(decide(state, { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, outside, US)).cancelRequest?.status).toBe("PENDING");
  });

  it.each([
    ["OFF", undefined],
    ["H1", "2026-03-02T19:00:00.000Z"],
    ["H3", "2026-03-02T21:00:00.000Z"],
    ["H5", "2026-03-02T23:00:00.000Z"],
    ["UNTIL_ARRANGED", undefined],
  ] as const)("%s: the window's end is a deadline with its own timer (shown as a countdown)", (window, dueAt) => {
    const decision = must(decide(order("ON_HOLD", { autoApproveWindow: window }), { type: "END_REMORSE_WINDOW" }, system, at(60), US));
    expect(iso(decision.deadlines.open.find((d) => d.kind === "AUTO_APPROVE_WINDOW")?.dueAt)).toBe(dueAt);
    if (!dueAt) return;
    const state = evolve(order("ON_HOLD", { autoApproveWindow: window }), decision);
    const ended = must(decide(state, { type: "END_AUTO_APPROVE_WINDOW" }, system, new Date(dueAt), US));
    expect(ended.to).toBe("AWAITING_SHIPMENT");
    expect(ended.deadlines.close).toEqual(["AUTO_APPROVE_WINDOW"]);
    expect(refusal(decide(state, { type: "END_AUTO_APPROVE_WINDOW" }, system, new Date(new Date(dueAt).getTime() - 60_000), US))?.code).toBe("INVALID_TRANSITION");
  });

  it("OFF: after the first hour every cancel is a request", () => {
    const state = order("AWAITING_SHIPMENT");
    expect(refusal(decide(state, { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(61), US))?.code).toBe("INVALID_TRANSITION");
    const actions = availableActions(state, buyer, at(61), US);
    expect(actions.find((a) => a.command === "REQUEST_CANCEL")).toMatchObject({ enabled: true });
    // The instant cancel is closed but says nothing: the request is what to do.
    expect(actions.find((a) => a.command === "BUYER_CANCEL")).toMatchObject({ enabled: false, relevant: false });
  });

  it("until arranged: instant throughout AWAITING_SHIPMENT, then (global) a request once arranged", () => {
    const state = order("AWAITING_SHIPMENT", { autoApproveWindow: "UNTIL_ARRANGED" }, GLOBAL);
    expect(must(decide(state, { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(DAY - 1), GLOBAL)).to).toBe("CANCELLED");
    const arranged = order("AWAITING_COLLECTION", { autoApproveWindow: "UNTIL_ARRANGED" }, GLOBAL);
    expect(refusal(decide(arranged, { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(DAY + 1), GLOBAL))?.code).toBe("INVALID_TRANSITION");
    expect(must(decide(arranged, { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(DAY + 1), GLOBAL)).cancelRequest?.status).toBe("PENDING");
  });
});

describe("seller answer to a cancel request", () => {
  it("US: request before the dispatch deadline, seller silent 24 h → auto-approved and refunded", () => {
    const { state, decision } = requested(US);
    expect(decision.deadlines.open).toContainEqual({ kind: "CANCEL_REQUEST_ANSWER", dueAt: at(2 * DAY) });
    expect(refusal(decide(state, { type: "CANCEL_REQUEST_TIMEOUT" }, system, at(2 * DAY - 1), US))?.code).toBe("INVALID_TRANSITION");
    const timeout = must(decide(state, { type: "CANCEL_REQUEST_TIMEOUT" }, system, at(2 * DAY), US));
    expect(timeout.to).toBe("CANCELLED");
    expect(timeout.cancelRequest).toMatchObject({ status: "AUTO_APPROVED", resolvedAt: at(2 * DAY) });
    expect(timeout.patch.cancellation).toMatchObject({ byRole: "SYSTEM", reasonKey: "better_price", fault: "BUYER" });
    expect(refundOf(timeout)).toMatchObject({ totalMinor: 5499 });
    expect(notes(timeout)).toEqual(["BUYER: Order 1001 was cancelled automatically by the platform", "SELLER: Order 1001 was cancelled automatically by the platform"]);
  });

  it("global: the seller has 48 h", () => {
    const { state, decision } = requested(GLOBAL);
    expect(decision.deadlines.open).toContainEqual({ kind: "CANCEL_REQUEST_ANSWER", dueAt: at(3 * DAY) });
    expect(refusal(decide(state, { type: "CANCEL_REQUEST_TIMEOUT" }, system, at(3 * DAY - 1), GLOBAL))?.code).toBe("INVALID_TRANSITION");
    expect(must(decide(state, { type: "CANCEL_REQUEST_TIMEOUT" }, system, at(3 * DAY), GLOBAL)).cancelRequest?.status).toBe("AUTO_APPROVED");
  });

  it("the seller is reminded 2 h before the answer deadline; answering closes the reminder", () => {
    const { state, decision } = requested(US);
    expect(decision.deadlines.open).toContainEqual({ kind: "CANCEL_REQUEST_ANSWER_REMINDER", dueAt: at(2 * DAY - 2 * HOUR) });
    const reminder = must(decide(state, { type: "SEND_REMINDER", deadline: "CANCEL_REQUEST_ANSWER_REMINDER" }, system, at(2 * DAY - 2 * HOUR), US));
    expect(notes(reminder)).toEqual(["SELLER: The buyer's cancel request for order 1001 needs your answer"]);
    const rejected = must(decide(state, { type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, at(DAY + 1), US));
    expect(rejected.deadlines.close).toEqual(expect.arrayContaining(["CANCEL_REQUEST_ANSWER", "CANCEL_REQUEST_ANSWER_REMINDER"]));
  });

  it.each([
    ["US", US],
    ["global", GLOBAL],
  ] as const)("%s: a request after the dispatch deadline has passed is approved at once", (_, policy) => {
    const state = order("AWAITING_SHIPMENT", {}, policy);
    const late = new Date(state.dispatchDueAt!.getTime() + 60_000);
    const decision = must(decide(state, { type: "REQUEST_CANCEL", reasonKey: "not_shipped_on_time" }, buyer, late, policy));
    expect(decision.to).toBe("CANCELLED");
    expect(decision.cancelRequest).toMatchObject({ status: "AUTO_APPROVED", reasonKey: "not_shipped_on_time" });
    // "Not shipped on time" is the seller's fault.
    expect(decision.patch.cancellation).toMatchObject({ fault: "SELLER", reasonKey: "not_shipped_on_time" });
    expect(refundOf(decision)).toBeDefined();
  });

  it("the seller approves: cancelled, refunded, not the seller's fault for a change of mind", () => {
    const { state } = requested(US);
    const decision = must(decide(state, { type: "APPROVE_CANCEL_REQUEST" }, seller, at(DAY + 30), US));
    expect(decision.cancelRequest?.status).toBe("APPROVED");
    expect(decision.patch.cancellation).toMatchObject({ byRole: "SELLER", reasonKey: "better_price", fault: "BUYER" });
    expect(notes(decision)).toEqual(["BUYER: Order 1001 was cancelled by the seller"]);
  });

  it("the seller rejects with a reason from the seller list only", () => {
    const { state } = requested(US);
    expect(refusal(decide(state, { type: "REJECT_CANCEL_REQUEST", reasonKey: "no_longer_needed" }, seller, at(DAY + 1), US))).toMatchObject({ code: "VALIDATION", field: "reasonKey" });
    const decision = must(decide(state, { type: "REJECT_CANCEL_REQUEST", reasonKey: "cannot_change_address" }, seller, at(DAY + 1), US));
    expect(decision.to).toBe("AWAITING_SHIPMENT");
    expect(decision.cancelRequest).toMatchObject({ status: "REJECTED", rejectReasonKey: "cannot_change_address" });
  });

  it("one request per order: after a withdrawal or a rejection it cannot be raised again, and the page says so", () => {
    const { state } = requested(US);
    for (const [command, actor] of [
      [{ type: "WITHDRAW_CANCEL_REQUEST" }, buyer],
      [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller],
    ] as const) {
      const after = evolve(state, must(decide(state, command, actor, at(DAY + 5), US)));
      expect(refusal(decide(after, { type: "REQUEST_CANCEL", reasonKey: "other" }, buyer, at(DAY + 10), US))?.reason).toMatch(/only once per order/);
      expect(availableActions(after, buyer, at(DAY + 10), US).find((a) => a.command === "REQUEST_CANCEL")).toMatchObject({ enabled: false, relevant: true });
    }
    expect(refusal(decide(state, { type: "REQUEST_CANCEL", reasonKey: "other" }, buyer, at(DAY + 10), US))?.reason).toMatch(/You asked the seller to cancel/);
  });

  it("withdrawing closes the answer deadline and tells the seller", () => {
    const { state } = requested(US);
    const decision = must(decide(state, { type: "WITHDRAW_CANCEL_REQUEST" }, buyer, at(DAY + 5), US));
    expect(decision.cancelRequest?.status).toBe("WITHDRAWN");
    expect(decision.deadlines.close).toContain("CANCEL_REQUEST_ANSWER");
    expect(notes(decision)).toEqual(["SELLER: The buyer withdrew the cancel request for order 1001"]);
  });
});

describe("shipping while a cancel request is pending", () => {
  it("US: the seller arranging shipment rejects the pending request automatically", () => {
    const { state } = requested(US);
    const decision = must(decide(state, { type: "ARRANGE_SHIPMENT" }, seller, at(DAY + 60), US));
    expect(decision.to).toBe("AWAITING_COLLECTION");
    expect(decision.cancelRequest).toMatchObject({ status: "AUTO_REJECTED" });
    expect(notes(decision)).toEqual(["BUYER: Your cancel request for order 1001 was declined"]);
  });

  it("global: arranging keeps the request pending; the carrier's pickup rejects it", () => {
    const { state } = requested(GLOBAL);
    const arranged = must(decide(state, { type: "ARRANGE_SHIPMENT" }, seller, at(DAY + 60), GLOBAL));
    expect(arranged.cancelRequest).toBeUndefined();
    const after = evolve(state, arranged);
    expect(after.cancelRequest?.status).toBe("PENDING");
    const pickup = must(decide(after, { type: "CARRIER_PICKUP" }, system, at(DAY + 60 + 4 * HOUR), GLOBAL));
    expect(pickup.to).toBe("IN_TRANSIT");
    expect(pickup.cancelRequest?.status).toBe("AUTO_REJECTED");
  });
});

describe("cancel requests once shipment is arranged (AWAITING_COLLECTION)", () => {
  it("US: not allowed; the buyer is pointed to a refund request", () => {
    const action = availableActions(order("AWAITING_COLLECTION"), buyer, at(DAY + 60), US).find((a) => a.command === "REQUEST_CANCEL");
    expect(action).toMatchObject({ enabled: false, relevant: true });
    expect(say(action?.reason)).toMatch(/request a refund instead/);
  });

  it("global: allowed, answered by the seller", () => {
    const decision = must(decide(order("AWAITING_COLLECTION", {}, GLOBAL), { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(DAY + 60), GLOBAL));
    expect(decision.cancelRequest?.status).toBe("PENDING");
  });
});

describe("dispatch: 2 (business) days to ship, auto-cancel after 7, carrier pickup 4 h after arranging", () => {
  it("arranging opens the carrier pickup 4 h later and closes the auto-cancel", () => {
    const decision = must(decide(order("AWAITING_SHIPMENT"), { type: "ARRANGE_SHIPMENT" }, seller, at(DAY), US));
    expect(decision.deadlines.open).toEqual([{ kind: "CARRIER_PICKUP", dueAt: at(DAY + 4 * HOUR) }]);
    expect(decision.deadlines.close).toEqual(expect.arrayContaining(["DISPATCH_AUTO_CANCEL", "DISPATCH_REMINDER"]));
    expect(decision.patch.arrangedAt).toEqual(at(DAY));
  });

  it("the dispatch deadline passing flags the order late and tells the seller; the status stays", () => {
    const state = order("AWAITING_SHIPMENT");
    const decision = must(decide(state, { type: "DISPATCH_DEADLINE_PASSED" }, system, state.dispatchDueAt!, US));
    expect(decision.to).toBe("AWAITING_SHIPMENT");
    expect(decision.patch.lateDispatch).toBe(true);
    expect(notes(decision)).toEqual(["SELLER: Order 1001 missed its dispatch deadline"]);
  });

  it("a pickup after the dispatch deadline is a late dispatch; in time it is not", () => {
    const onTime = must(decide(order("AWAITING_COLLECTION"), { type: "CARRIER_PICKUP" }, system, at(DAY + 4 * HOUR), US));
    expect(onTime.patch.lateDispatch).toBe(false);
    const state = order("AWAITING_COLLECTION");
    const late = must(decide(state, { type: "CARRIER_PICKUP" }, system, new Date(state.dispatchDueAt!.getTime() + 1), US));
    expect(late.patch.lateDispatch).toBe(true);
    expect(late.patch.pickedUpAt).toEqual(new Date(state.dispatchDueAt!.getTime() + 1));
  });

  it.each([
    ["US", US],
    ["global", GLOBAL],
  ] as const)("%s: not arranged by the auto-cancel deadline → cancelled as the seller's fault, refunded", (_, policy) => {
    const state = order("AWAITING_SHIPMENT", {}, policy);
    const dueAt = state.deadlines.DISPATCH_AUTO_CANCEL!;
    expect(refusal(decide(state, { type: "DISPATCH_AUTO_CANCEL" }, system, new Date(dueAt.getTime() - 60_000), policy))?.code).toBe("INVALID_TRANSITION");
    const decision = must(decide(state, { type: "DISPATCH_AUTO_CANCEL" }, system, dueAt, policy));
    expect(decision.patch.cancellation).toMatchObject({ reasonKey: "not_shipped_in_time", byRole: "SYSTEM", fault: "SELLER" });
    expect(refundOf(decision)).toMatchObject({ totalMinor: 5499 });
    expect(notes(decision)).toContain("SELLER: Order 1001 was cancelled automatically by the platform");
  });

  it("an arranged order is never auto-cancelled", () => {
    const state = order("AWAITING_COLLECTION");
    expect(state.deadlines.DISPATCH_AUTO_CANCEL).toBeUndefined();
    expect(refusal(decide(state, { type: "DISPATCH_AUTO_CANCEL" }, system, at(30 * DAY), US))?.code).toBe("INVALID_TRANSITION");
  });
});

describe("seller and operator cancellations", () => {
  it("the seller cannot cancel an unpaid order", () => {
    expect(refusal(decide(order("UNPAID"), { type: "SELLER_CANCEL", reasonKey: "out_of_stock" }, seller, at(0), US))?.reason).toMatch(/has not paid yet/);
  });

  it.each([
    ["out_of_stock", "SELLER"],
    ["pricing_error", "SELLER"],
    ["cannot_deliver", "SELLER"],
    ["buyer_asked", "BUYER"],
  ] as const)("the seller cancels for %s: fault %s, refund, buyer told", (reasonKey, fault) => {
    const decision = must(decide(order("AWAITING_SHIPMENT"), { type: "SELLER_CANCEL", reasonKey }, seller, at(DAY), US));
    expect(decision.patch.cancellation).toMatchObject({ byRole: "SELLER", fault });
    expect(refundOf(decision)).toBeDefined();
    expect(notes(decision)).toEqual(["BUYER: Order 1001 was cancelled by the seller"]);
  });

  it("rule: the seller may cancel once shipment is arranged in the US profile only", () => {
    const arranged = (policy: typeof US) => order("AWAITING_COLLECTION", {}, policy);
    expect(must(decide(arranged(US), { type: "SELLER_CANCEL", reasonKey: "out_of_stock" }, seller, at(DAY), US)).to).toBe("CANCELLED");
    expect(refusal(decide(arranged(GLOBAL), { type: "SELLER_CANCEL", reasonKey: "out_of_stock" }, seller, at(DAY), GLOBAL))?.reason).toMatch(/can no longer cancel/);
    expect(must(decide(order("AWAITING_SHIPMENT", {}, GLOBAL), { type: "SELLER_CANCEL", reasonKey: "out_of_stock" }, seller, at(DAY), GLOBAL)).to).toBe("CANCELLED");
  });

  describe("rule: \"item wasn't shipped on time\" is the seller's fault only once the dispatch deadline has passed", () => {
    const reasonKey = "not_shipped_on_time";
    it("an instant cancel before the deadline is the buyer's own; after it, the seller's", () => {
      const state = order("AWAITING_SHIPMENT", { autoApproveWindow: "UNTIL_ARRANGED" });
      const due = state.dispatchDueAt!;
      const early = must(decide(state, { type: "BUYER_CANCEL", reasonKey }, buyer, new Date(due.getTime() - 60_000), US));
      expect(early.patch.cancellation?.fault).toBe("BUYER");
      expect(notes(early)).toContain("SELLER: Order 1001 was cancelled by the buyer");
      expect(inEnglish(early.effects.find((e) => e.type === "NOTIFY" && e.audience === "SELLER"))).toMatchObject({ body: expect.stringMatching(/Not counted against your shop/) });
      const late = must(decide(state, { type: "BUYER_CANCEL", reasonKey }, buyer, due, US));
      expect(late.patch.cancellation?.fault).toBe("SELLER");
    });

    it("a request counts as of when it was made, even if the seller approves it after the deadline", () => {
      const state = order("AWAITING_SHIPMENT");
      const due = state.dispatchDueAt!;
      const { state: asked } = play(state, [[{ type: "REQUEST_CANCEL", reasonKey }, buyer, new Date(due.getTime() - 3_600_000)]]);
      expect(must(decide(asked, { type: "APPROVE_CANCEL_REQUEST" }, seller, new Date(due.getTime() + 60_000), US)).patch.cancellation?.fault).toBe("BUYER");
      // Asked after the deadline: approved at once, and the seller's fault.
      expect(must(decide(state, { type: "REQUEST_CANCEL", reasonKey }, buyer, new Date(due.getTime() + 60_000), US)).patch.cancellation?.fault).toBe("SELLER");
    });

    it("the form says which it would be now", () => {
      const state = order("AWAITING_SHIPMENT");
      const view = (now: Date) => actionViews(state, buyer, now, US).find((a) => a.command === "REQUEST_CANCEL")!.reasons.find((r) => r.key === reasonKey)!;
      expect(inEnglish(view(at(2 * HOUR)))).toMatchObject({ fault: "BUYER", note: expect.stringMatching(/won't count against the shop/) });
      expect(inEnglish(view(state.dispatchDueAt!))).toMatchObject({ fault: "SELLER", note: expect.stringMatching(/missed its dispatch deadline/) });
    });
  });

  it("a seller cancel while a request is pending approves the request", () => {
    const { state } = requested(US);
    const decision = must(decide(state, { type: "SELLER_CANCEL", reasonKey: "buyer_asked" }, seller, at(DAY + 1), US));
    expect(decision.cancelRequest?.status).toBe("APPROVED");
  });

  it("support cancels for potential fraud or risk only: not the seller's fault", () => {
    expect(refusal(decide(order("AWAITING_SHIPMENT"), { type: "OPERATOR_CANCEL", reasonKey: "out_of_stock" }, support, at(DAY), US))?.code).toBe("VALIDATION");
    const decision = must(decide(order("AWAITING_SHIPMENT"), { type: "OPERATOR_CANCEL", reasonKey: "risk_control" }, support, at(DAY), US));
    expect(decision.patch.cancellation).toMatchObject({ byRole: "SUPPORT", fault: "NONE" });
  });

  it("nobody cancels once the carrier has the parcel", () => {
    const state = order("IN_TRANSIT");
    expect(refusal(decide(state, { type: "SELLER_CANCEL", reasonKey: "out_of_stock" }, seller, at(3 * DAY), US))?.code).toBe("INVALID_TRANSITION");
    expect(refusal(decide(state, { type: "OPERATOR_CANCEL", reasonKey: "potential_fraud" }, support, at(3 * DAY), US))?.code).toBe("INVALID_TRANSITION");
  });
});

describe("refund arrival by payment method", () => {
  it.each([
    ["WALLET", US, "2026-03-02T17:30:00.000Z", true],
    ["PAYPAL", US, "2026-03-05T17:30:00.000Z", false],
    // Five Los Angeles business days, at the same Los Angeles time (09:30 PST → 09:30 PDT after the change).
    ["CARD", US, "2026-03-09T16:30:00.000Z", false],
    ["CARD", GLOBAL, "2026-03-07T17:30:00.000Z", false],
  ] as const)("%s (%s profile) arrives by %s", (paymentMethod, policy, arrival, arrived) => {
    const decision = must(decide(order("ON_HOLD", { paymentMethod }, policy), { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(30), policy));
    expect(refundOf(decision)).toMatchObject({ expectedArrivalAt: new Date(arrival), arrived });
  });
});

it("PAID_AT is a Monday morning in Los Angeles (the fixtures depend on it)", () => {
  expect(PAID_AT.toISOString()).toBe("2026-03-02T17:00:00.000Z");
});

describe("the shop's auto-approve rule for refund-only requests (a US seller setting, kept on the order)", () => {
  const ask = (state: OrderState, caseType: "REFUND_ONLY" | "RETURN_AND_REFUND", reasonKey: string) =>
    decide(state, { type: "REQUEST_RETURN", caseType, reasonKey, description: "It never came.", photoCount: 0 }, buyer, new Date(state.deliveredAt!.getTime() + HOUR), US);

  it("refunds a request at or under the amount at once: the case is refunded, the order completes, nobody reviews it", () => {
    // The order is $50.00 + $4.99 shipping; "not received" refunds both.
    const decision = must(ask(order("DELIVERED", { autoRefundUpToMinor: 5499 }), "REFUND_ONLY", "not_received"));
    expect(decision.to).toBe("COMPLETED");
    expect(decision.event.type).toBe("CASE_REFUNDED");
    expect(decision.returnCase).toMatchObject({ status: "REFUNDED", refundMinor: 5499 });
    expect(decision.deadlines.open.some((deadline) => deadline.kind === "SELLER_REVIEW")).toBe(false);
  });

  it("a request over the amount, a return, or an order placed without the rule waits for the seller's review", () => {
    for (const [state, caseType, reason] of [
      [order("DELIVERED", { autoRefundUpToMinor: 5498 }), "REFUND_ONLY", "not_received"],
      [order("DELIVERED", { autoRefundUpToMinor: 5499 }), "RETURN_AND_REFUND", "changed_mind"],
      [order("DELIVERED"), "REFUND_ONLY", "not_received"],
    ] as const) {
      const decision = must(ask(state, caseType, reason));
      expect(decision.event.type).toBe("CASE_REQUESTED");
      expect(evolve(state, decision).returnCase?.status).toBe("REQUESTED");
    }
  });
});
