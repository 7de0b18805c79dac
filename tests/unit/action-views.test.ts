/**
 * What the order page offers comes from the engine: which dispute a statement goes to, which case
 * types and reasons a request allows, the refund each action would make (the same the decision
 * makes), and which simulator controls apply. Nothing here is restated by the page.
 */
import { describe, expect, it } from "vitest";
import { english } from "@/lib/i18n/translator";
import {
  MAX_PHOTOS,
  PERSON_COMMAND_TYPES,
  POLICIES,
  TRANSITIONS,
  actionViews,
  decide,
  describeBreakdown,
  describeBytes,
  describeDuration,
  evolve,
  findReason,
  isPersonCommand,
  isSellerFault,
  photoHint,
  previewRefund,
  simulatorControls,
  statusNote,
  type DisputeState,
  type OrderState,
  type RefundEffect,
} from "@/lib/order";
import { DAY, HOUR, at, buyer, must, order, play, seller, system, say, inEnglish } from "../support/order-state";

const US = POLICIES.US;
const formatDateTime = (date: Date) => english().f.dateTime(date);
const view = (state: OrderState, actor: typeof buyer, now: Date, command: string) => actionViews(state, actor, now, US).find((a) => a.command === command)!;

function openDispute(id: string, subject: DisputeState["subject"], subjectRef: string, openedAt: Date): DisputeState {
  return { id, subject, subjectRef, status: "OPEN", openedAt, decideBy: new Date(openedAt.getTime() + 48 * 3_600_000), statements: [], decision: null, appeal: null, assignee: null, infoRequest: null };
}

describe("action views", () => {
  it("the person commands are exactly the commands a buyer, seller or support may send", () => {
    const byPeople = Object.entries(TRANSITIONS)
      .filter(([, rule]) => rule.roles.some((role) => role !== "SYSTEM"))
      .map(([type]) => type)
      .sort();
    expect([...PERSON_COMMAND_TYPES].sort()).toEqual(byPeople);
    expect(isPersonCommand("ESCALATE")).toBe(true);
    expect(isPersonCommand("CARRIER_PICKUP")).toBe(false);
  });

  it("with two disputes open, a statement can go to either, and goes to the one chosen", () => {
    const delivered = order("DELIVERED");
    const t = at(5 * DAY);
    const state: OrderState = { ...delivered, disputes: [openDispute("o1-dispute-1", "CASE", "o1-case-1", t), openDispute("o1-dispute-2", "REFUND", "cancel:o1", t)] };
    const statement = view(state, buyer, t, "ADD_DISPUTE_STATEMENT");
    expect(statement.targets.map((target) => target.value)).toEqual(["o1-dispute-1", "o1-dispute-2"]);
    expect(say(statement.targets[1]!.label)).toContain("overdue refund");
    const added = must(decide(state, { type: "ADD_DISPUTE_STATEMENT", disputeId: statement.targets[1]!.value, statement: "Still nothing on my card.", photoCount: 0 }, buyer, t, US));
    expect(added.dispute).toMatchObject({ id: "o1-dispute-2", statements: [{ text: "Still nothing on my card." }] });
    // Support decides the case dispute with one form and the refund dispute with another.
    const support = { role: "SUPPORT" as const, id: "agent-1" };
    expect(view(state, support, t, "DECIDE_DISPUTE").targets.map((x) => x.value)).toEqual(["o1-dispute-1"]);
    expect(view(state, support, t, "DECIDE_REFUND_DISPUTE").targets.map((x) => x.value)).toEqual(["o1-dispute-2"]);
  });

  it("a request before delivery is a refund only; after delivery either, each option with what it refunds", () => {
    const inTransit = order("IN_TRANSIT");
    // After the estimated delivery date (the 6th business day after the order date), still not delivered.
    const before = view(inTransit, buyer, at(9 * DAY), "REQUEST_RETURN");
    expect(before.caseTypes).toEqual(["REFUND_ONLY"]);
    expect(before.reasons.map((r) => r.key)).toEqual(["wont_arrive_on_time"]);
    const delivered = order("DELIVERED");
    const after = view(delivered, buyer, at(6 * DAY), "REQUEST_RETURN");
    expect(after.caseTypes).toEqual(["REFUND_ONLY", "RETURN_AND_REFUND"]);
    const changeOfMind = after.requestOptions.find((o) => o.caseType === "RETURN_AND_REFUND" && o.reasonKeys.includes("changed_mind"))!;
    expect(changeOfMind.reasonKeys).toEqual(["changed_mind"]);
    expect(changeOfMind.breakdown).toMatchObject({ itemsMinor: 5000, shippingMinor: 0, postageDeductedMinor: 0, feeMinor: 0, totalMinor: 5000 });
    const damaged = after.requestOptions.find((o) => o.caseType === "REFUND_ONLY" && o.reasonKeys.includes("damaged"))!;
    expect(damaged.breakdown.totalMinor).toBe(5499);
  });

  it("the refund an action shows is the refund its decision makes", () => {
    const onHold = order("ON_HOLD");
    const cancel = view(onHold, buyer, at(10), "BUYER_CANCEL");
    const decided = must(decide(onHold, { type: "BUYER_CANCEL", reasonKey: cancel.reasons[0]!.key }, buyer, at(10), US));
    const refund = decided.effects.find((e): e is RefundEffect => e.type === "REFUND")!;
    expect(cancel.refund).toEqual({ totalMinor: refund.totalMinor, destination: refund.destination, expectedArrivalAt: refund.expectedArrivalAt, arrived: refund.arrived });
    expect(cancel.until).toEqual(onHold.remorseEndsAt);
    // A seller approving a buyer's cancel request sees the same full refund, not the order's total restated.
    const awaiting = order("AWAITING_SHIPMENT");
    const requested = evolve(awaiting, must(decide(awaiting, { type: "REQUEST_CANCEL", reasonKey: "better_price" }, buyer, at(2 * HOUR), US)));
    const approve = view(requested, seller, at(3 * HOUR), "APPROVE_CANCEL_REQUEST");
    const approved = must(decide(requested, { type: "APPROVE_CANCEL_REQUEST" }, seller, at(3 * HOUR), US)).effects.find((e): e is RefundEffect => e.type === "REFUND")!;
    expect(approve.refund).toMatchObject({ totalMinor: approved.totalMinor, destination: "CARD", arrived: false });
  });

  it("closed actions carry no targets, reasons or previews", () => {
    const delivered = order("DELIVERED");
    const cancel = view(delivered, buyer, at(6 * DAY), "BUYER_CANCEL");
    expect(cancel).toMatchObject({ enabled: false, targets: [], reasons: [], refund: null, until: null });
  });

  it("the simulator may delay a pending refund and hurry the carrier, never a person's deadline", () => {
    const cancelled = order("CANCELLED");
    expect(simulatorControls(cancelled, at(20), US).delayRefunds).toEqual(["cancel:o1"]);
    const collecting = order("AWAITING_COLLECTION");
    const controls = simulatorControls(collecting, at(DAY + HOUR), US);
    expect(controls.hurry).toContain("CARRIER_PICKUP");
    expect(controls.hurry).not.toContain("DISPATCH");
  });
});

describe("what the page says, from the engine", () => {
  it("escalation offers the rejected request and each overdue refund, by value and name", () => {
    const delivered = order("DELIVERED");
    const t = delivered.deliveredAt!.getTime();
    const h = (hours: number) => new Date(t + hours * 3_600_000);
    const { state } = play(delivered, [
      [{ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "Broken", photoCount: 1 }, buyer, h(1)],
      [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, h(2)],
    ]);
    expect(inEnglish(view(state, buyer, h(3), "ESCALATE").targets)).toEqual([{ value: "CASE", label: "The rejected refund or return" }]);

    const cancelled = order("CANCELLED");
    const overdue = play(cancelled, [
      [{ type: "DELAY_REFUND", refundKey: "cancel:o1" }, system, at(DAY)],
      [{ type: "REFUND_OVERDUE", refundKey: "cancel:o1" }, system, cancelled.deadlines["REFUND_OVERDUE:cancel:o1"]!],
    ]).state;
    expect(inEnglish(view(overdue, buyer, at(12 * DAY), "ESCALATE").targets)).toEqual([{ value: "REFUND:cancel:o1", label: "An overdue refund: $54.99 to the card, expected by Mon, Mar 9, 2026" }]);
    // The refund's key is internal: the buyer recognises an amount, a payment method and a date.
    expect(view(overdue, buyer, at(12 * DAY), "ESCALATE").targets[0]!.label).not.toContain("cancel:");
    expect(simulatorControls(overdue, at(12 * DAY), US).delayRefunds).toEqual([]);
  });

  it("a status note adds the dates that matter, read from the order and its policy", () => {
    expect(inEnglish(statusNote(order("UNPAID"), US))).toBe(`An unpaid order is cancelled ${say(describeDuration(US.paymentWindow))} after it was placed.`);
    const onHold = order("ON_HOLD");
    expect(inEnglish(statusNote(onHold, US))).toContain(formatDateTime(onHold.remorseEndsAt!));
    const awaiting = order("AWAITING_SHIPMENT");
    expect(inEnglish(statusNote(awaiting, US))).toBe("The seller must ship by Wed, Mar 4, 11:59 PM in Los Angeles = Thu, Mar 5, 7:59 AM UTC.");
    expect(inEnglish(statusNote(order("AWAITING_SHIPMENT", {}, POLICIES.GLOBAL), POLICIES.GLOBAL))).toBe("The seller must ship by Mar 4, 2026, 11:59 PM UTC.");
    const delivered = order("DELIVERED");
    expect(inEnglish(statusNote(delivered, US))).toContain(formatDateTime(delivered.returnWindowEndsAt!));
    for (const status of ["AWAITING_COLLECTION", "IN_TRANSIT", "COMPLETED"] as const) expect(say(statusNote(order(status), US)).length).toBeGreaterThan(10);
    // A completed US order says until when Buyer Protection claims stay open; after that, and in the global profile, it does not.
    const completed = order("COMPLETED");
    const day = (n: number) => new Date(completed.deliveredAt!.getTime() + n * 24 * 3_600_000);
    expect(inEnglish(statusNote(completed, US, day(45)))).toContain(`can still be claimed until ${formatDateTime(day(90))}`);
    expect(inEnglish(statusNote(completed, US, day(91)))).toBe("What escrow held has been settled to the seller.");
    expect(inEnglish(statusNote(order("COMPLETED", {}, POLICIES.GLOBAL), POLICIES.GLOBAL, day(45)))).toBe("What escrow held has been settled to the seller.");
    // A cancelled order's own line says who cancelled and why.
    expect(inEnglish(statusNote(order("CANCELLED"), US))).toBe("");
  });

  it("limits and refunds are described from their constants", () => {
    expect(inEnglish(photoHint("optional"))).toBe(`PNG, JPEG or WebP, up to 5 MB each, at most ${MAX_PHOTOS}.`);
    expect(inEnglish(photoHint("at least one"))).toContain(`at least 1 and at most ${MAX_PHOTOS}`);
    expect(describeBytes(512 * 1024)).toBe("512 KB");
    const changeOfMind = previewRefund(order("DELIVERED"), { caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind" }, US);
    expect(inEnglish(describeBreakdown(changeOfMind))).toBe("items $50.00, return postage paid by the platform");
    expect(inEnglish(describeBreakdown(previewRefund(order("DELIVERED", { changeOfMindFeeMinor: 499 }), { caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind" }, US)))).toBe(
      "items $50.00, less the shop's return fee $4.99, return postage paid by the platform",
    );
    expect(inEnglish(describeBreakdown(previewRefund(order("DELIVERED"), { caseType: "RETURN_AND_REFUND", reasonKey: "damaged" }, US)))).toBe("items $50.00, shipping $4.99, return postage paid by the seller");
    expect(inEnglish(describeBreakdown(previewRefund(order("DELIVERED", {}, POLICIES.GLOBAL), { caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind" }, POLICIES.GLOBAL)))).toBe("items $50.00, return postage paid by the platform");
    expect(isSellerFault(findReason("damaged")!)).toBe(true);
    expect(isSellerFault(findReason("changed_mind")!)).toBe(false);
  });
});
