/** Support's casework at the edges: several disputes on one order, every refusal it can give, and previews of each kind of effect. */
import { describe, expect, it } from "vitest";
import { POLICIES, decide, previewDisputeOutcomes, supportQueueKind, type Actor, type DisputeState, type OrderState } from "@/lib/order";
import { DAY, HOUR, at, buyer, must, order, play, refusal, seller, support, inEnglish } from "../support/order-state";

const US = POLICIES.US;
const agentB: Actor = { role: "SUPPORT", id: "agent-2" };
const take = (disputeId: string, reason = "") => ({ type: "TAKE_DISPUTE" as const, disputeId, reason });

function dispute(id: string, status: DisputeState["status"], extra: Partial<DisputeState> = {}): DisputeState {
  return {
    id,
    subject: "REFUND",
    subjectRef: `r-${id}`,
    status,
    openedAt: at(4 * DAY),
    decideBy: at(6 * DAY),
    statements: [],
    decision: status === "OPEN" ? null : { outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "Paid to the wallet instead.", agentId: String(support.id), at: at(4 * DAY), refundedMinor: 0 },
    appeal: status === "APPEALED" ? { statement: "Not my fault", at: at(5 * DAY), outcome: null, rationale: null, agentId: null, decidedAt: null } : null,
    assignee: null,
    infoRequest: null,
    ...extra,
  };
}
const withDisputes = (...disputes: DisputeState[]): OrderState => ({ ...order("DELIVERED"), disputes });
const mine = { agentId: String(support.id), at: at(5 * DAY) };
const theirs = { agentId: String(agentB.id), at: at(5 * DAY) };
const now = at(5 * DAY + HOUR);

describe("taking a case, at the edges", () => {
  it("nothing waits, or only what the agent already has: nothing to take, quietly", () => {
    expect(refusal(decide(withDisputes(dispute("d1", "CLOSED")), take("d1"), support, now, US))).toMatchObject({ code: "INVALID_TRANSITION", reason: "There is no dispute waiting for support." });
    expect(refusal(decide(withDisputes(dispute("d1", "OPEN", { assignee: mine })), take("d1"), support, now, US))?.reason).toBe("You have this case.");
  });

  it("with two cases on the order: the one the agent has, an appeal of their own decision, one that does not exist", () => {
    const state = withDisputes(dispute("d1", "OPEN", { assignee: mine }), dispute("d2", "APPEALED"), dispute("d3", "OPEN"));
    expect(refusal(decide(state, take("d1"), support, now, US))).toMatchObject({ field: "disputeId", reason: "You already have this case." });
    expect(refusal(decide(state, take("d2"), support, now, US))).toMatchObject({ field: "disputeId", reason: expect.stringMatching(/different agent must decide this appeal/) });
    expect(refusal(decide(state, take("nope"), support, now, US))).toMatchObject({ field: "disputeId", reason: "There is no such dispute on this order." });
    expect(must(decide(state, take("d3"), support, now, US)).dispute?.assignee).toEqual({ agentId: support.id, at: now });
    // Only an appeal of the agent's own decision waits: the page says why they cannot take it.
    expect(refusal(decide(withDisputes(dispute("d2", "APPEALED")), take("d2"), support, now, US))?.reason).toMatch(/different agent must decide this appeal/);
  });

  it("a take-over's reason has a length, like every note", () => {
    const state = withDisputes(dispute("d1", "OPEN", { assignee: theirs }));
    expect(refusal(decide(state, take("d1", "x".repeat(501)), support, now, US))).toMatchObject({ field: "reason", reason: "Keep it under 500 characters." });
  });
});

describe("deciding and asking on cases another agent has", () => {
  it("an appeal another agent took: the guard says so; with two appeals, the one taken is refused by name", () => {
    const taken = dispute("d1", "APPEALED", { decision: { ...dispute("d1", "DECIDED_FOR_BUYER").decision!, agentId: "agent-9" }, assignee: theirs });
    const decideIt = (id: string) => ({ type: "DECIDE_APPEAL" as const, disputeId: id, outcome: "UPHOLD" as const, rationale: "The photos support the buyer's claim." });
    expect(refusal(decide(withDisputes(taken), decideIt("d1"), support, now, US))?.reason).toMatch(/Another agent has taken this case/);
    const state = withDisputes(taken, { ...taken, id: "d2", subjectRef: "r-d2", assignee: null });
    expect(refusal(decide(state, decideIt("d1"), support, now, US))).toMatchObject({ field: "disputeId", reason: expect.stringMatching(/Another agent/) });
    expect(must(decide(state, decideIt("d2"), support, now, US)).dispute?.status).toBe("APPEAL_UPHELD");
  });

  it("asking: about a case another agent has, or one that is no longer open", () => {
    const state = withDisputes(dispute("d1", "OPEN", { assignee: theirs }), dispute("d2", "OPEN"), dispute("d3", "CLOSED"));
    const ask = (id: string) => ({ type: "ASK_FOR_INFORMATION" as const, disputeId: id, party: "BUYER" as const, question: "When did you last see the parcel?" });
    expect(refusal(decide(state, ask("d1"), support, now, US))).toMatchObject({ field: "disputeId", reason: expect.stringMatching(/Another agent/) });
    expect(refusal(decide(state, ask("d3"), support, now, US))).toMatchObject({ field: "disputeId", reason: "This dispute is “Closed”." });
    expect(must(decide(state, ask("d2"), support, now, US)).dispute?.infoRequest?.party).toBe("BUYER");
  });
});

describe("queue kinds and previews, at the edges", () => {
  it("an open case dispute whose case is not the order's current one counts as a rejected request", () => {
    expect(supportQueueKind({ returnCase: null }, { status: "OPEN", subject: "CASE", subjectRef: "o1-case-1" })).toBe("REQUEST_REJECTED");
  });

  it("a wallet refund arrives at once; a decided dispute has nothing to preview", () => {
    const delivered = order("DELIVERED", { paymentMethod: "WALLET" }, US);
    const d = delivered.deliveredAt!.getTime();
    const h = (hours: number) => new Date(d + hours * 3_600_000);
    const { state } = play(delivered, [
      [{ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "Broken", photoCount: 1 }, buyer, h(1)],
      [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, h(2)],
      [{ type: "ESCALATE", subject: "CASE", statement: "Broken.", photoCount: 0 }, buyer, h(3)],
    ]);
    const [forBuyer] = previewDisputeOutcomes(state, state.disputes[0]!.id, support, h(4), US);
    expect(inEnglish(forBuyer!.effects[0])).toBe("The buyer gets $54.99 in their platform wallet at once.");
    const decided = withDisputes(dispute("d1", "DECIDED_FOR_BUYER"));
    expect(inEnglish(previewDisputeOutcomes(decided, "d1", support, now, US))).toEqual([]);
  });

  it("an overdue refund: paid to the wallet, or dismissed", () => {
    const state = withDisputes(dispute("d1", "OPEN"));
    const overdue = { ...state, refunds: [{ key: "r-d1", totalMinor: 5499, destination: "CARD" as const, status: "OVERDUE" as const, expectedArrivalAt: at(2 * DAY) }] };
    const previews = previewDisputeOutcomes(overdue, "d1", support, now, US);
    expect(inEnglish(previews.map((p) => [p.label, p.effects]))).toEqual([
      ["Pay it to the buyer's platform wallet", ["The buyer gets $54.99 in their platform wallet at once.", "Final: no appeal."]],
      ["Dismiss", ["Nothing is refunded.", "Final: no appeal."]],
    ]);
  });
});

describe("previews of money moving elsewhere", () => {
  const MS_HOUR = 3_600_000;

  it("decided for the seller after the return window ended: the seller is paid from escrow and the order completes", () => {
    const delivered = order("DELIVERED", {}, US);
    const h = (hours: number) => new Date(delivered.deliveredAt!.getTime() + hours * MS_HOUR);
    const { state } = play(delivered, [
      [{ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "Broken", photoCount: 1 }, buyer, h(29 * 24)],
      [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, h(29 * 24 + 1)],
      [{ type: "ESCALATE", subject: "CASE", statement: "Broken.", photoCount: 0 }, buyer, h(29 * 24 + 2)],
    ]);
    const forSeller = previewDisputeOutcomes(state, state.disputes[0]!.id, support, h(31 * 24), US).find((p) => p.outcome === "SELLER")!;
    expect(inEnglish(forSeller.effects)).toEqual(["Nothing is refunded.", "The seller is paid $54.99 from escrow.", "The order becomes “Completed”.", "Final: no appeal."]);
  });
});
