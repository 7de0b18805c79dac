/** The engine's smaller promises: lookups, fallbacks and the less travelled branches of the rules. */
import { describe, expect, it } from "vitest";
import {
  POLICIES,
  checkTransitionGraph,
  commandForDeadline,
  decide,
  evolve,
  machineGraphs,
  maxPartialOffer,
  parseDeadlineKey,
  policyFor,
  reasonLabel,
  subtractHours,
  toMermaid,
  TRANSITIONS,
} from "@/lib/order";
import { DAY, HOUR, at, buyer, must, order, play, seller, support, system, say, inEnglish } from "../support/order-state";

const US = POLICIES.US;
const GLOBAL = POLICIES.GLOBAL;

describe("lookups and fallbacks", () => {
  it("deadline keys: known kinds with or without a ref; anything else is unknown", () => {
    expect(parseDeadlineKey("REFUND_ARRIVAL:cancel:o1")).toEqual({ kind: "REFUND_ARRIVAL", ref: "cancel:o1" });
    expect(parseDeadlineKey("PAYMENT")).toEqual({ kind: "PAYMENT" });
    expect(parseDeadlineKey("BOGUS:1")).toBeNull();
    expect(commandForDeadline("BOGUS")).toBeNull();
    expect(commandForDeadline("APPEAL_WINDOW:o1-dispute-1")).toEqual({ type: "APPEAL_WINDOW_END", disputeId: "o1-dispute-1" });
  });

  it("an unknown policy profile falls back to the US marketplace", () => {
    expect(policyFor("MARS")).toBe(POLICIES.US);
    expect(policyFor("GLOBAL")).toBe(POLICIES.GLOBAL);
  });

  it("only hour durations can be counted backwards (reminders)", () => {
    expect(subtractHours(at(0), { hours: 2 })).toEqual(at(-120));
    expect(() => subtractHours(at(0), { days: 1 })).toThrow(/hour durations/);
  });

  it("reason labels: empty for none, the key itself for an unknown one", () => {
    expect(say(reasonLabel("retired_reason"))).toBe("retired_reason");
    expect(inEnglish(reasonLabel("out_of_stock"))).toBe("Out of stock");
    expect(inEnglish(reasonLabel("legacy_key"))).toBe("legacy_key");
  });

  it("no case, no partial offer", () => {
    expect(maxPartialOffer(order("DELIVERED"), US)).toBe(0);
  });

  it("an unknown auto-approve window counts as off", () => {
    const state = order("AWAITING_SHIPMENT", { autoApproveWindow: "WHENEVER" });
    expect(inEnglish(decide(state, { type: "BUYER_CANCEL", reasonKey: "other" }, buyer, at(61), US))).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
  });

  it("the graph check also catches a deadline whose command is not the system's", () => {
    expect(checkTransitionGraph(TRANSITIONS, { PAYMENT: () => ({ type: "PAY" }) })).toContain("deadline PAYMENT: PAY is not a system command");
  });

  it("draws the refund machine, whose creation is shown without a command", () => {
    const text = toMermaid(machineGraphs().find((graph) => graph.name === "refund")!);
    expect(text).toContain("[*] --> PENDING\n");
    expect(text).toContain("OVERDUE --> REISSUED: DECIDE_REFUND_DISPUTE");
  });
});

describe("timers", () => {
  it("a timer command with no open deadline is refused quietly", () => {
    const state = { ...order("IN_TRANSIT"), deadlines: {} };
    expect(inEnglish(decide(state, { type: "CARRIER_DELIVER" }, system, at(10 * DAY), US))).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION", reason: "There is no open deadline “Delivery expected by”." } });
  });

  it("a reminder that would already be past is not opened (the remorse timer ran two days late)", () => {
    const decision = must(decide(order("ON_HOLD"), { type: "END_REMORSE_WINDOW" }, system, at(3 * DAY), US));
    // The dispatch reminder would be past already; the auto-cancel's (issue 27, R8) is still days ahead.
    expect(decision.deadlines.open.map((d) => d.kind)).toEqual(["DISPATCH", "DISPATCH_AUTO_CANCEL", "DISPATCH_AUTO_CANCEL_REMINDER"]);
  });
});

describe("less travelled rules", () => {
  it("support cancelling while a cancel request is pending approves it on the buyer's behalf", () => {
    const { state } = play(order("AWAITING_SHIPMENT"), [[{ type: "REQUEST_CANCEL", reasonKey: "better_price" }, buyer, at(2 * HOUR)]]);
    const decision = must(decide(state, { type: "OPERATOR_CANCEL", reasonKey: "potential_fraud" }, support, at(3 * HOUR), US));
    expect(decision.cancelRequest?.status).toBe("AUTO_APPROVED");
  });

  it("global change of mind: the platform pays the return postage; nothing is posted for it", () => {
    const start = order("DELIVERED", {}, GLOBAL);
    const t = (hours: number) => new Date(start.deliveredAt!.getTime() + hours * 3_600_000);
    const { decisions } = play(
      start,
      [
        [{ type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind", description: "", photoCount: 0 }, buyer, t(1)],
        [{ type: "APPROVE_RETURN" }, seller, t(2)],
        [{ type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "DHL", trackingNumber: "JD014600006281234567" }, buyer, t(3)],
        [{ type: "RETURN_PARCEL_DELIVERED" }, system, t(75)],
        [{ type: "ACCEPT_RETURNED_PARCEL" }, seller, t(76)],
      ],
      GLOBAL,
    );
    const accepted = decisions[4]!;
    expect(say(accepted.event.summary)).toContain("Return postage is paid by the platform.");
    expect(accepted.effects.flatMap((e) => (e.type === "LEDGER" ? [e.kind] : []))).toEqual(["REFUND", "SETTLEMENT"]);
  });

  it("an overturned appeal after the required return was shipped: the parcel is inspected as usual", () => {
    const start = order("DELIVERED");
    const t = (hours: number) => new Date(start.deliveredAt!.getTime() + hours * 3_600_000);
    const agentB = { role: "SUPPORT" as const, id: "agent-2" };
    const { state } = play(start, [
      [{ type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "defective", description: "", photoCount: 1 }, buyer, t(1)],
      [{ type: "REJECT_RETURN", reasonKey: "used_or_worn" }, seller, t(2)],
      [{ type: "ESCALATE", subject: "CASE", statement: "It never worked.", photoCount: 1 }, buyer, t(3)],
      [{ type: "DECIDE_DISPUTE", disputeId: "o1-dispute-1", outcome: "BUYER", amountMinor: null, returnRequired: true, rationale: "Defective on the buyer's video." }, support, t(4)],
      [{ type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "UPS", trackingNumber: "1Z999AA10123456784" }, buyer, t(5)],
      [{ type: "APPEAL_DECISION", disputeId: "o1-dispute-1", statement: "It works here." }, seller, t(6)],
      [{ type: "DECIDE_APPEAL", disputeId: "o1-dispute-1", outcome: "OVERTURN", rationale: "Works on the seller's bench test." }, agentB, t(7)],
    ]);
    expect(state.returnCase).toMatchObject({ status: "RETURN_SHIPPED", refundOnArrival: false });
    const arrived = must(decide(state, { type: "RETURN_PARCEL_DELIVERED" }, system, state.deadlines.RETURN_TRANSIT!, US));
    expect(arrived.returnCase?.status).toBe("AWAITING_INSPECTION");
  });

  it("evolve updates the dispute a decision touched and leaves the others", () => {
    const base = order("DELIVERED");
    const dispute = { id: "d1", subject: "REFUND" as const, subjectRef: "r1", status: "OPEN" as const, openedAt: at(0), decideBy: at(0), statements: [], decision: null, appeal: null, assignee: null, infoRequest: null };
    const state = { ...base, disputes: [dispute, { ...dispute, id: "d2", subjectRef: "r2" }] };
    const decision = { ...must(decide(base, { type: "COMPLETE_ORDER" }, system, base.returnWindowEndsAt!, US)), dispute: { ...dispute, status: "CLOSED" as const } };
    expect(evolve(state, decision).disputes.map((d) => `${d.id}:${d.status}`)).toEqual(["d1:CLOSED", "d2:OPEN"]);
  });
});
