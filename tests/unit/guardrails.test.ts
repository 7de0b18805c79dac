/**
 * The decision function checks every rule's outcome against the tables: a rule that oversteps is a
 * bug, and decide throws instead of returning a decision the store would carry out.
 */
import { m } from "@/lib/i18n/message";
import { describe, expect, it } from "vitest";
import { POLICIES, TRANSITIONS, decide, newReturnCase, type Outcome, type StateContext, type TransitionTable } from "@/lib/order";
import { at, buyer, order } from "../support/order-state";

const US = POLICIES.US;

/** The real table with PAY's outcome replaced. */
function withPay(apply: (ctx: StateContext) => Outcome, from = TRANSITIONS.PAY.from): TransitionTable {
  return { ...TRANSITIONS, PAY: { ...TRANSITIONS.PAY, from, apply } } as TransitionTable;
}

const event = { type: "ORDER_PAID" as const, summary: m("engine.empty") };

describe("guardrails", () => {
  it("a rule may only move the order to a status it lists", () => {
    const rules = withPay(() => ({ status: "DELIVERED", event }));
    expect(() => decide(order("UNPAID"), { type: "PAY" }, buyer, at(0), US, rules)).toThrow(/moved the order to DELIVERED/);
  });

  it("nothing moves a final order", () => {
    const rules = withPay(() => ({ status: "ON_HOLD", event }), ["CANCELLED"]);
    expect(() => decide(order("CANCELLED"), { type: "PAY" }, buyer, at(0), US, rules)).toThrow(/tried to move a CANCELLED order/);
  });

  it("a sub-machine move must be declared by the rule and allowed by the machine", () => {
    const rules = withPay(({ state }) => ({ cancelRequest: { status: "APPROVED", reasonKey: "other", requestedAt: at(0), respondBy: null, resolvedAt: null, rejectReasonKey: null }, event: { ...event, summary: m("engine.verbatim", { text: state.code }) } }));
    expect(() => decide(order("UNPAID"), { type: "PAY" }, buyer, at(0), US, rules)).toThrow(/moved a cancel request from NONE to APPROVED/);
  });

  it("no second case while one is open", () => {
    const open = order("DELIVERED");
    const withCase = { ...open, returnCase: newReturnCase(open, at(0), { type: "REFUND_ONLY", status: "REQUESTED", reasonKey: "damaged", description: "", photoCount: 1, preDelivery: false }) };
    const rules = withPay(({ state }) => ({ returnCase: { ...state.returnCase!, id: "o1-case-2" }, event }), ["DELIVERED"]);
    expect(() => decide(withCase, { type: "PAY" }, buyer, at(0), US, rules)).toThrow(/opened a case while another is open/);
  });

  it("a refund that does not exist cannot move, and no cause is refunded twice", () => {
    const cancelled = order("CANCELLED");
    const moveMissing = withPay(() => ({ refundUpdate: { key: "nope", status: "ARRIVED", at: at(0) }, event }), ["CANCELLED"]);
    expect(() => decide(cancelled, { type: "PAY" }, buyer, at(0), US, moveMissing)).toThrow(/refund that does not exist/);
    const refundAgain = withPay(
      ({ state }) => ({
        effects: [{ type: "REFUND", idempotencyKey: "cancel:o1", currency: "USD", itemsMinor: 1, shippingMinor: 0, postageDeductedMinor: 0, totalMinor: 1, destination: state.paymentMethod, expectedArrivalAt: at(0), arrived: true }],
        event,
      }),
      ["CANCELLED"],
    );
    expect(() => decide(cancelled, { type: "PAY" }, buyer, at(0), US, refundAgain)).toThrow(/refund cancel:o1 twice/);
  });
});
