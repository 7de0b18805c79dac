/** Edges of the rules issue 13 corrected, beyond the named rule tests: sentences, fallbacks and the rarer paths. */
import { describe, expect, it } from "vitest";
import { POLICIES, cutoffAfterOrderDate, decide, evolve, formatCutoff, requestProblem, requestRuleSentences, statusNote } from "@/lib/order";
import { DAY, HOUR, at, buyer, must, order, play, seller, support, system, inEnglish } from "../support/order-state";

const US = POLICIES.US;
const GLOBAL = POLICIES.GLOBAL;
const LATE = { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "wont_arrive_on_time", description: "", photoCount: 0 } as const;

describe("request rules in words", () => {
  it("one sentence per kind of requirement, naming the reasons", () => {
    expect(inEnglish(requestRuleSentences(["changed_mind", "not_received", "damaged", "wrong_item"]))).toEqual([
      "No longer needed (change of mind): a return and refund only.",
      "Package not received: a refund only, with a written description.",
      "Damaged item and Wrong item sent: either, with at least one photo of the problem.",
    ]);
    expect(inEnglish(requestRuleSentences(["wont_arrive_on_time"]))).toEqual(["Won't arrive on time: a refund only."]);
    // A key the catalogue does not know allows anything and needs nothing.
    expect(inEnglish(requestRuleSentences(["nonsense"]))).toEqual([]);
    expect(requestProblem({ reasonKey: "nonsense", caseType: "RETURN_AND_REFUND", photoCount: 0, description: "" })).toBeNull();
  });
});

describe("cut-offs", () => {
  it("count calendar days when asked, refuse hours, and read as the platform states them", () => {
    const paidAt = new Date("2026-03-07T05:00:00Z"); // Friday evening in Los Angeles
    expect(cutoffAfterOrderDate(paidAt, { days: 2 }, US).toISOString()).toBe("2026-03-09T06:59:00.000Z"); // Sunday 23:59 PDT
    expect(() => cutoffAfterOrderDate(paidAt, { hours: 48 }, US)).toThrow(/counted in days/);
    expect(inEnglish(formatCutoff(new Date("2026-03-11T06:59:00Z"), US))).toBe("Tue, Mar 10, 11:59 PM in Los Angeles = Wed, Mar 11, 6:59 AM UTC");
    expect(inEnglish(formatCutoff(new Date("2026-03-09T23:59:00Z"), GLOBAL))).toBe("Mar 9, 2026, 11:59 PM UTC");
  });

  it("a status note without the app's time says only what is settled", () => {
    expect(inEnglish(statusNote(order("COMPLETED"), US))).toBe("What escrow held has been settled to the seller.");
  });
});

describe("the carrier's rarer paths", () => {
  it("a parcel lost long after pickup is due to be cancelled at once", () => {
    const start = order("IN_TRANSIT");
    const late = new Date(start.pickedUpAt!.getTime() + 9 * DAY * 60_000);
    expect(must(decide(start, { type: "LOSE_PARCEL" }, system, late, US)).deadlines.open).toEqual([{ kind: "PARCEL_LOST", dueAt: late }]);
  });

  it("a parcel delayed after its estimate had passed arrives 5 days after the delay", () => {
    const start = order("IN_TRANSIT");
    const when = at(12 * DAY);
    const delayed = must(decide(start, { type: "DELAY_PARCEL" }, system, when, US));
    expect(delayed.deadlines.open).toEqual([{ kind: "DELIVERY", dueAt: new Date(when.getTime() + 5 * 24 * 3_600_000) }]);
  });

  it("a lost parcel's cancellation closes the buyer's open late-parcel request and its dispute", () => {
    const start = order("IN_TRANSIT");
    const { state } = play(start, [
      [{ type: "DELAY_PARCEL" }, system, at(2 * DAY)],
      [LATE, buyer, at(9 * DAY)],
      [{ type: "REJECT_RETURN", reasonKey: "shipping_on_schedule" }, seller, at(9 * DAY + HOUR)],
      [{ type: "ESCALATE", subject: "CASE", statement: "It never came.", photoCount: 0 }, buyer, at(9 * DAY + 2 * HOUR)],
      [{ type: "LOSE_PARCEL" }, system, at(9 * DAY + 3 * HOUR)],
    ]);
    const cancelled = must(decide(state, { type: "LOST_PARCEL_TIMEOUT" }, system, state.deadlines.PARCEL_LOST!, US));
    expect(cancelled.to).toBe("CANCELLED");
    expect(cancelled.returnCase).toMatchObject({ status: "CLOSED", preDelivery: true });
    expect(cancelled.dispute).toMatchObject({ status: "CLOSED" });
    expect(evolve(state, cancelled).disputes[0]!.status).toBe("CLOSED");
  });

  it("a delivery closes a disputed late-parcel request and the dispute with it", () => {
    const start = order("IN_TRANSIT");
    const { state } = play(start, [
      [{ type: "DELAY_PARCEL" }, system, at(2 * DAY)],
      [LATE, buyer, at(9 * DAY)],
      [{ type: "REJECT_RETURN", reasonKey: "shipping_on_schedule" }, seller, at(9 * DAY + HOUR)],
      [{ type: "ESCALATE", subject: "CASE", statement: "It is late.", photoCount: 0 }, buyer, at(9 * DAY + 2 * HOUR)],
    ]);
    const delivered = must(decide(state, { type: "CARRIER_DELIVER" }, system, state.deadlines.DELIVERY!, US));
    expect(delivered.dispute).toMatchObject({ status: "CLOSED" });
    // Support has nothing left to decide.
    expect(decide(evolve(state, delivered), { type: "DECIDE_DISPUTE", disputeId: state.disputes[0]!.id, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "Too late to matter now." }, support, state.deadlines.DELIVERY!, US).ok).toBe(false);
  });
});
