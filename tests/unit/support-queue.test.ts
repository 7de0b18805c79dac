/** Support's queue kinds and the decision previews: derived from the engine's state, never restated. */
import { describe, expect, it } from "vitest";
import { MUST_MEET_DEADLINES, POLICIES, decide, evolve, previewDisputeOutcomes, supportQueueKind, supportTarget, type OrderState } from "@/lib/order";
import { REMINDERS } from "@/lib/order/transitions";
import { DAY, HOUR, at, buyer, must, order, play, seller, support, system, inEnglish } from "../support/order-state";

const US = POLICIES.US;
const RATIONALE = "The photos clearly show the item arrived broken.";
/** The helpers' HOUR is minutes for `at()`; dates here add real hours. */
const MS_HOUR = 3_600_000;
const kinds = (state: OrderState) => state.disputes.map((d) => supportQueueKind(state, d));

/** A delivered order's request the seller rejected and the buyer escalated, an hour apart; `dh` adds hours to the delivery. */
function escalatedRequest(caseType: "REFUND_ONLY" | "RETURN_AND_REFUND", reasonKey: string, paymentMethod?: "WALLET") {
  const delivered = order("DELIVERED", paymentMethod ? { paymentMethod } : {}, US);
  const dh = (hours: number) => new Date(delivered.deliveredAt!.getTime() + hours * MS_HOUR);
  const { state } = play(delivered, [
    [{ type: "REQUEST_RETURN", caseType, reasonKey, description: "It arrived broken.", photoCount: 1 }, buyer, dh(1)],
    [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, dh(2)],
    [{ type: "ESCALATE", subject: "CASE", statement: "It is broken.", photoCount: 0 }, buyer, dh(3)],
  ]);
  return { state, dh };
}

/** A delivered order's return the seller received and rejected on inspection, then escalated. */
function parcelRejected() {
  const start = order("DELIVERED", {}, US);
  const d = start.deliveredAt!.getTime();
  const h = (hours: number) => new Date(d + hours * MS_HOUR);
  const { state: shipped } = play(start, [
    [{ type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "defective", description: "Does not turn on.", photoCount: 1 }, buyer, h(1)],
    [{ type: "APPROVE_RETURN" }, seller, h(2)],
    [{ type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "USPS", trackingNumber: "9400111899223334445566" }, buyer, h(3)],
  ]);
  const arrived = shipped.deadlines.RETURN_TRANSIT!;
  const after = (hours: number) => new Date(arrived.getTime() + hours * MS_HOUR);
  const { state } = play(shipped, [
    [{ type: "RETURN_PARCEL_DELIVERED" }, system, arrived],
    [{ type: "REJECT_RETURNED_PARCEL", reasonKey: "damaged_by_buyer", photoCount: 2 }, seller, after(1)],
    [{ type: "ESCALATE", subject: "CASE", statement: "It was broken when it came.", photoCount: 0 }, buyer, after(2)],
  ]);
  return { state, h: after };
}

describe("support's queue kinds", () => {
  it("a returned parcel the seller rejected on receipt; decided for the buyer, nothing waits; appealed, an appeal", () => {
    const { state, h } = parcelRejected();
    expect(kinds(state)).toEqual(["PARCEL_REJECTED"]);
    const disputeId = state.disputes[0]!.id;
    const decided = evolve(state, must(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(3), US)));
    expect(kinds(decided)).toEqual([null]);
    expect(supportTarget({ status: decided.disputes[0]!.status, decideBy: decided.disputes[0]!.decideBy, appealedAt: null }, US)).toBeNull();
    const appealed = evolve(decided, must(decide(decided, { type: "APPEAL_DECISION", disputeId, statement: "The buyer dropped it." }, seller, h(4), US)));
    expect(kinds(appealed)).toEqual(["APPEAL"]);
    expect(supportTarget({ status: "APPEALED", decideBy: appealed.disputes[0]!.decideBy, appealedAt: h(4) }, US)).toEqual(h(4 + 48));
  });

  it("a rejected request, a rejected cancel request and an overdue refund", () => {
    expect(kinds(escalatedRequest("REFUND_ONLY", "damaged").state)).toEqual(["REQUEST_REJECTED"]);
    const cancel = play(order("AWAITING_SHIPMENT", {}, US), [
      [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
      [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, at(3 * HOUR)],
      [{ type: "ESCALATE", subject: "CANCEL_REQUEST", statement: "Not shipped yet.", photoCount: 0 }, buyer, at(4 * HOUR)],
    ]).state;
    expect(kinds(cancel)).toEqual(["CANCEL_REJECTED"]);
    const cancelled = order("CANCELLED");
    const refund = play(cancelled, [
      [{ type: "DELAY_REFUND", refundKey: "cancel:o1" }, system, at(DAY)],
      [{ type: "REFUND_OVERDUE", refundKey: "cancel:o1" }, system, cancelled.deadlines["REFUND_OVERDUE:cancel:o1"]!],
      [{ type: "ESCALATE", subject: "REFUND", refundKey: "cancel:o1", statement: "Nothing arrived.", photoCount: 0 }, buyer, at(12 * DAY)],
    ]).state;
    expect(kinds(refund)).toEqual(["REFUND_OVERDUE"]);
  });
});

describe("what each decision does, before it is sent", () => {
  it("a return-and-refund the buyer still has: in full, return required, or for the seller", () => {
    const { state, dh } = escalatedRequest("RETURN_AND_REFUND", "defective");
    const previews = previewDisputeOutcomes(state, state.disputes[0]!.id, support, dh(4), US);
    expect(inEnglish(previews.map((p) => p.label))).toEqual(["For the buyer, in full", "For the buyer, return required", "For the seller"]);
    expect(inEnglish(previews[0]!.effects[0])).toMatch(/^The buyer is refunded \$54\.99 to their card, expected by/);
    expect(inEnglish(previews[0]!.effects)).toContain("The seller may appeal within 7 days; another agent decides the appeal.");
    expect(inEnglish(previews[1]!.effects[0])).toMatch(/^No refund yet: the buyer must ship the item back by/);
    expect(inEnglish(previews[2]!.effects)).toEqual(["Nothing is refunded.", "Final: no appeal."]);
    // The preview is the engine's: deciding for real refunds what it said.
    const real = must(decide(state, { type: "DECIDE_DISPUTE", disputeId: state.disputes[0]!.id, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, dh(4), US));
    expect(real.effects.find((e) => e.type === "REFUND")).toMatchObject({ totalMinor: 5499 });
  });

  it("nothing to preview for a decided dispute, or for an agent the case is not routed to", () => {
    const escalated = escalatedRequest("REFUND_ONLY", "damaged");
    const dh = escalated.dh;
    const state = play(escalated.state, [[{ type: "TAKE_DISPUTE", disputeId: "o1-dispute-1", reason: "" }, { role: "SUPPORT", id: "agent-2" }, dh(4)]]).state;
    expect(inEnglish(previewDisputeOutcomes(state, "o1-dispute-1", support, dh(5), US))).toEqual([]);
    expect(inEnglish(previewDisputeOutcomes(state, "nope", support, dh(5), US))).toEqual([]);
  });
});

describe("deadlines a person must meet", () => {
  it("each has a reminder to the person who must meet it; the windows to escalate and appeal are rights, not among them", () => {
    const reminded = Object.values(REMINDERS).map((reminder) => reminder!.of);
    expect(MUST_MEET_DEADLINES.filter((kind) => !reminded.includes(kind))).toEqual([]);
    expect(reminded.filter((kind) => !MUST_MEET_DEADLINES.includes(kind)).sort()).toEqual(["APPEAL_WINDOW", "CANCEL_DISPUTE_FILING", "DISPUTE_FILING"]);
  });
});
