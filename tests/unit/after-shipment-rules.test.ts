/**
 * After shipment: one named test per row of docs/rules.md#deadlines from delivery on, and of the
 * platform's parameter table, for both profiles where they differ; the refund arithmetic. The seed's
 * case 3 sequences are in seed-article.test.ts.
 */
import { describe, expect, it } from "vitest";
import { POLICIES, availableActions, decide, estimatedDeliveryAt, evolve, previewRefund, type Command, type Decision, type OrderState, type Policy } from "@/lib/order";
import { DAY, HOUR, at, buyer, must, order, play, refusal, say, seller, system, inEnglish } from "../support/order-state";

const US = POLICIES.US;
const GLOBAL = POLICIES.GLOBAL;
const notes = (decision: Decision) => decision.effects.flatMap((e) => (e.type === "NOTIFY" ? [`${e.audience}: ${say(e.title)}`] : []));
const ledger = (decision: Decision) => decision.effects.flatMap((e) => (e.type === "LEDGER" ? e.postings.map((p) => `${e.kind} ${p.account} ${p.amountMinor}`) : []));
const refundOf = (decision: Decision) => decision.effects.find((e) => e.type === "REFUND");
const deliveredAt = (state: OrderState) => state.deliveredAt!;
const after = (state: OrderState, hours: number) => new Date(deliveredAt(state).getTime() + hours * 3_600_000);

/** Runs commands on a delivered order (items $50.00 + shipping $4.99, paid by card). */
function delivered(policy: Policy = US, steps: [Command, "buyer" | "seller" | "system", number][] = []) {
  const start = order("DELIVERED", {}, policy);
  const actors = { buyer, seller, system };
  return play(
    start,
    steps.map(([command, who, hours]) => [command, actors[who], after(start, hours)]),
    policy,
  );
}

const REQUEST_REFUND: Command = { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "The mug arrived cracked.", photoCount: 2 };
const RETURN_CHANGE_OF_MIND: Command = { type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind", description: "", photoCount: 0 };
const RETURN_DEFECTIVE: Command = { type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "defective", description: "Won't turn on", photoCount: 1 };
const SHIP: Command = { type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "UPS", trackingNumber: "1Z999AA10123456784" };

describe("carrier: delivery 3 days after pickup (simulated)", () => {
  it.each([
    ["US", US, 30],
    ["global", GLOBAL, 7],
  ] as const)("%s: delivered 3 days after pickup; the return window is %i days", (_, policy, days) => {
    const state = order("IN_TRANSIT", {}, policy);
    const pickedUp = state.pickedUpAt!;
    expect(state.deadlines.DELIVERY).toEqual(new Date(pickedUp.getTime() + 3 * 24 * 3_600_000));
    expect(refusal(decide(state, { type: "CARRIER_DELIVER" }, system, new Date(state.deadlines.DELIVERY!.getTime() - 60_000), policy))?.code).toBe("INVALID_TRANSITION");
    const decision = must(decide(state, { type: "CARRIER_DELIVER" }, system, state.deadlines.DELIVERY!, policy));
    expect(decision.to).toBe("DELIVERED");
    expect(decision.patch.returnWindowEndsAt).toEqual(new Date(state.deadlines.DELIVERY!.getTime() + days * 24 * 3_600_000));
    expect(notes(decision)).toEqual(["BUYER: Order 1001 was delivered"]);
  });
});

describe("return window: after it no more requests; the order completes and settles", () => {
  it.each([
    ["US", US, 30],
    ["global", GLOBAL, 7],
  ] as const)("%s: %i days after delivery the order completes and escrow settles to the seller, not a minute earlier", (_, policy, days) => {
    const state = order("DELIVERED", {}, policy);
    const ends = state.returnWindowEndsAt!;
    expect(ends).toEqual(after(state, days * 24));
    expect(refusal(decide(state, { type: "COMPLETE_ORDER" }, system, new Date(ends.getTime() - 60_000), policy))?.code).toBe("INVALID_TRANSITION");
    const decision = must(decide(state, { type: "COMPLETE_ORDER" }, system, ends, policy));
    expect(decision.to).toBe("COMPLETED");
    expect(ledger(decision)).toEqual(["SETTLEMENT escrow -5499", "SETTLEMENT seller:s1 5499"]);
    expect(refusal(decide(state, REQUEST_REFUND, buyer, ends, policy))?.reason).toMatch(/return window ended/);
  });

  it("an open case holds the order open past the window; its end completes the order", () => {
    const { state } = delivered(US, [[REQUEST_REFUND, "buyer", 29 * 24]]);
    const windowEnd = must(decide(state, { type: "COMPLETE_ORDER" }, system, state.returnWindowEndsAt!, US));
    expect(windowEnd.to).toBe("DELIVERED");
    const afterWindow = evolve(state, windowEnd);
    const rejected = evolve(afterWindow, must(decide(afterWindow, { type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, after(state, 30 * 24 + 1), US)));
    const closed = must(decide(rejected, { type: "DISPUTE_FILING_TIMEOUT" }, system, rejected.deadlines.DISPUTE_FILING!, US));
    expect(closed.to).toBe("COMPLETED");
    expect(ledger(closed)).toEqual(["SETTLEMENT escrow -5499", "SETTLEMENT seller:s1 5499"]);
  });
});

describe("seller review of a refund or return request: 48 h, silence approves", () => {
  it("refund only, seller silent 48 h → approved and refunded at once (items + shipping for a damaged item)", () => {
    const { state } = delivered(US, [[REQUEST_REFUND, "buyer", 1]]);
    expect(state.deadlines.SELLER_REVIEW).toEqual(after(state, 49));
    expect(state.deadlines.SELLER_REVIEW_REMINDER).toEqual(after(state, 47));
    expect(refusal(decide(state, { type: "SELLER_REVIEW_TIMEOUT" }, system, after(state, 49 - 1 / 60), US))?.code).toBe("INVALID_TRANSITION");
    const decision = must(decide(state, { type: "SELLER_REVIEW_TIMEOUT" }, system, after(state, 49), US));
    expect(decision.returnCase?.status).toBe("REFUNDED");
    expect(refundOf(decision)).toMatchObject({ itemsMinor: 5000, shippingMinor: 499, totalMinor: 5499 });
    // Everything is refunded after shipment, so the order completes at once.
    expect(decision.to).toBe("COMPLETED");
  });

  it("return and refund, seller silent → approved; the buyer must ship back (US 14 days, global 7)", () => {
    for (const [policy, days] of [
      [US, 14],
      [GLOBAL, 7],
    ] as const) {
      const { state } = delivered(policy, [[RETURN_DEFECTIVE, "buyer", 1]]);
      const decision = must(decide(state, { type: "SELLER_REVIEW_TIMEOUT" }, system, after(state, 49), policy));
      expect(decision.returnCase?.status).toBe("AWAITING_SHIPBACK");
      expect(decision.deadlines.open).toContainEqual({ kind: "SHIP_BACK", dueAt: after(state, 49 + days * 24) });
    }
  });

  it("at most 6 photos, and a reason that belongs to the stage", () => {
    const state = order("DELIVERED");
    expect(refusal(decide(state, { ...REQUEST_REFUND, photoCount: 7 } as Command, buyer, after(state, 1), US))).toMatchObject({ code: "VALIDATION", field: "photos" });
    expect(refusal(decide(state, { ...REQUEST_REFUND, reasonKey: "wont_arrive_on_time" } as Command, buyer, after(state, 1), US))).toMatchObject({ code: "VALIDATION", field: "reasonKey" });
  });

  describe.each([
    ["US", US],
    ["global", GLOBAL],
  ] as const)("rule: %s: which reason allows which request (DOMAIN: Returns and refunds)", (_, policy) => {
    const state = order("DELIVERED", {}, policy);
    const ask = (fields: Partial<Extract<Command, { type: "REQUEST_RETURN" }>>) =>
      decide(state, { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "", photoCount: 1, ...fields } as Command, buyer, after(state, 1), policy);

    it("change of mind: a return and refund only, no photo needed", () => {
      expect(refusal(ask({ reasonKey: "changed_mind", caseType: "REFUND_ONLY", photoCount: 0 }))).toMatchObject({ code: "VALIDATION", field: "caseType", reason: expect.stringMatching(/allows a return and refund only.*Choose “Return and refund”/) });
      expect(must(ask({ reasonKey: "changed_mind", caseType: "RETURN_AND_REFUND", photoCount: 0 })).returnCase?.type).toBe("RETURN_AND_REFUND");
    });

    it("not received: a refund only, with a written description and no photo", () => {
      expect(refusal(ask({ reasonKey: "not_received", caseType: "RETURN_AND_REFUND", description: "Never came." }))).toMatchObject({ field: "caseType", reason: expect.stringMatching(/allows a refund only \(there is nothing to send back\)/) });
      expect(refusal(ask({ reasonKey: "not_received", photoCount: 0, description: "  " }))).toMatchObject({ field: "description", reason: expect.stringMatching(/needs a written description/) });
      expect(must(ask({ reasonKey: "not_received", photoCount: 0, description: "The tracking says delivered; nothing at my door." })).returnCase?.type).toBe("REFUND_ONLY");
    });

    it.each(["damaged", "defective", "missing_item", "wrong_item", "not_as_described"])("%s: either request, with at least one photo", (reasonKey) => {
      for (const caseType of ["REFUND_ONLY", "RETURN_AND_REFUND"] as const) {
        expect(refusal(ask({ reasonKey, caseType, photoCount: 0 }))).toMatchObject({ field: "photos", reason: expect.stringMatching(/at least 1 photo/) });
        expect(must(ask({ reasonKey, caseType, photoCount: 1 })).returnCase?.type).toBe(caseType);
      }
    });
  });

  it("one open case at a time", () => {
    const { state } = delivered(US, [[REQUEST_REFUND, "buyer", 1]]);
    expect(refusal(decide(state, RETURN_DEFECTIVE, buyer, after(state, 2), US))?.reason).toMatch(/already have an open refund request/);
  });
});

describe("partial offers: the buyer answers within 24 h; decline or silence sends it back to the seller", () => {
  it("accepted: the partial amount is refunded, the buyer keeps the item, the order waits for its window", () => {
    const { state, decisions } = delivered(US, [
      [REQUEST_REFUND, "buyer", 1],
      [{ type: "OFFER_PARTIAL_REFUND", amountMinor: 1500 }, "seller", 5],
      [{ type: "ACCEPT_OFFER" }, "buyer", 6],
    ]);
    expect(decisions[1]!.deadlines.open).toContainEqual({ kind: "OFFER_ANSWER", dueAt: after(state, 29) });
    expect(refundOf(decisions[2]!)).toMatchObject({ totalMinor: 1500, shippingMinor: 0 });
    expect(state).toMatchObject({ status: "DELIVERED", escrowMinor: 5499 - 1500, returnCase: { status: "REFUNDED", refundMinor: 1500 } });
    const completed = must(decide(state, { type: "COMPLETE_ORDER" }, system, state.returnWindowEndsAt!, US));
    expect(ledger(completed)).toEqual(["SETTLEMENT escrow -3999", "SETTLEMENT seller:s1 3999"]);
  });

  it("buyer silent 24 h → declined; the seller must approve or reject the original request within a new 48 h, without a second offer", () => {
    const { state } = delivered(US, [
      [REQUEST_REFUND, "buyer", 1],
      [{ type: "OFFER_PARTIAL_REFUND", amountMinor: 1500 }, "seller", 5],
    ]);
    expect(refusal(decide(state, { type: "OFFER_TIMEOUT" }, system, after(state, 29 - 1 / 60), US))?.code).toBe("INVALID_TRANSITION");
    const timeout = must(decide(state, { type: "OFFER_TIMEOUT" }, system, after(state, 29), US));
    expect(timeout.returnCase?.status).toBe("RE_REVIEW");
    expect(timeout.deadlines.open).toContainEqual({ kind: "SELLER_REVIEW", dueAt: after(state, 29 + 48) });
    const reReview = evolve(state, timeout);
    expect(refusal(decide(reReview, { type: "OFFER_PARTIAL_REFUND", amountMinor: 1000 }, seller, after(state, 30), US))?.reason).toMatch(/approve or reject the original request/);
    expect(must(decide(reReview, { type: "APPROVE_RETURN" }, seller, after(state, 30), US)).returnCase?.status).toBe("REFUNDED");
  });

  it("the buyer is reminded 2 h before the offer expires", () => {
    const { state } = delivered(US, [
      [REQUEST_REFUND, "buyer", 1],
      [{ type: "OFFER_PARTIAL_REFUND", amountMinor: 1500 }, "seller", 5],
    ]);
    const reminder = must(decide(state, { type: "SEND_REMINDER", deadline: "OFFER_ANSWER_REMINDER" }, system, after(state, 27), US));
    expect(notes(reminder)).toEqual(["BUYER: The seller's offer for order 1001 is waiting for you"]);
  });

  it("an offer must be less than the full refund and no more than is left", () => {
    const { state } = delivered(US, [[REQUEST_REFUND, "buyer", 1]]);
    expect(refusal(decide(state, { type: "OFFER_PARTIAL_REFUND", amountMinor: 5499 }, seller, after(state, 2), US))).toMatchObject({ code: "VALIDATION", field: "amount" });
    expect(refusal(decide(state, { type: "OFFER_PARTIAL_REFUND", amountMinor: 0 }, seller, after(state, 2), US))).toMatchObject({ code: "VALIDATION", field: "amount" });
    expect(must(decide(state, { type: "OFFER_PARTIAL_REFUND", amountMinor: 5498 }, seller, after(state, 2), US)).returnCase?.offerMinor).toBe(5498);
  });
});

describe("ship-back, the return in transit, inspection", () => {
  it.each([
    ["US", US, 14],
    ["global", GLOBAL, 7],
  ] as const)("%s: not shipped back within %i days → the case closes", (_, policy, days) => {
    const { state } = delivered(policy, [
      [RETURN_DEFECTIVE, "buyer", 1],
      [{ type: "APPROVE_RETURN" }, "seller", 2],
    ]);
    const dueAt = state.deadlines.SHIP_BACK!;
    expect(dueAt).toEqual(after(state, 2 + days * 24));
    expect(refusal(decide(state, { type: "SHIP_BACK_TIMEOUT" }, system, new Date(dueAt.getTime() - 60_000), policy))?.code).toBe("INVALID_TRANSITION");
    const closed = must(decide(state, { type: "SHIP_BACK_TIMEOUT" }, system, dueAt, policy));
    expect(closed.returnCase?.status).toBe("CLOSED");
    expect(refundOf(closed)).toBeUndefined();
  });

  it("the ship-back needs a carrier from the list and a plausible tracking number", () => {
    const { state } = delivered(US, [
      [RETURN_DEFECTIVE, "buyer", 1],
      [{ type: "APPROVE_RETURN" }, "seller", 2],
    ]);
    expect(refusal(decide(state, { ...SHIP, carrier: "Pigeon" } as Command, buyer, after(state, 3), US))).toMatchObject({ code: "VALIDATION", field: "carrier" });
    expect(refusal(decide(state, { ...SHIP, trackingNumber: "123" } as Command, buyer, after(state, 3), US))).toMatchObject({ code: "VALIDATION", field: "trackingNumber" });
  });

  it("the returned parcel reaches the seller 3 days after shipping; silence for 48 h refunds the buyer automatically", () => {
    const { state } = delivered(US, [
      [RETURN_DEFECTIVE, "buyer", 1],
      [{ type: "APPROVE_RETURN" }, "seller", 2],
      [SHIP, "buyer", 3],
    ]);
    expect(state.deadlines.RETURN_TRANSIT).toEqual(after(state, 3 + 72));
    const arrived = evolve(state, must(decide(state, { type: "RETURN_PARCEL_DELIVERED" }, system, after(state, 75), US)));
    expect(arrived.returnCase?.status).toBe("AWAITING_INSPECTION");
    expect(arrived.deadlines.INSPECTION).toEqual(after(state, 75 + 48));
    expect(refusal(decide(arrived, { type: "INSPECTION_TIMEOUT" }, system, after(state, 75 + 48 - 1 / 60), US))?.code).toBe("INVALID_TRANSITION");
    const refunded = must(decide(arrived, { type: "INSPECTION_TIMEOUT" }, system, after(state, 75 + 48), US));
    expect(refunded.returnCase?.status).toBe("REFUNDED");
    expect(refunded.to).toBe("COMPLETED");
    expect(refunded.effects).toContainEqual({ type: "RESTOCK" });
  });

  it("the seller rejects the returned item with a reason and photos; no escalation within 48 h closes the case", () => {
    const { state } = delivered(US, [
      [RETURN_DEFECTIVE, "buyer", 1],
      [{ type: "APPROVE_RETURN" }, "seller", 2],
      [SHIP, "buyer", 3],
      [{ type: "RETURN_PARCEL_DELIVERED" }, "system", 75],
    ]);
    expect(refusal(decide(state, { type: "REJECT_RETURNED_PARCEL", reasonKey: "empty_parcel", photoCount: 0 }, seller, after(state, 76), US))).toMatchObject({ field: "photos" });
    const rejected = evolve(state, must(decide(state, { type: "REJECT_RETURNED_PARCEL", reasonKey: "empty_parcel", photoCount: 2 }, seller, after(state, 76), US)));
    expect(rejected.returnCase).toMatchObject({ status: "RECEIPT_REJECTED", rejectReasonKey: "empty_parcel" });
    expect(rejected.deadlines.DISPUTE_FILING).toEqual(after(state, 76 + 48));
    expect(must(decide(rejected, { type: "DISPUTE_FILING_TIMEOUT" }, system, after(state, 76 + 48), US)).returnCase?.status).toBe("CLOSED");
  });
});

describe("refund arithmetic", () => {
  const delivery = () => order("DELIVERED");

  it("seller fault, return and refund: items and shipping back; the seller pays the return postage", () => {
    const breakdown = previewRefund(delivery(), { caseType: "RETURN_AND_REFUND", reasonKey: "wrong_item" }, US);
    expect(breakdown).toMatchObject({ itemsMinor: 5000, shippingMinor: 499, postageMinor: 799, postagePaidBy: "SELLER", postageDeductedMinor: 0, totalMinor: 5499 });
  });

  it("rule: US: a change of mind returns the item price; no postage is kept (the prepaid label is the platform's); a shop's disclosed fee is", () => {
    expect(previewRefund(delivery(), { caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind" }, US)).toMatchObject({
      shippingMinor: 0,
      postagePaidBy: "PLATFORM",
      postageDeductedMinor: 0,
      feeMinor: 0,
      totalMinor: 5000,
    });
    const withFee = order("DELIVERED", { changeOfMindFeeMinor: 499 });
    expect(previewRefund(withFee, { caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind" }, US)).toMatchObject({ feeMinor: 499, totalMinor: 5000 - 499 });
    // Not for a seller-fault return.
    expect(previewRefund(withFee, { caseType: "RETURN_AND_REFUND", reasonKey: "defective" }, US)).toMatchObject({ feeMinor: 0, totalMinor: 5499 });
  });

  it("change of mind, return and refund, global: the item price; the platform pays the postage", () => {
    expect(previewRefund(order("DELIVERED", {}, GLOBAL), { caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind" }, GLOBAL)).toMatchObject({
      shippingMinor: 0,
      postagePaidBy: "PLATFORM",
      postageDeductedMinor: 0,
      totalMinor: 5000,
    });
  });

  it("rule: US return methods: a prepaid label has its own tracking and charges the seller for a seller-fault return; a self-arranged return costs the books nothing", () => {
    const LABEL: Command = { type: "SHIP_RETURN", method: "PREPAID_LABEL", carrier: "", trackingNumber: "" };
    const run = (request: Command, ship: Command, state = order("DELIVERED")) =>
      play(
        state,
        [
          [request, buyer, after(state, 1)],
          [{ type: "APPROVE_RETURN" }, seller, after(state, 2)],
          [ship, buyer, after(state, 3)],
          [{ type: "RETURN_PARCEL_DELIVERED" }, system, after(state, 75)],
          [{ type: "ACCEPT_RETURNED_PARCEL" }, seller, after(state, 76)],
        ],
        US,
      );
    const wrongItem: Command = { type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "wrong_item", description: "", photoCount: 1 };
    const labelled = run(wrongItem, LABEL);
    expect(labelled.decisions[2]!.returnCase).toMatchObject({ returnMethod: "PREPAID_LABEL", carrier: "USPS", trackingNumber: expect.stringMatching(/^9400\d{18}$/) });
    expect(ledger(labelled.decisions[4]!)).toEqual(["REFUND escrow -5499", "REFUND buyer:b1 5499", "POSTAGE seller:s1 -799", "POSTAGE platform 799"]);
    // Self-arranged: the buyer paid the carrier; the refund is the same and no postage moves.
    const selfArranged = run(wrongItem, SHIP);
    expect(selfArranged.decisions[2]!.returnCase).toMatchObject({ returnMethod: "SELF_ARRANGED", carrier: "UPS" });
    expect(ledger(selfArranged.decisions[4]!)).toEqual(["REFUND escrow -5499", "REFUND buyer:b1 5499"]);
    // A change of mind with the shop's $4.99 fee: 45.01 back, the fee and the shipping fee to the seller.
    const changeOfMind = run(RETURN_CHANGE_OF_MIND, LABEL, order("DELIVERED", { changeOfMindFeeMinor: 499 }));
    expect(ledger(changeOfMind.decisions[4]!)).toEqual(["REFUND escrow -4501", "REFUND buyer:b1 4501", "RETURN_FEE escrow -499", "RETURN_FEE seller:s1 499", "SETTLEMENT escrow -499", "SETTLEMENT seller:s1 499"]);
    expect(changeOfMind.state).toMatchObject({ status: "COMPLETED", escrowMinor: 0 });
  });

  it("rule: global: one method, self-arranged with tracking", () => {
    const start = order("DELIVERED", {}, GLOBAL);
    const { state } = play(start, [[RETURN_DEFECTIVE, buyer, after(start, 1)], [{ type: "APPROVE_RETURN" }, seller, after(start, 2)]], GLOBAL);
    expect(refusal(decide(state, { type: "SHIP_RETURN", method: "PREPAID_LABEL", carrier: "", trackingNumber: "" }, buyer, after(start, 3), GLOBAL))).toMatchObject({ field: "method" });
    expect(refusal(decide(state, { type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "", trackingNumber: "" }, buyer, after(start, 3), GLOBAL))).toMatchObject({ field: "carrier" });
  });

  it("partial then full: a later refund is cut to what is left in escrow, never more", () => {
    const { state, decisions } = delivered(US, [
      [REQUEST_REFUND, "buyer", 1],
      [{ type: "OFFER_PARTIAL_REFUND", amountMinor: 1000 }, "seller", 2],
      [{ type: "ACCEPT_OFFER" }, "buyer", 3],
      [{ ...REQUEST_REFUND, reasonKey: "not_as_described" } as Command, "buyer", 4],
      [{ type: "APPROVE_RETURN" }, "seller", 5],
    ]);
    expect(refundOf(decisions[4]!)).toMatchObject({ totalMinor: 4499 });
    expect(state).toMatchObject({ status: "COMPLETED", escrowMinor: 0 });
    expect(state.refunds.reduce((sum, r) => sum + r.totalMinor, 0)).toBe(5499);
    expect(refusal(decide(state, REQUEST_REFUND, buyer, after(state, 6), US))?.code).toBe("INVALID_TRANSITION");
  });

  it("nothing left to refund: a new request is refused", () => {
    const { state } = delivered(US, [
      [REQUEST_REFUND, "buyer", 1],
      [{ type: "APPROVE_RETURN" }, "seller", 2],
    ]);
    expect(state.status).toBe("COMPLETED");
    expect(availableActions(state, buyer, after(state, 3), US).find((a) => a.command === "REQUEST_RETURN")?.enabled).toBe(false);
  });
});

describe("before delivery (US): a refund when it won't arrive on time", () => {
  const LATE: Command = { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "wont_arrive_on_time", description: "", photoCount: 0 };
  // Paid Monday 2 March 2026 in Los Angeles: the 6th business day after is Tuesday 10 March, expected by 23:59 there.
  const ESTIMATE = new Date("2026-03-11T06:59:00.000Z");

  it("rule: the estimated delivery date is 23:59 on the 6th (business) day after the order date", () => {
    expect(estimatedDeliveryAt(order("IN_TRANSIT"), US)).toEqual(ESTIMATE);
    expect(estimatedDeliveryAt(order("IN_TRANSIT", {}, GLOBAL), GLOBAL)).toEqual(new Date("2026-03-08T23:59:00.000Z"));
  });

  it("rule: US: \"won't arrive on time\" opens only once the estimated delivery date has passed", () => {
    const state = order("IN_TRANSIT");
    expect(refusal(decide(state, LATE, buyer, ESTIMATE, US))).toMatchObject({ code: "INVALID_TRANSITION", reason: expect.stringMatching(/expected by Tue, Mar 10, 11:59 PM in Los Angeles = Wed, Mar 11, 6:59 AM UTC\. If it hasn't arrived by then/) });
    expect(inEnglish(availableActions(state, buyer, at(2 * DAY), US).find((a) => a.command === "REQUEST_RETURN"))).toMatchObject({ enabled: false, reason: expect.stringMatching(/expected by/) });
    expect(must(decide(state, LATE, buyer, new Date(ESTIMATE.getTime() + 60_000), US)).returnCase).toMatchObject({ type: "REFUND_ONLY", preDelivery: true });
  });

  it("US: approved → full refund and the order completes at once", () => {
    const { state, decisions } = play(order("AWAITING_COLLECTION"), [
      [LATE, buyer, at(9 * DAY)],
      [{ type: "APPROVE_RETURN" }, seller, at(9 * DAY + HOUR)],
    ]);
    expect(refundOf(decisions[1]!)).toMatchObject({ totalMinor: 5499, shippingMinor: 499 });
    expect(state.status).toBe("COMPLETED");
    // The carrier's pending pickup is an ORDER deadline and ends with the order.
    expect(state.deadlines.CARRIER_PICKUP).toBeUndefined();
  });

  it("rule: delivered while the request is open: it closes (\"delivered\") and the normal requests apply", () => {
    const start = order("IN_TRANSIT");
    const { state: delayed } = play(start, [[{ type: "DELAY_PARCEL" }, system, at(2 * DAY)]]);
    expect(delayed.deadlines.DELIVERY!.getTime()).toBeGreaterThan(ESTIMATE.getTime());
    const { state: asked } = play(delayed, [[LATE, buyer, new Date(ESTIMATE.getTime() + HOUR * 60_000)]]);
    const delivery = must(decide(asked, { type: "CARRIER_DELIVER" }, system, asked.deadlines.DELIVERY!, US));
    expect(delivery.to).toBe("DELIVERED");
    expect(delivery.returnCase).toMatchObject({ status: "CLOSED", preDelivery: true });
    expect(delivery.deadlines.close).toEqual(expect.arrayContaining(["SELLER_REVIEW", "SELLER_REVIEW_REMINDER"]));
    expect(notes(delivery)).toEqual(["BUYER: Order 1001 was delivered", "SELLER: The buyer's late-parcel request for order 1001 is closed"]);
    // Silence is no longer approval: the review timer is gone; a damaged item can be reported.
    const delivered = evolve(asked, delivery);
    expect(refusal(decide(delivered, { type: "SELLER_REVIEW_TIMEOUT" }, system, new Date(asked.deadlines.SELLER_REVIEW!.getTime() + 60_000), US))).not.toBeNull();
    expect(must(decide(delivered, REQUEST_REFUND, buyer, new Date(delivered.deliveredAt!.getTime() + HOUR * 60_000), US)).returnCase).toMatchObject({ status: "REQUESTED", reasonKey: "damaged" });
  });

  it("global: no refund before delivery", () => {
    expect(refusal(decide(order("IN_TRANSIT", {}, GLOBAL), LATE, buyer, at(9 * DAY), GLOBAL))?.code).toBe("INVALID_TRANSITION");
  });

  it("returns (not refunds) wait for delivery", () => {
    expect(refusal(decide(order("IN_TRANSIT"), { ...LATE, caseType: "RETURN_AND_REFUND" } as Command, buyer, at(9 * DAY), US))).toMatchObject({ code: "VALIDATION", field: "caseType" });
  });
});

describe.each([
  ["US", US],
  ["global", GLOBAL],
] as const)("rule: %s: the simulated carrier loses or delays a parcel", (_, policy) => {
  it("lost: no scan for 7 days after pickup → cancelled \"lost in transit\", refunded in full, not the seller's fault", () => {
    const start = order("IN_TRANSIT", {}, policy);
    const pickedUp = start.pickedUpAt!;
    const lost = must(decide(start, { type: "LOSE_PARCEL" }, system, at(2 * DAY), policy));
    const lostAt = new Date(pickedUp.getTime() + 7 * 24 * 3_600_000);
    expect(lost.deadlines).toEqual({ open: [{ kind: "PARCEL_LOST", dueAt: lostAt }], close: ["DELIVERY"] });
    const waiting = evolve(start, lost);
    expect(refusal(decide(waiting, { type: "CARRIER_DELIVER" }, system, start.deadlines.DELIVERY!, policy))).not.toBeNull();
    expect(refusal(decide(waiting, { type: "LOST_PARCEL_TIMEOUT" }, system, new Date(lostAt.getTime() - 60_000), policy))?.code).toBe("INVALID_TRANSITION");
    const cancelled = must(decide(waiting, { type: "LOST_PARCEL_TIMEOUT" }, system, lostAt, policy));
    expect(cancelled.to).toBe("CANCELLED");
    expect(cancelled.patch.cancellation).toMatchObject({ reasonKey: "lost_in_transit", byRole: "SYSTEM", fault: "NONE" });
    expect(refundOf(cancelled)).toMatchObject({ totalMinor: 5499, shippingMinor: 499 });
    // The simulator can bring the "no scan" deadline forward, like any carrier event.
    expect(must(decide(waiting, { type: "HURRY_SIMULATION", deadline: "PARCEL_LOST" }, system, at(3 * DAY), policy)).deadlines.open).toEqual([{ kind: "PARCEL_LOST", dueAt: at(3 * DAY) }]);
  });

  it("delayed: delivery moves past the estimated delivery date, once", () => {
    const start = order("IN_TRANSIT", {}, policy);
    const delayed = evolve(start, must(decide(start, { type: "DELAY_PARCEL" }, system, at(2 * DAY), policy)));
    expect(delayed.deadlines.DELIVERY!.getTime()).toBeGreaterThan(estimatedDeliveryAt(start, policy)!.getTime());
    expect(refusal(decide(delayed, { type: "DELAY_PARCEL" }, system, at(2 * DAY), policy))?.reason).toMatch(/already late/);
    expect(refusal(decide(order("DELIVERED", {}, policy), { type: "LOSE_PARCEL" }, system, at(9 * DAY), policy))?.code).toBe("INVALID_TRANSITION");
  });
});

describe("rule: US Buyer Protection: damaged, defective and missing-parts claims stay open 90 days after delivery", () => {
  const claim = (reasonKey: string): Command => ({ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey, description: "It broke on first use.", photoCount: 1 });
  const day = (state: OrderState, days: number) => new Date(state.deliveredAt!.getTime() + days * 24 * 3_600_000);

  it("US: on day 45 the order has completed and settled; the claim is refunded from the seller's balance", () => {
    const completed = order("COMPLETED");
    expect(completed.escrowMinor).toBe(0);
    const { state, decisions } = play(completed, [
      [claim("damaged"), buyer, day(completed, 45)],
      [{ type: "APPROVE_RETURN" }, seller, day(completed, 46)],
    ]);
    expect(decisions[0]!.returnCase).toMatchObject({ status: "REQUESTED", preDelivery: false });
    expect(state.status).toBe("COMPLETED");
    expect(refundOf(decisions[1]!)).toMatchObject({ totalMinor: 5499, shippingMinor: 499 });
    expect(ledger(decisions[1]!)).toEqual(["PROTECTION_REFUND seller:s1 -5499", "PROTECTION_REFUND buyer:b1 5499"]);
    // Nothing is left to refund: a second claim is refused.
    expect(refusal(decide(state, claim("defective"), buyer, day(completed, 50), US))?.reason).toMatch(/refunded in full/);
  });

  it.each(["damaged", "defective", "missing_item"])("US: %s is covered until day 90, not after", (reasonKey) => {
    const completed = order("COMPLETED");
    expect(must(decide(completed, claim(reasonKey), buyer, day(completed, 89), US)).returnCase?.reasonKey).toBe(reasonKey);
    expect(refusal(decide(completed, claim(reasonKey), buyer, day(completed, 90), US))?.reason).toMatch(/Buyer Protection .* ended on/);
  });

  it("US: other reasons end with the return window", () => {
    const completed = order("COMPLETED");
    for (const reasonKey of ["not_as_described", "wrong_item", "not_received"]) {
      expect(refusal(decide(completed, { ...claim(reasonKey), description: "x" } as Command, buyer, day(completed, 40), US))).toMatchObject({ code: "VALIDATION", field: "reasonKey" });
    }
    expect(refusal(decide(completed, { type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind", description: "", photoCount: 0 }, buyer, day(completed, 40), US))).toMatchObject({ field: "reasonKey" });
  });

  it("global: no protection after the return window", () => {
    const completed = order("COMPLETED", {}, GLOBAL);
    expect(refusal(decide(completed, claim("damaged"), buyer, day(completed, 20), GLOBAL))?.reason).toMatch(/return window is over/);
  });
});

describe("refunds arrive, are delayed, become overdue", () => {
  const cancelled = () => order("CANCELLED"); // card refund of $54.99 pending

  it("a card refund arrives on its expected date, not a minute earlier; the overdue timer is closed", () => {
    const state = cancelled();
    const [refund] = state.refunds;
    expect(refund).toMatchObject({ key: "cancel:o1", status: "PENDING" });
    const early = new Date(refund!.expectedArrivalAt.getTime() - 60_000);
    expect(refusal(decide(state, { type: "REFUND_ARRIVED", refundKey: "cancel:o1" }, system, early, US))?.code).toBe("INVALID_TRANSITION");
    const arrived = must(decide(state, { type: "REFUND_ARRIVED", refundKey: "cancel:o1" }, system, refund!.expectedArrivalAt, US));
    expect(arrived.refundUpdate).toMatchObject({ status: "ARRIVED" });
    // Its own arrival timer is used up, and the overdue timer is no longer needed.
    expect(arrived.deadlines.close).toEqual(["REFUND_ARRIVAL:cancel:o1", "REFUND_OVERDUE:cancel:o1"]);
    expect(arrived.to).toBe("CANCELLED");
  });

  it.each([
    ["US", US, "2026-03-12T16:10:00.000Z"], // the same Los Angeles time, after the March change
    ["global", GLOBAL, "2026-03-10T17:10:00.000Z"],
  ] as const)("%s: a delayed refund is overdue 3 (business) days after its expected date", (_, policy, overdueAt) => {
    const state = order("CANCELLED", {}, policy);
    expect(state.deadlines["REFUND_OVERDUE:cancel:o1"]?.toISOString()).toBe(overdueAt);
    const delayed = evolve(state, must(decide(state, { type: "DELAY_REFUND", refundKey: "cancel:o1" }, system, at(DAY), policy)));
    expect(delayed.deadlines["REFUND_ARRIVAL:cancel:o1"]).toBeUndefined();
    const overdue = must(decide(delayed, { type: "REFUND_OVERDUE", refundKey: "cancel:o1" }, system, new Date(overdueAt), policy));
    expect(overdue.refundUpdate?.status).toBe("OVERDUE");
    expect(notes(overdue)).toEqual(["BUYER: Your refund for order 1001 is overdue"]);
  });
});

describe("refused parcel", () => {
  it("refused parcel → back at the seller 3 days later → cancelled by the system, not the seller's fault → seller confirms → refunded less postage", () => {
    const start = order("IN_TRANSIT");
    const refused = must(decide(start, { type: "REFUSE_PARCEL" }, buyer, at(2 * DAY), US));
    expect(refused.returnCase).toMatchObject({ type: "REFUSED_PARCEL", status: "PARCEL_RETURNING" });
    expect(refused.deadlines.close).toContain("DELIVERY");
    expect(refused.deadlines.open).toContainEqual({ kind: "REFUSED_PARCEL_TRANSIT", dueAt: at(5 * DAY) });
    const returning = evolve(start, refused);

    const back = must(decide(returning, { type: "REFUSED_PARCEL_DELIVERED" }, system, at(5 * DAY), US));
    expect(back.to).toBe("CANCELLED");
    expect(back.patch.cancellation).toMatchObject({ reasonKey: "package_rejected", byRole: "SYSTEM", fault: "NONE" });
    expect(back.effects).toContainEqual({ type: "RESTOCK" });
    expect(back.deadlines.open).toContainEqual({ kind: "REFUSAL_INSPECTION", dueAt: at(7 * DAY) });
    const cancelled = evolve(returning, back);

    const confirmed = must(decide(cancelled, { type: "CONFIRM_REFUSED_PARCEL" }, seller, at(6 * DAY), US));
    expect(refundOf(confirmed)).toMatchObject({ itemsMinor: 5000, shippingMinor: 0, postageDeductedMinor: 799, totalMinor: 4201 });
    expect(ledger(confirmed)).toEqual(["REFUND escrow -4201", "REFUND buyer:b1 4201", "POSTAGE escrow -799", "POSTAGE platform 799", "SETTLEMENT escrow -499", "SETTLEMENT seller:s1 499"]);
  });

  it("refused parcel: the seller does not confirm within 48 h → refunded automatically", () => {
    const { state } = play(order("IN_TRANSIT"), [
      [{ type: "REFUSE_PARCEL" }, buyer, at(2 * DAY)],
      [{ type: "REFUSED_PARCEL_DELIVERED" }, system, at(5 * DAY)],
      [{ type: "REFUSAL_INSPECTION_TIMEOUT" }, system, at(7 * DAY)],
    ]);
    expect(state).toMatchObject({ status: "CANCELLED", returnCase: { status: "REFUNDED", refundMinor: 4201 }, escrowMinor: 0 });
  });
});
