/**
 * Issue 27: the "why not" sentences are checked against the rules they explain. For orders at every
 * stage and sub-state, under both profiles, a closed action whose sentence sends the person elsewhere
 * ("… you can cancel instead") must name something that person can do now. A sentence that promises
 * what the rules no longer allow (cancelling after a withdrawn request, say) fails here.
 */
import { describe, expect, it } from "vitest";
import { POLICIES, availableActions, decide, evolve, type Actor, type OrderState, type PersonCommandType, type Policy } from "@/lib/order";
import { DAY, HOUR, at, buyer, must, order, play, seller, support, system, say } from "../support/order-state";

const PROFILES: [string, Policy][] = [
  ["US", POLICIES.US],
  ["global", POLICIES.GLOBAL],
];

/** Orders at every status, and the sub-states people meet most: a request, a case, a dispute, an appeal, a lost parcel. */
function states(policy: Policy): [string, OrderState, Date][] {
  const plain = (["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED"] as const).map(
    (status): [string, OrderState, Date] => [status, order(status, {}, policy), at(30)],
  );
  const rejectedCancel = play(
    order("AWAITING_SHIPMENT", {}, policy),
    [
      [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
      [{ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, seller, at(3 * HOUR)],
    ],
    policy,
  ).state;
  const escalatedCancel = evolve(rejectedCancel, must(decide(rejectedCancel, { type: "ESCALATE", subject: "CANCEL_REQUEST", statement: "Please.", photoCount: 0 }, buyer, at(4 * HOUR), policy)));
  const delivered = order("DELIVERED", {}, policy);
  const d = delivered.deliveredAt!.getTime();
  const h = (hours: number) => new Date(d + hours * 3_600_000);
  const requested = play(delivered, [[{ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "Broken", photoCount: 1 }, buyer, h(1)]], policy).state;
  const rejected = play(requested, [[{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller, h(2)]], policy).state;
  const escalated = play(rejected, [[{ type: "ESCALATE", subject: "CASE", statement: "It is broken.", photoCount: 1 }, buyer, h(3)]], policy).state;
  const disputeId = escalated.disputes[0]!.id;
  const decided = play(escalated, [[{ type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "The photos show the damage." }, support, h(4)]], policy).state;
  const appealed = play(decided, [[{ type: "APPEAL_DECISION", disputeId, statement: "It was fine when it left." }, seller, h(5)]], policy).state;
  const lost = play(order("IN_TRANSIT", {}, policy), [[{ type: "LOSE_PARCEL" }, system, at(2 * DAY)]], policy).state;
  return [
    ...plain,
    ["a rejected cancel request", rejectedCancel, at(3 * HOUR + 1)],
    ["an escalated cancel request", escalatedCancel, at(4 * HOUR + 1)],
    ["a refund request", requested, h(1.5)],
    ["a rejected request", rejected, h(2.5)],
    ["a dispute", escalated, h(3.5)],
    ["a decision for the buyer", decided, h(4.5)],
    ["an appeal", appealed, h(5.5)],
    ["a lost parcel", lost, at(2 * DAY + HOUR)],
  ];
}

const PEOPLE: Actor[] = [buyer, seller, support];

/**
 * A closed action that points elsewhere ("… instead") names something the person can do now: the
 * sentence is checked against the rule of the action it recommends. (Sentences about later —
 * "If it won't arrive on time, …", "after delivery" — are not promises about now.)
 */
const ALTERNATIVES: [RegExp, PersonCommandType[]][] = [
  [/(request|ask for) a refund or a return instead/, ["REQUEST_RETURN"]],
  [/you can cancel instead/, ["BUYER_CANCEL", "REQUEST_CANCEL"]],
  [/answer that instead/, ["APPROVE_RETURN", "REJECT_RETURN", "OFFER_PARTIAL_REFUND"]],
];

describe("every 'why not' that recommends something else is true", () => {
  it.each(PROFILES)("%s: the alternative a closed action names is open to that person now", (_, policy) => {
    let checked = 0;
    for (const [what, state, now] of [...states(policy), ...withdrawn(policy)]) {
      for (const person of PEOPLE) {
        const actions = availableActions(state, person, now, policy);
        for (const action of actions) {
          const reason = say(action.reason);
          if (action.enabled || !reason || !/instead/.test(reason) || /\bIf [^.]*instead/.test(reason)) continue;
          const rule = ALTERNATIVES.find(([pattern]) => pattern.test(reason));
          expect(rule, `${what}: ${action.command} says "${reason}", which no check here knows`).toBeDefined();
          const open = actions.filter((a) => a.enabled && rule![1].includes(a.command as PersonCommandType)).map((a) => a.command);
          expect(open, `${what}: ${person.role} is told "${reason}" (${action.command}), but none of ${rule![1].join(", ")} is open`).not.toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});

/** A cancel request the buyer withdrew: one per order, so cancelling is closed for good before shipment. */
function withdrawn(policy: Policy): [string, OrderState, Date][] {
  const state = play(
    order("AWAITING_SHIPMENT", {}, policy),
    [
      [{ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, buyer, at(2 * HOUR)],
      [{ type: "WITHDRAW_CANCEL_REQUEST" }, buyer, at(3 * HOUR)],
    ],
    policy,
  ).state;
  return [["a withdrawn cancel request", state, at(3 * HOUR + 1)]];
}
