/**
 * A command with bad fields is refused next to the field, with a sentence a person can read, and
 * changes nothing (decide returns no decision). One row per check the rules make.
 */
import { describe, expect, it } from "vitest";
import { POLICIES, decide, evolve, type Actor, type Command, type OrderState } from "@/lib/order";
import { DAY, HOUR, at, buyer, must, order, play, seller, support, system, say, inEnglish } from "../support/order-state";

const US = POLICIES.US;
const agentB: Actor = { role: "SUPPORT", id: "agent-2" };

function delivered() {
  const start = order("DELIVERED");
  return { start, t: (hours: number) => new Date(start.deliveredAt!.getTime() + hours * 3_600_000) };
}

function escalated(caseType: "REFUND_ONLY" | "RETURN_AND_REFUND" = "REFUND_ONLY") {
  const { start, t } = delivered();
  const { state } = play(start, [
    [{ type: "REQUEST_RETURN", caseType, reasonKey: "damaged", description: "", photoCount: 1 }, buyer, t(1)],
    [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, t(2)],
    [{ type: "ESCALATE", subject: "CASE", statement: "Look at the photos.", photoCount: 1 }, buyer, t(3)],
  ]);
  return { state, t, id: state.disputes[0]!.id };
}

function appealed() {
  const { state, t, id } = escalated();
  const { state: after } = play(state, [
    [{ type: "DECIDE_DISPUTE", disputeId: id, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "The photos show the damage." }, support, t(4)],
    [{ type: "APPEAL_DECISION", disputeId: id, statement: "It was fine when it left." }, seller, t(5)],
  ]);
  return { state: after, t, id };
}

/** An escalated request plus an overdue refund under its own open dispute, on the same delivered order. */
function twoDisputes() {
  const e = escalated();
  const refundDispute = { ...e.state.disputes[0]!, id: "o1-dispute-2", subject: "REFUND" as const, subjectRef: "r1" };
  const state: OrderState = {
    ...e.state,
    refunds: [{ key: "r1", totalMinor: 100, destination: "CARD", status: "OVERDUE", expectedArrivalAt: at(0) }],
    disputes: [...e.state.disputes, refundDispute],
  };
  return { state, when: e.t(4) };
}

function overdueRefund() {
  const cancelled = order("CANCELLED");
  const overdueAt = cancelled.deadlines["REFUND_OVERDUE:cancel:o1"]!;
  const { state } = play(cancelled, [
    [{ type: "DELAY_REFUND", refundKey: "cancel:o1" }, system, at(DAY)],
    [{ type: "REFUND_OVERDUE", refundKey: "cancel:o1" }, system, overdueAt],
    [{ type: "ESCALATE", subject: "REFUND", refundKey: "cancel:o1", statement: "Still nothing.", photoCount: 0 }, buyer, new Date(overdueAt.getTime() + HOUR * 60_000)],
  ]);
  return { state, when: new Date(overdueAt.getTime() + 2 * 3_600_000), id: state.disputes[0]!.id };
}

type Row = [name: string, setup: () => { state: OrderState; when: Date }, command: Command, actor: Actor, field: string, message: RegExp];

const long = "x".repeat(2001);
const rows: Row[] = [
  ["a return with an unknown case type", () => ({ state: delivered().start, when: delivered().t(1) }), { type: "REQUEST_RETURN", caseType: "SWAP" as never, reasonKey: "damaged", description: "", photoCount: 1 }, buyer, "caseType", /refund only or a return/],
  ["a description that is too long", () => ({ state: delivered().start, when: delivered().t(1) }), { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: long, photoCount: 1 }, buyer, "description", /under 2000/],
  ["escalating something that is not a subject", () => {
    const { start, t } = delivered();
    const { state } = play(start, [
      [{ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "", photoCount: 1 }, buyer, t(1)],
      [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, t(2)],
    ]);
    return { state, when: t(3) };
  }, { type: "ESCALATE", subject: "ORDER" as never, statement: "x", photoCount: 0 }, buyer, "subject", /what you want support to decide/],
  ["a statement that is empty", () => { const e = escalated(); return { state: e.state, when: e.t(4) }; }, { type: "ADD_DISPUTE_STATEMENT", disputeId: "o1-dispute-1", statement: "   ", photoCount: 0 }, seller, "statement", /Say what happened/],
  // Issue 15, finding 4: text with nothing visible is refused by the engine too, not only by the forms.
  ["a statement of NUL characters", () => { const e = escalated(); return { state: e.state, when: e.t(4) }; }, { type: "ADD_DISPUTE_STATEMENT", disputeId: "o1-dispute-1", statement: "\u0000\u0000\u0000", photoCount: 0 }, seller, "statement", /Say what happened/],
  ["a rationale of zero-width spaces", () => { const e = escalated(); return { state: e.state, when: e.t(4) }; }, { type: "DECIDE_DISPUTE", disputeId: "o1-dispute-1", outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: "\u200B".repeat(40) }, support, "rationale", /at least 20/],
  ["an appeal rationale padded to length with zero-width spaces", () => { const a = appealed(); return { state: a.state, when: a.t(6) }; }, { type: "DECIDE_APPEAL", disputeId: "o1-dispute-1", outcome: "UPHOLD", rationale: "short" + "\u200B".repeat(30) }, agentB, "rationale", /at least 20/],
  ["a statement that is too long", () => { const e = escalated(); return { state: e.state, when: e.t(4) }; }, { type: "ADD_DISPUTE_STATEMENT", disputeId: "o1-dispute-1", statement: long, photoCount: 0 }, seller, "statement", /under 2000/],
  ["seven photos with a statement", () => { const e = escalated(); return { state: e.state, when: e.t(4) }; }, { type: "ADD_DISPUTE_STATEMENT", disputeId: "o1-dispute-1", statement: "ok", photoCount: 7 }, seller, "photos", /at most 6/],
  ["a statement on a dispute that does not exist", () => { const e = escalated(); return { state: e.state, when: e.t(4) }; }, { type: "ADD_DISPUTE_STATEMENT", disputeId: "nope", statement: "ok", photoCount: 0 }, seller, "disputeId", /no such dispute/],
  ["a decision that is neither for the buyer nor the seller", () => { const e = escalated(); return { state: e.state, when: e.t(4) }; }, { type: "DECIDE_DISPUTE", disputeId: "o1-dispute-1", outcome: "BOTH" as never, amountMinor: null, returnRequired: false, rationale: "A long enough rationale." }, support, "outcome", /buyer or for the seller/],
  ["a required return with a partial amount", () => { const e = escalated("RETURN_AND_REFUND"); return { state: e.state, when: e.t(4) }; }, { type: "DECIDE_DISPUTE", disputeId: "o1-dispute-1", outcome: "BUYER", amountMinor: 100, returnRequired: true, rationale: "A long enough rationale." }, support, "returnRequired", /only be required with a full refund/],
  ["a required return on a refund-only request", () => { const e = escalated(); return { state: e.state, when: e.t(4) }; }, { type: "DECIDE_DISPUTE", disputeId: "o1-dispute-1", outcome: "BUYER", amountMinor: null, returnRequired: true, rationale: "A long enough rationale." }, support, "returnRequired", /item the buyer still has/],
  ["the refund remedy used on a request dispute", twoDisputes, { type: "DECIDE_REFUND_DISPUTE", disputeId: "o1-dispute-1", outcome: "BUYER", rationale: "A long enough rationale." }, support, "disputeId", /not about a refund/],
  ["a request decision used on a refund dispute", twoDisputes, { type: "DECIDE_DISPUTE", disputeId: "o1-dispute-2", outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "A long enough rationale." }, support, "disputeId", /refund remedy/],
  ["a refund remedy without a valid outcome", () => { const o = overdueRefund(); return { state: o.state, when: o.when }; }, { type: "DECIDE_REFUND_DISPUTE", disputeId: "o1-dispute-1", outcome: "MAYBE" as never, rationale: "A long enough rationale." }, support, "outcome", /wallet, or dismiss/],
  ["a refund remedy without a rationale", () => { const o = overdueRefund(); return { state: o.state, when: o.when }; }, { type: "DECIDE_REFUND_DISPUTE", disputeId: "o1-dispute-1", outcome: "BUYER", rationale: "ok" }, support, "rationale", /at least 20/],
  ["a refund remedy for a dispute that does not exist", () => { const o = overdueRefund(); return { state: o.state, when: o.when }; }, { type: "DECIDE_REFUND_DISPUTE", disputeId: "nope", outcome: "BUYER", rationale: "A long enough rationale." }, support, "disputeId", /no such dispute/],
  ["an appeal decision that is neither", () => { const a = appealed(); return { state: a.state, when: a.t(6) }; }, { type: "DECIDE_APPEAL", disputeId: "o1-dispute-1", outcome: "MAYBE" as never, rationale: "A long enough rationale." }, agentB, "outcome", /Uphold the decision or overturn/],
  ["an appeal decision without a rationale", () => { const a = appealed(); return { state: a.state, when: a.t(6) }; }, { type: "DECIDE_APPEAL", disputeId: "o1-dispute-1", outcome: "UPHOLD", rationale: "short" }, agentB, "rationale", /at least 20/],
  ["an appeal decision on a dispute that was not appealed", () => { const a = appealed(); return { state: a.state, when: a.t(6) }; }, { type: "DECIDE_APPEAL", disputeId: "nope", outcome: "UPHOLD", rationale: "A long enough rationale." }, agentB, "disputeId", /no such dispute/],
  ["a refund that does not exist arriving", () => ({ state: order("CANCELLED"), when: at(30 * DAY) }), { type: "DELAY_REFUND", refundKey: "nope" }, system, "refundKey", /no such refund/],
  ["a refund that already arrived delayed", () => {
    const state = order("CANCELLED");
    const arrived = evolve(state, must(decide(state, { type: "REFUND_ARRIVED", refundKey: "cancel:o1" }, system, state.refunds[0]!.expectedArrivalAt, US)));
    return { state: arrived, when: at(30 * DAY) };
  }, { type: "DELAY_REFUND", refundKey: "cancel:o1" }, system, "refundKey", /refund is Arrived/],
  ["a receipt rejected for a reason that is not a receipt reason", () => {
    const { start, t } = delivered();
    const { state } = play(start, [
      [{ type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "defective", description: "", photoCount: 1 }, buyer, t(1)],
      [{ type: "APPROVE_RETURN" }, seller, t(2)],
      [{ type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "UPS", trackingNumber: "1Z999AA10123456784" }, buyer, t(3)],
      [{ type: "RETURN_PARCEL_DELIVERED" }, system, t(75)],
    ]);
    return { state, when: t(76) };
  }, { type: "REJECT_RETURNED_PARCEL", reasonKey: "out_of_stock", photoCount: 2 }, seller, "reasonKey", /Choose a reason from the list/],
  ["a decision on a dispute that does not exist", () => { const e = escalated(); return { state: e.state, when: e.t(4) }; }, { type: "DECIDE_DISPUTE", disputeId: "nope", outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: "A long enough rationale." }, support, "disputeId", /no such dispute/],
  ["an appeal of a dispute that is still open", () => {
    const a = appealed();
    const open = { ...a.state.disputes[0]!, id: "o1-dispute-2", status: "OPEN" as const, decision: null, appeal: null };
    const decidedOther = { ...a.state.disputes[0]!, id: "o1-dispute-3", status: "DECIDED_FOR_BUYER" as const, appeal: null };
    return { state: { ...a.state, disputes: [open, decidedOther] }, when: a.t(6) };
  }, { type: "APPEAL_DECISION", disputeId: "o1-dispute-2", statement: "Too early" }, seller, "disputeId", /This dispute is “Open/],
  ["a partial amount on a cancel dispute", () => {
    const { state } = play(
      order("AWAITING_SHIPMENT", {}, POLICIES.GLOBAL),
      [
        [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
        [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, at(3 * HOUR)],
        [{ type: "ESCALATE", subject: "CANCEL_REQUEST", statement: "Asked early.", photoCount: 0 }, buyer, at(4 * HOUR)],
      ],
      POLICIES.GLOBAL,
    );
    return { state, when: at(5 * HOUR) };
  }, { type: "DECIDE_DISPUTE", disputeId: "o1-dispute-1", outcome: "BUYER", amountMinor: 100, returnRequired: false, rationale: "A long enough rationale." }, support, "amount", /decided in full/],
  // A timer left behind for a refund that is not there (the store was edited by hand) is refused, not obeyed.
  ["an arrival timer for a refund that does not exist", () => ({ state: { ...order("CANCELLED"), deadlines: { "REFUND_ARRIVAL:nope": at(0) } }, when: at(30 * DAY) }), { type: "REFUND_ARRIVED", refundKey: "nope" }, system, "refundKey", /no such refund/],
  ["an overdue timer for a refund that does not exist", () => ({ state: { ...order("CANCELLED"), deadlines: { "REFUND_OVERDUE:nope": at(0) } }, when: at(30 * DAY) }), { type: "REFUND_OVERDUE", refundKey: "nope" }, system, "refundKey", /no such refund/],
  ["a reminder for something that is not a reminder", () => ({ state: { ...order("AWAITING_SHIPMENT"), deadlines: { DISPATCH: at(0) } }, when: at(DAY) }), { type: "SEND_REMINDER", deadline: "DISPATCH" }, system, "deadline", /not a reminder/],
];

describe("bad input is refused next to the field", () => {
  it.each(rows)("%s", (_, setup, command, actor, field, message) => {
    const { state, when } = setup();
    const result = decide(state, command, actor, when, US);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(inEnglish(result.error)).toMatchObject({ code: "VALIDATION", field });
    expect(say(result.error.reason)).toMatch(message);
  });
});
