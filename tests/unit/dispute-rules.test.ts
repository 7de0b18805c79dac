/** Disputes and appeals: docs/rules.md#disputes and the dispute rows of #deadlines. */
import { describe, expect, it } from "vitest";
import { POLICIES, decide, evolve, type Decision, type Policy } from "@/lib/order";
import { DAY, HOUR, at, buyer, must, order, play, refusal, say, seller, support, system } from "../support/order-state";

const US = POLICIES.US;
const GLOBAL = POLICIES.GLOBAL;
const agentB = { role: "SUPPORT" as const, id: "agent-2" };
const ledger = (decision: Decision) => decision.effects.flatMap((e) => (e.type === "LEDGER" ? e.postings.map((p) => `${e.kind} ${p.account} ${p.amountMinor}`) : []));
const refundOf = (decision: Decision) => decision.effects.find((e) => e.type === "REFUND");
const RATIONALE = "The photos clearly show the item arrived broken.";

/** A delivered order whose refund request the seller rejected, hours after delivery. */
function rejected(policy: Policy = US, caseType: "REFUND_ONLY" | "RETURN_AND_REFUND" = "REFUND_ONLY") {
  const start = order("DELIVERED", {}, policy);
  const d = start.deliveredAt!.getTime();
  const h = (hours: number) => new Date(d + hours * 3_600_000);
  const { state } = play(
    start,
    [
      [{ type: "REQUEST_RETURN", caseType, reasonKey: "damaged", description: "Broken", photoCount: 2 }, buyer, h(1)],
      [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, h(2)],
    ],
    policy,
  );
  return { state, h };
}

function escalated(policy: Policy = US, caseType: "REFUND_ONLY" | "RETURN_AND_REFUND" = "REFUND_ONLY") {
  const { state, h } = rejected(policy, caseType);
  const decision = must(decide(state, { type: "ESCALATE", subject: "CASE", statement: "It is clearly broken.", photoCount: 3 }, buyer, h(3), policy));
  return { state: evolve(state, decision), decision, h, disputeId: decision.dispute!.id };
}

describe("filing a dispute", () => {
  it("after a rejected request, within 48 h: the case is escalated and the filing window closes", () => {
    const { decision, h } = escalated();
    expect(decision.dispute).toMatchObject({ subject: "CASE", status: "OPEN", decideBy: h(3 + 48), statements: [{ party: "BUYER", photoCount: 3 }] });
    expect(decision.returnCase?.status).toBe("ESCALATED");
    expect(decision.deadlines.close).toContain("DISPUTE_FILING");
  });

  it("not after the filing window closed the case", () => {
    const { state, h } = rejected();
    const closed = evolve(state, must(decide(state, { type: "DISPUTE_FILING_TIMEOUT" }, system, h(2 + 48), US)));
    expect(refusal(decide(closed, { type: "ESCALATE", subject: "CASE", statement: "Too late?", photoCount: 0 }, buyer, h(51), US))?.code).toBe("INVALID_TRANSITION");
  });

  it("one dispute per case: no re-arbitration", () => {
    const { state, h, disputeId } = escalated();
    const decided = evolve(state, must(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(10), US)));
    expect(refusal(decide(decided, { type: "ESCALATE", subject: "CASE", statement: "Again", photoCount: 0 }, buyer, h(11), US))?.code).toBe("INVALID_TRANSITION");
  });

  it("both sides add statements and evidence while it is open; support sees them in order", () => {
    const { state, h, disputeId } = escalated();
    const { state: after } = play(state, [
      [{ type: "ADD_DISPUTE_STATEMENT", disputeId, statement: "The buyer dropped it.", photoCount: 2 }, seller, h(4)],
      [{ type: "ADD_DISPUTE_STATEMENT", disputeId, statement: "No, it came like that.", photoCount: 1 }, buyer, h(5)],
    ]);
    expect(after.disputes[0]!.statements.map((s) => s.party)).toEqual(["BUYER", "SELLER", "BUYER"]);
    expect(refusal(decide(after, { type: "ADD_DISPUTE_STATEMENT", disputeId, statement: "", photoCount: 0 }, seller, h(6), US))).toMatchObject({ code: "VALIDATION", field: "statement" });
  });

  it.each([
    ["US", US],
    ["global", GLOBAL],
  ] as const)("rule: %s: a rejected cancel request can be escalated, and while it is open the order cannot ship", (_, policy) => {
    const start = order("AWAITING_SHIPMENT", {}, policy);
    const { state } = play(
      start,
      [
        [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
        [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, at(3 * HOUR)],
        [{ type: "ESCALATE", subject: "CANCEL_REQUEST", statement: "I asked within hours.", photoCount: 0 }, buyer, at(4 * HOUR)],
      ],
      policy,
    );
    expect(state.disputes[0]).toMatchObject({ subject: "CANCEL_REQUEST", status: "OPEN" });
    expect(refusal(decide(state, { type: "ARRANGE_SHIPMENT" }, seller, at(5 * HOUR), policy))?.reason).toMatch(/can't ship while platform support is deciding/);
    const decided = must(decide(state, { type: "DECIDE_DISPUTE", disputeId: state.disputes[0]!.id, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, at(6 * HOUR), policy));
    expect(decided.to).toBe("CANCELLED");
    expect(decided.patch.cancellation).toMatchObject({ byRole: "SUPPORT", reasonKey: "no_longer_needed" });
    expect(refundOf(decided)?.totalMinor).toBe(start.totalMinor);
  });

  it("an overdue refund can be escalated; support pays it to the platform wallet instead (platform → the buyer's wallet)", () => {
    const cancelled = order("CANCELLED");
    const { state } = play(cancelled, [
      [{ type: "DELAY_REFUND", refundKey: "cancel:o1" }, system, at(DAY)],
      [{ type: "REFUND_OVERDUE", refundKey: "cancel:o1" }, system, cancelled.deadlines["REFUND_OVERDUE:cancel:o1"]!],
      [{ type: "ESCALATE", subject: "REFUND", refundKey: "cancel:o1", statement: "Nothing on my card.", photoCount: 0 }, buyer, at(12 * DAY)],
    ]);
    const decision = must(decide(state, { type: "DECIDE_REFUND_DISPUTE", disputeId: state.disputes[0]!.id, outcome: "BUYER", rationale: "The card network lost the payment." }, support, at(12 * DAY + HOUR), US));
    expect(decision.refundUpdate).toMatchObject({ key: "cancel:o1", status: "REISSUED" });
    expect(refundOf(decision)).toMatchObject({ idempotencyKey: "remedy:cancel:o1", destination: "WALLET", arrived: true, totalMinor: 5499 });
    expect(ledger(decision)).toEqual(["RECALL buyer:b1 -5499", "RECALL platform 5499", "REMEDY platform -5499", "REMEDY wallet:b1 5499"]);
    expect(decision.dispute?.status).toBe("CLOSED");
    expect(decision.to).toBe("CANCELLED");
  });
});

describe("deciding", () => {
  it("a rationale is required", () => {
    const { state, h, disputeId } = escalated();
    expect(refusal(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "ok" }, support, h(5), US))).toMatchObject({ code: "VALIDATION", field: "rationale" });
  });

  it("for the buyer, in full: refunded now; the seller may appeal within 7 days", () => {
    const { state, h, disputeId } = escalated();
    const decision = must(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(5), US));
    expect(refundOf(decision)).toMatchObject({ totalMinor: 5499 });
    expect(decision.dispute).toMatchObject({ status: "DECIDED_FOR_BUYER", decision: { outcome: "BUYER", agentId: "agent-1", refundedMinor: 5499 } });
    expect(decision.deadlines.open).toContainEqual({ kind: "APPEAL_WINDOW", ref: disputeId, dueAt: h(5 + 7 * 24) });
  });

  it("for the buyer, a partial amount: never more than what is left", () => {
    const { state, h, disputeId } = escalated();
    expect(refusal(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: 6000, returnRequired: false, rationale: RATIONALE }, support, h(5), US))).toMatchObject({ field: "amount" });
    const decision = must(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: 2000, returnRequired: false, rationale: RATIONALE }, support, h(5), US));
    expect(refundOf(decision)).toMatchObject({ totalMinor: 2000 });
  });

  it("for the buyer with the return required: refunded when the parcel reaches the seller, without inspection", () => {
    const { state, h, disputeId } = escalated(US, "RETURN_AND_REFUND");
    const { state: after, decisions } = play(state, [
      [{ type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: true, rationale: RATIONALE }, support, h(5)],
      [{ type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "USPS", trackingNumber: "9400111899223334445566" }, buyer, h(6)],
      [{ type: "RETURN_PARCEL_DELIVERED" }, system, h(6 + 72)],
    ]);
    expect(decisions[0]!.returnCase).toMatchObject({ status: "AWAITING_SHIPBACK", refundOnArrival: true });
    expect(refundOf(decisions[0]!)).toBeUndefined();
    expect(decisions[2]!.returnCase?.status).toBe("REFUNDED");
    expect(after.status).toBe("COMPLETED");
  });

  it("for the seller: the case closes, nothing is refunded, there is no appeal", () => {
    const { state, h, disputeId } = escalated();
    const decision = must(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(5), US));
    expect(decision.returnCase?.status).toBe("CLOSED");
    expect(refundOf(decision)).toBeUndefined();
    expect(decision.dispute?.status).toBe("DECIDED_FOR_SELLER");
    expect(refusal(decide(evolve(state, decision), { type: "APPEAL_DECISION", disputeId, statement: "Me too" }, seller, h(6), US))?.code).toBe("INVALID_TRANSITION");
  });
});

describe("appeals", () => {
  function decidedForBuyer() {
    const { state, h, disputeId } = escalated();
    const decided = evolve(state, must(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(5), US)));
    return { state: decided, h, disputeId };
  }

  it("the seller appeals within 7 days; a different agent decides; the same agent is refused", () => {
    const { state, h, disputeId } = decidedForBuyer();
    const appealed = evolve(state, must(decide(state, { type: "APPEAL_DECISION", disputeId, statement: "The buyer broke it." }, seller, h(24), US)));
    expect(appealed.disputes[0]!.status).toBe("APPEALED");
    expect(refusal(decide(appealed, { type: "DECIDE_APPEAL", disputeId, outcome: "OVERTURN", rationale: RATIONALE }, support, h(30), US))?.reason).toMatch(/different agent/);
    expect(must(decide(appealed, { type: "DECIDE_APPEAL", disputeId, outcome: "UPHOLD", rationale: RATIONALE }, agentB, h(30), US)).dispute?.status).toBe("APPEAL_UPHELD");
  });

  it("the seller wins after the buyer was refunded: the buyer keeps the refund, the platform compensates the seller", () => {
    const { state, h, disputeId } = decidedForBuyer();
    const appealed = evolve(state, must(decide(state, { type: "APPEAL_DECISION", disputeId, statement: "The buyer broke it." }, seller, h(24), US)));
    const decision = must(decide(appealed, { type: "DECIDE_APPEAL", disputeId, outcome: "OVERTURN", rationale: "New evidence shows damage after delivery." }, agentB, h(30), US));
    expect(decision.dispute?.status).toBe("APPEAL_OVERTURNED");
    expect(ledger(decision)).toEqual(["COMPENSATION platform -5499", "COMPENSATION seller:s1 5499"]);
    // The order is complete (fully refunded) and stays so: an appeal moves money, never the status.
    expect(decision.to).toBe(appealed.status);
    expect(appealed.status).toBe("COMPLETED");
  });

  it("no appeal within 7 days: the decision stands", () => {
    const { state, h, disputeId } = decidedForBuyer();
    expect(refusal(decide(state, { type: "APPEAL_WINDOW_END", disputeId }, system, new Date(h(5 + 7 * 24).getTime() - 60_000), US))?.code).toBe("INVALID_TRANSITION");
    const closed = must(decide(state, { type: "APPEAL_WINDOW_END", disputeId }, system, h(5 + 7 * 24), US));
    expect(closed.dispute?.status).toBe("CLOSED");
    expect(refusal(decide(evolve(state, closed), { type: "APPEAL_DECISION", disputeId, statement: "Late" }, seller, h(5 + 7 * 24 + 1), US))?.code).toBe("INVALID_TRANSITION");
  });

  it("an appeal won before the required return happened: the return is no longer owed and the order can complete", () => {
    const { state, h, disputeId } = escalated(US, "RETURN_AND_REFUND");
    const { state: after } = play(state, [
      [{ type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: true, rationale: RATIONALE }, support, h(5)],
      [{ type: "APPEAL_DECISION", disputeId, statement: "It works fine." }, seller, h(6)],
      [{ type: "DECIDE_APPEAL", disputeId, outcome: "OVERTURN", rationale: "The item works fine on video." }, agentB, h(7)],
    ]);
    expect(after.returnCase?.status).toBe("CLOSED");
    expect(after.escrowMinor).toBe(5499);
    expect(after.deadlines.RETURN_WINDOW).toBeDefined();
    const completed = must(decide(after, { type: "COMPLETE_ORDER" }, system, after.deadlines.RETURN_WINDOW!, US));
    expect(completed.to).toBe("COMPLETED");
  });
});

it("a dispute on an order whose window ended is decided, then the order completes", () => {
  const { state, h, disputeId } = escalated();
  const windowEnded = evolve(state, must(decide(state, { type: "COMPLETE_ORDER" }, system, state.returnWindowEndsAt!, US)));
  expect(windowEnded.status).toBe("DELIVERED");
  const decision = must(decide(windowEnded, { type: "DECIDE_DISPUTE", disputeId, outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(31 * 24), US));
  expect(decision.to).toBe("COMPLETED");
  expect(ledger(decision)).toEqual(["SETTLEMENT escrow -5499", "SETTLEMENT seller:s1 5499"]);
});


describe("support's casework", () => {
  const take = (disputeId: string, reason = "") => ({ type: "TAKE_DISPUTE" as const, disputeId, reason });

  it("one agent works a case at a time: taken, then taken over only with a reason; the holder alone decides", () => {
    const { state, h, disputeId } = escalated();
    const taken = must(decide(state, take(disputeId), support, h(4), US));
    expect(taken.dispute?.assignee).toEqual({ agentId: support.id, at: h(4) });
    expect(taken.dispute?.status).toBe("OPEN");
    expect(say(taken.event.summary)).toBe("A platform support agent took this dispute.");
    expect(taken.effects).toEqual([]);
    const held = evolve(state, taken);

    expect(refusal(decide(held, take(disputeId), support, h(5), US))).toMatchObject({ code: "INVALID_TRANSITION", reason: "You have this case." });
    expect(refusal(decide(held, take(disputeId, "mine"), agentB, h(5), US))).toMatchObject({ field: "reason", reason: expect.stringMatching(/Say why you are taking this case over/) });
    const decideIt = { type: "DECIDE_DISPUTE" as const, disputeId, outcome: "BUYER" as const, amountMinor: null, returnRequired: false, rationale: RATIONALE };
    // The page says why, before anyone fills the form.
    expect(refusal(decide(held, decideIt, agentB, h(5), US))).toMatchObject({ code: "INVALID_TRANSITION", reason: expect.stringMatching(/Another agent has taken this case/) });

    const over = must(decide(held, take(disputeId, "Sue is away until Monday."), agentB, h(6), US));
    expect(over.dispute?.assignee?.agentId).toBe(agentB.id);
    expect(over.event).toMatchObject({ type: "DISPUTE_TAKEN", data: { disputeId, fromAgentId: support.id } });
    expect(say(over.event.summary)).toContain("Sue is away until Monday.");
    const reassigned = evolve(held, over);
    expect(refusal(decide(reassigned, decideIt, support, h(7), US))?.reason).toMatch(/Another agent/);
    expect(must(decide(reassigned, decideIt, agentB, h(7), US)).dispute?.status).toBe("DECIDED_FOR_BUYER");
  });

  it("an appeal goes back to nobody, and the first decider can neither take it nor decide it", () => {
    const { state, h, disputeId } = escalated();
    const { state: appealed } = play(state, [
      [take(disputeId), support, h(4)],
      [{ type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(5)],
      [{ type: "APPEAL_DECISION", disputeId, statement: "The buyer broke it." }, seller, h(6)],
    ]);
    expect(appealed.disputes[0]!.assignee).toBeNull();
    expect(refusal(decide(appealed, take(disputeId), support, h(7), US))?.reason).toMatch(/different agent must decide this appeal/);
    const taken = evolve(appealed, must(decide(appealed, take(disputeId), agentB, h(7), US)));
    expect(taken.disputes[0]!.assignee?.agentId).toBe(agentB.id);
    expect(must(decide(taken, { type: "DECIDE_APPEAL", disputeId, outcome: "UPHOLD", rationale: RATIONALE }, agentB, h(8), US)).dispute?.status).toBe("APPEAL_UPHELD");
  });

  it("a buyer or a seller cannot take a case, and a decided one cannot be taken", () => {
    const { state, h, disputeId } = escalated();
    expect(refusal(decide(state, take(disputeId), buyer, h(4), US))?.code).toBe("FORBIDDEN");
    expect(refusal(decide(state, take(disputeId), seller, h(4), US))?.code).toBe("FORBIDDEN");
    const decided = evolve(state, must(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(5), US)));
    expect(refusal(decide(decided, take(disputeId), agentB, h(6), US))?.code).toBe("INVALID_TRANSITION");
  });

  it("support asks a party for more information: notified, a 48 h target, answered by that party's next statement", () => {
    const { state, h, disputeId } = escalated();
    const ask = { type: "ASK_FOR_INFORMATION" as const, disputeId, party: "SELLER" as const, question: "Please send the courier's proof of delivery." };
    expect(refusal(decide(state, { ...ask, question: "Why?" }, support, h(4), US))).toMatchObject({ field: "question", reason: expect.stringMatching(/at least 10/) });
    expect(refusal(decide(state, { ...ask, party: "CARRIER" as never }, support, h(4), US))).toMatchObject({ field: "party", reason: expect.stringMatching(/buyer or the seller/) });
    const asked = must(decide(state, ask, support, h(4), US));
    expect(asked.dispute?.infoRequest).toEqual({ party: "SELLER", question: ask.question, at: h(4), answerBy: h(4 + 48), answeredAt: null });
    expect(asked.effects).toEqual([expect.objectContaining({ type: "NOTIFY", audience: "SELLER", kind: "INFORMATION_REQUESTED" })]);
    // No timer: nothing is opened that acts on the answer target.
    expect(asked.deadlines.open).toEqual([]);
    const waiting = evolve(state, asked);
    const byBuyer = evolve(waiting, must(decide(waiting, { type: "ADD_DISPUTE_STATEMENT", disputeId, statement: "Still broken.", photoCount: 0 }, buyer, h(5), US)));
    expect(byBuyer.disputes[0]!.infoRequest?.answeredAt).toBeNull();
    const bySeller = must(decide(byBuyer, { type: "ADD_DISPUTE_STATEMENT", disputeId, statement: "Here is the courier's photo.", photoCount: 1 }, seller, h(6), US));
    expect(bySeller.dispute?.infoRequest?.answeredAt).toEqual(h(6));
    // Held by another agent: asking is refused like deciding.
    const held = evolve(state, must(decide(state, take(disputeId), agentB, h(4), US)));
    expect(refusal(decide(held, ask, support, h(5), US))?.reason).toMatch(/Another agent/);
  });
});
