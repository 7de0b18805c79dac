/**
 * The seed article's first two cases (shared/reference/seed-article-zh.txt), as sequences of commands.
 * Case 3 (after shipment) arrives with part 2 of the engine.
 */
import { describe, expect, it } from "vitest";
import { POLICIES, availableActions } from "@/lib/order";
import { DAY, HOUR, at, buyer, order, play, seller, system } from "../support/order-state";

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
    expect(cancel.effects.find((e) => e.type === "NOTIFY" && e.audience === "SELLER")).toMatchObject({ body: expect.stringContaining("Not counted against your shop") });
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
    expect(cancel?.reason).toBe("Cancel is no longer available: the parcel has shipped. You can refuse it, or request a return after delivery.");
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
