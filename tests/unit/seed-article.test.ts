/**
 * The seed article (shared/reference/seed-article-zh.txt), scenario by scenario in its order, as
 * sequences of commands: what happens when a buyer cancels (1) before the seller processes the order,
 * (2) while it is processed, (3) after it shipped — and what follows when the two sides disagree.
 */
import { describe, expect, it } from "vitest";
import { POLICIES, availableActions, decide } from "@/lib/order";
import { DAY, HOUR, at, buyer, must, order, play, seller, support, system, say, inEnglish } from "../support/order-state";

const US = POLICIES.US;
const GLOBAL = POLICIES.GLOBAL;

describe("case 1: the seller has not processed the order yet", () => {
  it("the buyer picks a reason and the order is cancelled at once; the refund starts, stock returns, the seller is told, no fault", () => {
    const { state, decisions } = play(order("UNPAID"), [
      [{ type: "PAY" }, buyer, at(0)],
      [{ type: "BUYER_CANCEL", reasonKey: "bought_by_mistake" }, buyer, at(20)],
    ]);
    expect(state.status).toBe("CANCELLED");
    const cancel = decisions[1]!;
    expect(cancel.effects.map((e) => e.type)).toEqual(["RESTOCK", "REFUND", "LEDGER", "NOTIFY", "NOTIFY"]);
    expect(state.escrowMinor).toBe(0);
    expect(state.refunds).toEqual([expect.objectContaining({ key: "cancel:o1", totalMinor: 5499, status: "PENDING" })]);
    expect(inEnglish(cancel.effects.find((e) => e.type === "NOTIFY" && e.audience === "SELLER"))).toMatchObject({ body: expect.stringContaining("Not counted against your shop") });
    expect(cancel.patch.cancellation?.fault).toBe("BUYER");
    // Only the card refund's timers remain: it arrives in 5 business days, or becomes overdue 3 later.
    expect(Object.keys(state.deadlines).sort()).toEqual(["REFUND_ARRIVAL:cancel:o1", "REFUND_OVERDUE:cancel:o1"]);
  });

  it("the same holds after the first hour when the shop auto-approves cancellations for 3 hours", () => {
    const { state } = play(order("UNPAID", { autoApproveWindow: "H3" }), [
      [{ type: "PAY" }, buyer, at(0)],
      [{ type: "END_REMORSE_WINDOW" }, system, at(60)],
      [{ type: "BUYER_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(3 * HOUR)],
    ]);
    expect(state.status).toBe("CANCELLED");
  });
});

describe("case 2: the seller is processing the order, not shipped yet", () => {
  const processing = () => order("AWAITING_SHIPMENT");

  it("the cancel needs the seller: the buyer asks, sees it waiting, the seller approves → cancelled and refunded", () => {
    const start = processing();
    expect(availableActions(start, buyer, at(2 * HOUR), US).filter((a) => a.enabled).map((a) => a.command)).toEqual(["REQUEST_CANCEL"]);
    const { state, decisions } = play(start, [
      [{ type: "REQUEST_CANCEL", reasonKey: "better_price" }, buyer, at(2 * HOUR)],
      [{ type: "APPROVE_CANCEL_REQUEST" }, seller, at(3 * HOUR)],
    ]);
    expect(decisions[0]!.cancelRequest?.status).toBe("PENDING");
    expect(state.status).toBe("CANCELLED");
    expect(state.cancelRequest?.status).toBe("APPROVED");
    expect(decisions[1]!.effects.some((e) => e.type === "REFUND")).toBe(true);
  });

  it("the seller rejects: already packed; the order ships as planned and cancel is gone", () => {
    const { state } = play(processing(), [
      [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
      [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, at(3 * HOUR)],
      [{ type: "ARRANGE_SHIPMENT" }, seller, at(4 * HOUR)],
      [{ type: "CARRIER_PICKUP" }, system, at(8 * HOUR)],
    ]);
    expect(state.status).toBe("IN_TRANSIT");
    expect(state.cancelRequest).toMatchObject({ status: "REJECTED", rejectReasonKey: "already_packed" });
    const cancel = availableActions(state, buyer, at(9 * HOUR), US).find((a) => a.command === "BUYER_CANCEL");
    expect(say(cancel?.reason)).toBe("Cancel is no longer available: the parcel has shipped. You can refuse it, or request a return after delivery.");
  });

  it("the seller stays silent: the platform approves it when the answer deadline passes", () => {
    const { state } = play(processing(), [
      [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
      [{ type: "SEND_REMINDER", deadline: "CANCEL_REQUEST_ANSWER_REMINDER" }, system, at(2 * HOUR + DAY - 2 * HOUR)],
      [{ type: "CANCEL_REQUEST_TIMEOUT" }, system, at(2 * HOUR + DAY)],
    ]);
    expect(state.status).toBe("CANCELLED");
    expect(state.cancelRequest?.status).toBe("AUTO_APPROVED");
  });

  it("the seller ships before answering: the request is rejected automatically (US at arranging, global at pickup)", () => {
    const us = play(processing(), [
      [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
      [{ type: "ARRANGE_SHIPMENT" }, seller, at(3 * HOUR)],
    ]);
    expect(us.state.cancelRequest?.status).toBe("AUTO_REJECTED");

    const global = play(
      order("AWAITING_SHIPMENT", {}, GLOBAL),
      [
        [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
        [{ type: "ARRANGE_SHIPMENT" }, seller, at(3 * HOUR)],
        [{ type: "CARRIER_PICKUP" }, system, at(7 * HOUR)],
      ],
      GLOBAL,
    );
    expect(global.decisions[1]!.cancelRequest).toBeUndefined();
    expect(global.state).toMatchObject({ status: "IN_TRANSIT", cancelRequest: { status: "AUTO_REJECTED" } });
  });
});

describe("case 3: the order has shipped", () => {
  const deliveredState = () => order("DELIVERED");

  it("shipped → cancel is gone → delivered → return and refund → shipped back → accepted → refunded, completed", () => {
    const inTransit = order("IN_TRANSIT");
    expect(say(availableActions(inTransit, buyer, at(2 * DAY), US).find((a) => a.command === "BUYER_CANCEL")?.reason)).toMatch(/parcel has shipped/);
    const start = deliveredState();
    const t = (hours: number) => new Date(start.deliveredAt!.getTime() + hours * 3_600_000);
    const { state, decisions } = play(start, [
      [{ type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind", description: "", photoCount: 0 }, buyer, t(24)],
      [{ type: "APPROVE_RETURN" }, seller, t(30)],
      [{ type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "USPS", trackingNumber: "9400111899223334445566" }, buyer, t(48)],
      [{ type: "RETURN_PARCEL_DELIVERED" }, system, t(48 + 72)],
      [{ type: "ACCEPT_RETURNED_PARCEL" }, seller, t(48 + 80)],
    ]);
    expect(decisions.map((d) => d.returnCase?.status)).toEqual(["REQUESTED", "AWAITING_SHIPBACK", "RETURN_SHIPPED", "AWAITING_INSPECTION", "REFUNDED"]);
    // Only the item price is refunded for a change of mind (the buyer arranged and paid the shipping; the shop charges no fee).
    expect(state.refunds).toEqual([expect.objectContaining({ totalMinor: 5000 })]);
    expect(state.status).toBe("COMPLETED");
  });

  it("the buyer refuses the parcel: it goes back, the order is cancelled when it arrives, the seller confirms, the refund follows", () => {
    const { state, decisions } = play(order("IN_TRANSIT"), [
      [{ type: "REFUSE_PARCEL" }, buyer, at(2 * DAY)],
      [{ type: "REFUSED_PARCEL_DELIVERED" }, system, at(5 * DAY)],
      [{ type: "CONFIRM_REFUSED_PARCEL" }, seller, at(5 * DAY + HOUR)],
    ]);
    expect(decisions[1]!.patch.cancellation).toMatchObject({ reasonKey: "package_rejected", fault: "NONE" });
    expect(state).toMatchObject({ status: "CANCELLED", returnCase: { type: "REFUSED_PARCEL", status: "REFUNDED" } });
    expect(state.refunds[0]?.totalMinor).toBe(5000 - 799);
  });
});

describe("when the two sides disagree", () => {
  function rejectedReturn() {
    const start = order("DELIVERED");
    const t = (hours: number) => new Date(start.deliveredAt!.getTime() + hours * 3_600_000);
    const { state } = play(start, [
      [{ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "Cracked on arrival", photoCount: 2 }, buyer, t(5)],
      [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, t(8)],
      [{ type: "ESCALATE", subject: "CASE", statement: "The crack is visible in photo 2.", photoCount: 2 }, buyer, t(10)],
      [{ type: "ADD_DISPUTE_STATEMENT", disputeId: "o1-dispute-1", statement: "It was packed with care.", photoCount: 1 }, seller, t(12)],
    ]);
    return { state, t };
  }

  it("a return rejected → escalated → platform support decides for the buyer → refunded", () => {
    const { state, t } = rejectedReturn();
    const decision = must(
      decide(state, { type: "DECIDE_DISPUTE", disputeId: "o1-dispute-1", outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "Photo 2 shows a crack on delivery." }, support, t(20), US),
    );
    expect(decision.dispute?.status).toBe("DECIDED_FOR_BUYER");
    expect(decision.returnCase?.status).toBe("REFUNDED");
    expect(decision.effects.find((e) => e.type === "REFUND")).toMatchObject({ totalMinor: 5499 });
  });

  it("the seller appeals; a different agent decides it; the seller wins, the buyer keeps the refund and the platform pays the seller", () => {
    const { state, t } = rejectedReturn();
    const agentB = { role: "SUPPORT" as const, id: "agent-2" };
    const { state: after, decisions } = play(state, [
      [{ type: "DECIDE_DISPUTE", disputeId: "o1-dispute-1", outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "Photo 2 shows a crack on delivery." }, support, t(20)],
      [{ type: "APPEAL_DECISION", disputeId: "o1-dispute-1", statement: "Our courier's photo shows it intact." }, seller, t(30)],
      [{ type: "DECIDE_APPEAL", disputeId: "o1-dispute-1", outcome: "OVERTURN", rationale: "The courier's photo at delivery shows no crack." }, agentB, t(40)],
    ]);
    expect(after.disputes[0]).toMatchObject({ status: "APPEAL_OVERTURNED", decision: { agentId: "agent-1" }, appeal: { agentId: "agent-2", outcome: "OVERTURNED" } });
    expect(after.refunds).toEqual([expect.objectContaining({ totalMinor: 5499 })]);
    expect(decisions[2]!.effects.find((e) => e.type === "LEDGER")).toMatchObject({ kind: "COMPENSATION", postings: [{ account: "platform", amountMinor: -5499 }, { account: "seller:s1", amountMinor: 5499 }] });
  });
});
