/**
 * Reminders (docs/rules.md#deadlines): whoever must act next is told 2 hours before their deadline
 * ends, and the reminder goes away when the deadline does. One named test per reminder after
 * shipment and in disputes; the ones before shipment are in order-rules.test.ts.
 */
import { describe, expect, it } from "vitest";
import { POLICIES, decide, evolve, type Command, type Decision, type DeadlineKind, type OrderState, type Policy } from "@/lib/order";
import { HOUR, at, buyer, must, order, play, seller, support, system, say } from "../support/order-state";

const US = POLICIES.US;
const GLOBAL = POLICIES.GLOBAL;
const TWO_HOURS = 2 * 3_600_000;
const notes = (decision: Decision) => decision.effects.flatMap((e) => (e.type === "NOTIFY" ? [`${e.audience}: ${say(e.title)}`] : []));

/** The reminder for `kind` (with `ref`) is open 2 h before it, fires then to `audience`, and is used up. */
function expectReminder(state: OrderState, kind: DeadlineKind, policy: Policy, audience: "BUYER" | "SELLER", title: RegExp, ref?: string) {
  const key = ref ? `${kind}:${ref}` : kind;
  const reminderKey = ref ? `${kind}_REMINDER:${ref}` : `${kind}_REMINDER`;
  const due = state.deadlines[key]!;
  expect(due).toBeInstanceOf(Date);
  expect(state.deadlines[reminderKey]).toEqual(new Date(due.getTime() - TWO_HOURS));
  const early = decide(state, { type: "SEND_REMINDER", deadline: `${kind}_REMINDER` as DeadlineKind, ...(ref ? { ref } : {}) }, system, new Date(due.getTime() - TWO_HOURS - 60_000), policy);
  expect(early.ok).toBe(false);
  const sent = must(decide(state, { type: "SEND_REMINDER", deadline: `${kind}_REMINDER` as DeadlineKind, ...(ref ? { ref } : {}) }, system, new Date(due.getTime() - TWO_HOURS), policy));
  expect(notes(sent)).toEqual([expect.stringMatching(new RegExp(`^${audience}: ${title.source}`))]);
  expect(sent.deadlines.close).toEqual([reminderKey]);
  return sent;
}

const hoursAfter = (from: Date) => (hours: number) => new Date(from.getTime() + hours * 3_600_000);

/** A delivered order whose refund request the seller rejected an hour after it was made; `h(n)`: n hours after delivery. */
function rejectedRequest(policy: Policy) {
  const start = order("DELIVERED", {}, policy);
  const h = hoursAfter(start.deliveredAt!);
  const { state } = play(
    start,
    [
      [{ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "", photoCount: 1 }, buyer, h(1)],
      [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, h(2)],
    ],
    policy,
  );
  return { state, h };
}

describe.each([
  ["US", US],
  ["global", GLOBAL],
] as const)("rule: %s: reminders 2 hours before a deadline ends", (_, policy) => {
  it("the buyer's dispute-filing window after a rejected request", () => {
    const { state, h } = rejectedRequest(policy);
    expectReminder(state, "DISPUTE_FILING", policy, "BUYER", /Your chance to ask platform support about order 1001 ends soon/);
    // Escalating uses the window up, and its reminder with it.
    const escalated = must(decide(state, { type: "ESCALATE", subject: "CASE", statement: "It is broken.", photoCount: 1 }, buyer, h(3), policy));
    expect(escalated.deadlines.close).toEqual(expect.arrayContaining(["DISPUTE_FILING", "DISPUTE_FILING_REMINDER"]));
  });

  it("the buyer's window to escalate a rejected cancel request", () => {
    const { state } = play(
      order("AWAITING_SHIPMENT", {}, policy),
      [
        [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
        [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, at(3 * HOUR)],
      ],
      policy,
    );
    expectReminder(state, "CANCEL_DISPUTE_FILING", policy, "BUYER", /Your chance to ask platform support about the rejected cancel of order 1001 ends soon/);
  });

  it("the seller's appeal window after a decision for the buyer", () => {
    const rejected = rejectedRequest(policy);
    const { h } = rejected;
    const { state } = play(rejected.state, [[{ type: "ESCALATE", subject: "CASE", statement: "It is broken.", photoCount: 1 }, buyer, h(3)]], policy);
    const disputeId = state.disputes[0]!.id;
    const decided = evolve(state, must(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "The photos show the damage." }, support, h(5), policy)));
    expectReminder(decided, "APPEAL_WINDOW", policy, "SELLER", /The appeal window for order 1001 closes soon/, disputeId);
    const appealed = must(decide(decided, { type: "APPEAL_DECISION", disputeId, statement: "The buyer dropped it." }, seller, h(6), policy));
    expect(appealed.deadlines.close).toEqual(expect.arrayContaining([`APPEAL_WINDOW:${disputeId}`, `APPEAL_WINDOW_REMINDER:${disputeId}`]));
  });

  it("the buyer's ship-back deadline and the seller's inspection of the returned parcel", () => {
    const start = order("DELIVERED", {}, policy);
    const h = hoursAfter(start.deliveredAt!);
    const { state: approved } = play(
      start,
      [
        [{ type: "REQUEST_RETURN", caseType: "RETURN_AND_REFUND", reasonKey: "defective", description: "", photoCount: 1 }, buyer, h(1)],
        [{ type: "APPROVE_RETURN" }, seller, h(2)],
      ],
      policy,
    );
    expectReminder(approved, "SHIP_BACK", policy, "BUYER", /Ship your return for order 1001 soon/);
    const ship: Command = { type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "UPS", trackingNumber: "1Z999AA10123456784" };
    const shipped = evolve(approved, must(decide(approved, ship, buyer, h(3), policy)));
    const arrived = evolve(shipped, must(decide(shipped, { type: "RETURN_PARCEL_DELIVERED" }, system, shipped.deadlines.RETURN_TRANSIT!, policy)));
    expectReminder(arrived, "INSPECTION", policy, "SELLER", /The returned parcel for order 1001 needs your inspection/);
  });

  it("the seller's confirmation of a refused parcel", () => {
    const start = order("IN_TRANSIT", {}, policy);
    const refused = evolve(start, must(decide(start, { type: "REFUSE_PARCEL" }, buyer, new Date(start.pickedUpAt!.getTime() + HOUR * 60_000), policy)));
    const back = evolve(refused, must(decide(refused, { type: "REFUSED_PARCEL_DELIVERED" }, system, refused.deadlines.REFUSED_PARCEL_TRANSIT!, policy)));
    expectReminder(back, "REFUSAL_INSPECTION", policy, "SELLER", /Confirm receipt of the refused parcel for order 1001/);
  });
});
