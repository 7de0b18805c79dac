/**
 * Issue 27 (rule fidelity v3): the defects two audits found, each with a named test that failed on
 * the rules before the fix. DOMAIN.md "Disputes and appeals" states R3 and R4.
 */
import { rulesReference } from "@/lib/i18n/rules";
import { describe, expect, it } from "vitest";
import { POLICIES, actionViews, availableActions, decide, describeDuration, evolve, findReason, rateMetric, rateStatus, reasonsFor, type Decision, type Policy } from "@/lib/order";
import { DAY, HOUR, at, buyer, must, order, play, refusal, say, seller, support, system, inEnglish } from "../support/order-state";

const US = POLICIES.US;
const GLOBAL = POLICIES.GLOBAL;
const agentB = { role: "SUPPORT" as const, id: "agent-2" };
const RATIONALE = "Both sides were heard; the record decides it.";
const ledgerKinds = (decision: Decision) => decision.effects.flatMap((e) => (e.type === "LEDGER" ? [e.kind] : []));
const toSeller = (decision: Decision) =>
  decision.effects.flatMap((e) => (e.type === "LEDGER" ? e.postings.filter((p) => p.account.startsWith("seller:") && p.amountMinor > 0).map((p) => p.amountMinor) : []));

/** A cancel request the seller rejected, escalated, decided for the buyer (the order cancelled and refunded), and appealed. */
function appealedCancelDispute(policy: Policy, reasonKey = "no_longer_needed", askedAt = 2 * HOUR) {
  const start = order("AWAITING_SHIPMENT", {}, policy);
  const { state: escalated } = play(
    start,
    [
      [{ type: "REQUEST_CANCEL", reasonKey }, buyer, at(askedAt)],
      [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, at(askedAt + HOUR)],
      [{ type: "ESCALATE", subject: "CANCEL_REQUEST", statement: "I asked before it was packed.", photoCount: 0 }, buyer, at(askedAt + 2 * HOUR)],
    ],
    policy,
  );
  const disputeId = escalated.disputes[0]!.id;
  const decided = must(decide(escalated, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, at(askedAt + 3 * HOUR), policy));
  const { state } = play(evolve(escalated, decided), [[{ type: "APPEAL_DECISION", disputeId, statement: "It was packed when they asked." }, seller, at(askedAt + DAY)]], policy);
  return { state, disputeId, decided, start };
}

describe("R3: a won appeal pays only for what the seller lost", () => {
  it.each([
    ["US", US],
    ["global", GLOBAL],
  ] as const)("rule: %s: a cancel-request dispute's won appeal pays the seller nothing — the goods never left and are back in stock", (_, policy) => {
    const { state, disputeId, decided, start } = appealedCancelDispute(policy);
    expect(decided.to).toBe("CANCELLED");
    expect(state.status).toBe("CANCELLED");
    const granted = must(decide(state, { type: "DECIDE_APPEAL", disputeId, outcome: "OVERTURN", rationale: RATIONALE }, agentB, at(2 * DAY), policy));
    expect(granted.dispute?.status).toBe("APPEAL_OVERTURNED");
    // Before the fix: COMPENSATION platform → seller of the order's total.
    expect(ledgerKinds(granted)).not.toContain("COMPENSATION");
    expect(toSeller(granted)).toEqual([]);
    expect(granted.to).toBe("CANCELLED");
    expect(say(granted.event.summary)).toContain("nothing is paid to the seller (the goods never left)");
    expect(granted.event.summary).not.toContain(String(start.totalMinor / 100));
  });

  it("rule: the cancellation support decided stays the buyer's, not counted against the shop, before and after the appeal", () => {
    const { state, disputeId, decided } = appealedCancelDispute(US);
    // A request the seller could reject was made before the dispatch deadline: never the seller's fault.
    expect(decided.patch.cancellation).toMatchObject({ fault: "BUYER", byRole: "SUPPORT" });
    const granted = must(decide(state, { type: "DECIDE_APPEAL", disputeId, outcome: "OVERTURN", rationale: RATIONALE }, agentB, at(2 * DAY), US));
    expect(granted.patch.cancellation).toBeUndefined();
    expect(inEnglish(granted.effects.find((e) => e.type === "NOTIFY" && e.audience === "SELLER"))).toMatchObject({ body: expect.stringContaining("does not count against your shop") });
  });

  it("rule: a refund-only case's won appeal still compensates the seller for goods that left and did not come back", () => {
    const start = order("DELIVERED");
    const d = start.deliveredAt!.getTime();
    const h = (hours: number) => new Date(d + hours * 3_600_000);
    const { state: escalated } = play(start, [
      [{ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "Broken", photoCount: 1 }, buyer, h(1)],
      [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, h(2)],
      [{ type: "ESCALATE", subject: "CASE", statement: "It is broken.", photoCount: 1 }, buyer, h(3)],
    ]);
    const disputeId = escalated.disputes[0]!.id;
    const { state } = play(escalated, [
      [{ type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(4)],
      [{ type: "APPEAL_DECISION", disputeId, statement: "It left us whole." }, seller, h(24)],
    ]);
    const granted = must(decide(state, { type: "DECIDE_APPEAL", disputeId, outcome: "OVERTURN", rationale: RATIONALE }, agentB, h(30), US));
    expect(ledgerKinds(granted)).toContain("COMPENSATION");
    expect(toSeller(granted)).toEqual([state.disputes[0]!.decision!.refundedMinor]);
  });
});

describe("R4: a decision never gives what the request's reason does not allow", () => {
  /** A change-of-mind return the seller rejected before the buyer sent anything, escalated. */
  function changeOfMindDispute() {
    const start = order("DELIVERED");
    const d = start.deliveredAt!.getTime();
    const h = (hours: number) => new Date(d + hours * 3_600_000);
    const { state } = play(start, [
      [{ type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind", description: "", photoCount: 0 }, buyer, h(1)],
      [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, h(2)],
      [{ type: "ESCALATE", subject: "CASE", statement: "I am within the return window.", photoCount: 0 }, buyer, h(3)],
    ]);
    return { state, h, disputeId: state.disputes[0]!.id };
  }

  it("rule: a change of mind decided for the buyer requires the return: 'the buyer keeps the item' is refused next to the box", () => {
    const { state, h, disputeId } = changeOfMindDispute();
    const keep = refusal(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(4), US));
    expect(inEnglish(keep)).toMatchObject({ code: "VALIDATION", field: "returnRequired" });
    expect(say(keep?.reason)).toMatch(/refunded only against the item: require the return first/);
    const partialKeep = refusal(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: 500, returnRequired: false, rationale: RATIONALE }, support, h(4), US));
    expect(partialKeep).toMatchObject({ field: "returnRequired" });
    const withReturn = must(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: true, rationale: RATIONALE }, support, h(4), US));
    expect(withReturn.returnCase?.status).toBe("AWAITING_SHIPBACK");
    expect(withReturn.effects.some((e) => e.type === "REFUND")).toBe(false);
    // Deciding for the seller is always possible.
    expect(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(4), US).ok).toBe(true);
  });

  it("rule: a damaged item may still be refunded while the buyer keeps it (its reason allows a refund only)", () => {
    const start = order("DELIVERED");
    const d = start.deliveredAt!.getTime();
    const h = (hours: number) => new Date(d + hours * 3_600_000);
    const { state } = play(start, [
      [{ type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "damaged", description: "Cracked", photoCount: 1 }, buyer, h(1)],
      [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, h(2)],
      [{ type: "ESCALATE", subject: "CASE", statement: "Cracked on arrival.", photoCount: 1 }, buyer, h(3)],
    ]);
    expect(decide(state, { type: "DECIDE_DISPUTE", disputeId: state.disputes[0]!.id, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, h(4), US).ok).toBe(true);
  });
});

describe("R9: a late-parcel request is answered with reasons about a parcel still on its way", () => {
  it("rule: 'signs of use', 'tracking shows delivered' and 'not returnable' are not offered, nor accepted, before delivery", () => {
    const inTransit = reasonsFor("SELLER_REJECT_RETURN", "IN_TRANSIT").map((r) => r.key);
    expect(inTransit).toContain("shipping_on_schedule");
    expect(inTransit).not.toContain("used_or_worn");
    expect(inTransit).not.toContain("delivered_per_tracking");
    expect(inTransit).not.toContain("outside_policy");
    // After delivery the parcel is no longer "on schedule".
    expect(reasonsFor("SELLER_REJECT_RETURN", "DELIVERED").map((r) => r.key)).not.toContain("shipping_on_schedule");

    const start = order("IN_TRANSIT");
    const { state } = play(start, [
      [{ type: "DELAY_PARCEL" }, system, at(2 * DAY)],
      [{ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "wont_arrive_on_time", description: "", photoCount: 0 }, buyer, at(9 * DAY)],
    ]);
    for (const reasonKey of ["used_or_worn", "delivered_per_tracking"]) {
      expect(refusal(decide(state, { type: "REJECT_RETURN", reasonKey }, seller, at(9 * DAY + HOUR), US))).toMatchObject({ code: "VALIDATION", field: "reasonKey" });
    }
    expect(decide(state, { type: "REJECT_RETURN", reasonKey: "shipping_on_schedule" }, seller, at(9 * DAY + HOUR), US).ok).toBe(true);
  });
});

describe("R10: the platform's published keys and thresholds", () => {
  it("rule: reasons carry the platform's published keys", () => {
    expect(findReason("wont_arrive_on_time")?.platformKey).toBe("ecom_order_shipped_refund_reason_not_arrive_on_time");
    expect(findReason("changed_mind")?.platformKey).toBe("ecom_order_delivered_refund_and_return_reason_no_longer_needed_new");
  });

  it("rule: a seller-fault cancellation rate above 2.5% is a violation under US rules; the at-risk band up to 10% is late dispatch's", () => {
    expect(rateStatus(rateMetric("sfcr"), 1, 40)).toBe("MEETS");
    expect(rateStatus(rateMetric("sfcr"), 2, 40)).toBe("VIOLATION");
    expect(rateStatus(rateMetric("ldr"), 2, 40)).toBe("AT_RISK");
    expect(rateStatus(rateMetric("ldr"), 5, 40)).toBe("VIOLATION");
  });
});

describe("R8: a reminder before the dispatch auto-cancel", () => {
  it.each([
    ["US", US],
    ["global", GLOBAL],
  ] as const)("rule: %s: the seller is reminded 2 hours before an unshipped order is cancelled as their fault; shipping ends the reminder", (_, policy) => {
    const start = order("ON_HOLD", {}, policy);
    const { state } = play(start, [[{ type: "END_REMORSE_WINDOW" }, system, start.remorseEndsAt!]], policy);
    const due = state.deadlines.DISPATCH_AUTO_CANCEL!;
    expect(state.deadlines.DISPATCH_AUTO_CANCEL_REMINDER).toEqual(new Date(due.getTime() - 2 * 3_600_000));
    expect(decide(state, { type: "SEND_REMINDER", deadline: "DISPATCH_AUTO_CANCEL_REMINDER" }, system, new Date(due.getTime() - 2 * 3_600_000 - 60_000), policy).ok).toBe(false);
    const sent = must(decide(state, { type: "SEND_REMINDER", deadline: "DISPATCH_AUTO_CANCEL_REMINDER" }, system, new Date(due.getTime() - 2 * 3_600_000), policy));
    expect(inEnglish(sent.effects)).toContainEqual(expect.objectContaining({ type: "NOTIFY", audience: "SELLER", title: expect.stringMatching(/is cancelled soon unless it ships/) }));
    const shipped = evolve(state, must(decide(state, { type: "ARRANGE_SHIPMENT" }, seller, at(5 * HOUR), policy)));
    expect(shipped.deadlines.DISPATCH_AUTO_CANCEL_REMINDER).toBeUndefined();
  });
});

describe("R6: a lost parcel cannot be refused", () => {
  it("rule: once the carrier has lost the parcel, refusing it is not offered and is refused; the lost timer cancels and refunds in full", () => {
    const start = order("IN_TRANSIT");
    const { state } = play(start, [[{ type: "LOSE_PARCEL" }, system, at(2 * DAY)]]);
    const refused = refusal(decide(state, { type: "REFUSE_PARCEL" }, buyer, at(2 * DAY + HOUR), US));
    expect(say(refused?.reason)).toMatch(/has lost this parcel, so there is nothing to refuse/);
    expect(availableActions(state, buyer, at(2 * DAY + HOUR), US).find((a) => a.command === "REFUSE_PARCEL")?.enabled).not.toBe(true);
    const lost = must(decide(state, { type: "LOST_PARCEL_TIMEOUT" }, system, state.deadlines.PARCEL_LOST!, US));
    expect(lost.to).toBe("CANCELLED");
    expect(lost.effects.find((e) => e.type === "REFUND")).toMatchObject({ totalMinor: start.totalMinor });
  });
});

describe("R5: an item returned and refunded is not claimed again", () => {
  it("rule: after a change-of-mind return is refunded, neither a new request nor a Buyer Protection claim on the completed order is accepted", () => {
    const start = order("DELIVERED");
    const d = start.deliveredAt!.getTime();
    const h = (hours: number) => new Date(d + hours * 3_600_000);
    const { state: shipped } = play(start, [
      [{ type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind", description: "", photoCount: 0 }, buyer, h(1)],
      [{ type: "APPROVE_RETURN" }, seller, h(2)],
      [{ type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "USPS", trackingNumber: "9400111899223334445566" }, buyer, h(3)],
    ]);
    const { state: refunded } = play(shipped, [
      [{ type: "RETURN_PARCEL_DELIVERED" }, system, shipped.deadlines.RETURN_TRANSIT!],
      [{ type: "ACCEPT_RETURNED_PARCEL" }, seller, new Date(shipped.deadlines.RETURN_TRANSIT!.getTime() + 3_600_000)],
    ]);
    expect(refunded.returnCase).toMatchObject({ status: "REFUNDED", carrier: "USPS" });
    const claim = { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "defective", description: "", photoCount: 1 } as const;
    if (refunded.status === "DELIVERED") {
      expect(refusal(decide(refunded, claim, buyer, h(10 * 24), US))?.reason).toMatch(/You returned the item and were refunded/);
    }
    const completed = refunded.status === "COMPLETED" ? refunded : play(refunded, [[{ type: "COMPLETE_ORDER" }, system, refunded.deadlines.RETURN_WINDOW!]]).state;
    expect(completed.status).toBe("COMPLETED");
    // Day 45 after delivery: within US Buyer Protection, but the item is back with the shop.
    expect(refusal(decide(completed, claim, buyer, h(45 * 24), US))?.reason).toMatch(/You returned the item and were refunded/);
  });
});

describe("R9: the cancel-request form says what will happen", () => {
  it("rule: after the dispatch deadline the request's preview is the refund it makes at once; before it there is none (the seller decides)", () => {
    const state = order("AWAITING_SHIPMENT");
    const view = (when: Date) => actionViews(state, buyer, when, US).find((a) => a.command === "REQUEST_CANCEL")!;
    expect(view(at(2 * HOUR)).refund).toBeNull();
    const late = new Date(state.dispatchDueAt!.getTime() + HOUR * 60_000);
    expect(view(late).refund).toMatchObject({ totalMinor: state.totalMinor });
  });
});

describe("R11: texts that taught old rules", () => {
  it("rule: the global profile's durations read as the calendar days it counts; the US profile's as business days", () => {
    expect(inEnglish(describeDuration(POLICIES.GLOBAL.refundArrival.CARD, GLOBAL))).toBe("5 days");
    expect(inEnglish(describeDuration(POLICIES.US.refundArrival.CARD, US))).toBe("5 business days");
    const reference = rulesReference("en");
    expect(reference).toMatch(/\| `REFUND_ARRIVAL` \|[^\n]*card 5 business days \|[^\n]*card 5 days \|/);
  });

  it("rule: the seller is told the order cannot ship until support decides, not until a target no timer acts on", () => {
    const { state } = play(order("AWAITING_SHIPMENT"), [
      [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
      [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, at(3 * HOUR)],
    ]);
    const escalated = must(decide(state, { type: "ESCALATE", subject: "CANCEL_REQUEST", statement: "Please cancel.", photoCount: 0 }, buyer, at(4 * HOUR), US));
    const toSeller = escalated.effects.find((e) => e.type === "NOTIFY" && e.audience === "SELLER");
    expect(inEnglish(toSeller)).toMatchObject({ body: expect.stringContaining("You can't ship the order until support decides.") });
  });
});

describe("R1, R2, R7: a rejected cancel request before the pickup", () => {
  /** A cancel request rejected hours after payment; `when`: minutes after payment. */
  function rejectedCancel(policy: Policy) {
    const start = order("AWAITING_SHIPMENT", {}, policy);
    const { state } = play(
      start,
      [
        [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
        [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, at(3 * HOUR)],
      ],
      policy,
    );
    return state;
  }
  const ESCALATE = { type: "ESCALATE", subject: "CANCEL_REQUEST", statement: "I asked before it was packed.", photoCount: 0 } as const;

  it.each([
    ["US", US],
    ["global", GLOBAL],
  ] as const)("rule: %s: arranging shipment after the rejection does not close the buyer's window; the pickup does (R2)", (_, policy) => {
    const state = rejectedCancel(policy);
    const arranged = evolve(state, must(decide(state, { type: "ARRANGE_SHIPMENT" }, seller, at(3 * HOUR + 1), policy)));
    expect(arranged.status).toBe("AWAITING_COLLECTION");
    expect(arranged.deadlines.CANCEL_DISPUTE_FILING).toBeInstanceOf(Date);
    expect(decide(arranged, ESCALATE, buyer, at(3 * HOUR + 2), policy).ok).toBe(true);
    const picked = evolve(arranged, must(decide(arranged, { type: "CARRIER_PICKUP" }, system, arranged.deadlines.CARRIER_PICKUP!, policy)));
    expect(picked.deadlines.CANCEL_DISPUTE_FILING).toBeUndefined();
    expect(refusal(decide(picked, ESCALATE, buyer, new Date(arranged.deadlines.CARRIER_PICKUP!.getTime() + 60_000), policy))).not.toBeNull();
  });

  it("rule: global: a request rejected while awaiting the carrier's pickup can be escalated, and the pickup waits for support (R7)", () => {
    const start = order("AWAITING_COLLECTION", {}, GLOBAL);
    const when = new Date(start.arrangedAt!.getTime() + 10 * 60_000);
    const { state } = play(
      start,
      [
        [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, when],
        [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, new Date(when.getTime() + 60_000)],
      ],
      GLOBAL,
    );
    expect(state.deadlines.CANCEL_DISPUTE_FILING).toBeInstanceOf(Date);
    const escalated = evolve(state, must(decide(state, ESCALATE, buyer, new Date(when.getTime() + 2 * 60_000), GLOBAL)));
    expect(escalated.deadlines.CARRIER_PICKUP).toBeUndefined();
    const disputeId = escalated.disputes[0]!.id;
    const ruled = must(decide(escalated, { type: "DECIDE_DISPUTE", disputeId, outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, new Date(when.getTime() + DAY * 60_000), GLOBAL));
    expect(ruled.deadlines.open.map((d) => d.kind)).toContain("CARRIER_PICKUP");
  });

  it("rule: while a cancel dispute is open the dispatch clocks are paused; ruled for the seller, they move by the time support took, and a pickup before the moved deadline is not late (R1)", () => {
    const state = rejectedCancel(US);
    const openedAt = at(4 * HOUR);
    const escalated = evolve(state, must(decide(state, ESCALATE, buyer, openedAt, US)));
    expect(escalated.deadlines.DISPATCH).toBeUndefined();
    expect(escalated.deadlines.DISPATCH_AUTO_CANCEL).toBeUndefined();
    // Support takes three days: past the original dispatch deadline, which no timer flags meanwhile.
    const ruledAt = at(3 * DAY + 4 * HOUR);
    expect(ruledAt.getTime()).toBeGreaterThan(state.dispatchDueAt!.getTime());
    const disputeId = escalated.disputes[0]!.id;
    const decision = must(decide(escalated, { type: "DECIDE_DISPUTE", disputeId, outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, ruledAt, US));
    const shift = ruledAt.getTime() - openedAt.getTime();
    const movedDispatch = new Date(state.dispatchDueAt!.getTime() + shift);
    expect(decision.patch.dispatchDueAt).toEqual(movedDispatch);
    expect(decision.deadlines.open).toEqual(
      expect.arrayContaining([
        { kind: "DISPATCH", dueAt: movedDispatch },
        { kind: "DISPATCH_AUTO_CANCEL", dueAt: new Date(state.deadlines.DISPATCH_AUTO_CANCEL!.getTime() + shift) },
      ]),
    );
    expect(say(decision.event.summary)).toContain("dispatch deadlines moved by the time support took");
    const ruled = evolve(escalated, decision);
    const shipped = evolve(ruled, must(decide(ruled, { type: "ARRANGE_SHIPMENT" }, seller, new Date(ruledAt.getTime() + 60_000), US)));
    const picked = must(decide(shipped, { type: "CARRIER_PICKUP" }, system, shipped.deadlines.CARRIER_PICKUP!, US));
    expect(picked.patch.lateDispatch).toBe(false);
  });
});

describe("R1: a dispatch deadline that had passed before the dispute", () => {
  it("rule: is not moved (the late dispatch stands); the auto-cancel still moves by the time support took", () => {
    const start = order("AWAITING_SHIPMENT");
    const due = start.dispatchDueAt!.getTime();
    const m = (ms: number) => new Date(due + ms);
    const { state } = play(start, [
      [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, m(-10 * 3_600_000)],
      [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, m(-9 * 3_600_000)],
      [{ type: "DISPATCH_DEADLINE_PASSED" }, system, m(0)],
      [{ type: "ESCALATE", subject: "CANCEL_REQUEST", statement: "Please cancel it.", photoCount: 0 }, buyer, m(3_600_000)],
    ]);
    expect(state.lateDispatch).toBe(true);
    const ruledAt = m(25 * 3_600_000);
    const decision = must(decide(state, { type: "DECIDE_DISPUTE", disputeId: state.disputes[0]!.id, outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: RATIONALE }, support, ruledAt, US));
    expect(decision.patch.dispatchDueAt).toBeUndefined();
    const opened = decision.deadlines.open.map((d) => d.kind);
    expect(opened).toContain("DISPATCH_AUTO_CANCEL");
    expect(opened).not.toContain("DISPATCH");
    expect(say(decision.event.summary)).toContain("The order may ship.");
  });
});
