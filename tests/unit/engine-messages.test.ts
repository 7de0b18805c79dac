/**
 * The engine speaks keys, not sentences (issue 28): a walk of the transitions table from every
 * status and story, trying every command as every role with fields that fit (and some that do not),
 * collects every refusal, event, notification and action the engine returns. Each must be a
 * catalogue key that renders in English, 繁體中文 and 简体中文 with every placeholder filled, and
 * no Chinese sentence may carry English but names, codes and what people typed.
 */
import { describe, expect, it } from "vitest";
import {
  POLICIES,
  RETURN_CARRIERS,
  TRANSITIONS,
  availableActions,
  commandForDeadline,
  decide,
  evolve,
  maxPartialOffer,
  reasonsFor,
  type Actor,
  type Command,
  type CommandType,
  type OrderState,
  type OrderStatus,
  type Policy,
} from "@/lib/order";
import { escalatable } from "@/lib/order/transitions";
import { MessageAudit, stringsIn } from "../support/message-audit";
import { buyer, must, order, seller, support, system } from "../support/order-state";

const PEOPLE: Actor[] = [buyer, seller, support, { role: "SUPPORT", id: "agent-2" }];
const STATUSES: OrderStatus[] = ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED"];
const MINUTE = 60_000;

/** Commands of `type` worth trying in `state`: fitting fields, and one that does not fit. */
function variants(type: CommandType, state: OrderState, policy: Policy): Command[] {
  const reasons = (kind: Parameters<typeof reasonsFor>[0]) => [...reasonsFor(kind, state.status).slice(0, 3).map((r) => r.key), "nonsense"];
  const disputes = state.disputes.map((d) => d.id).concat("none");
  const refunds = state.refunds.map((r) => r.key).concat("none");
  const text = "What happened, in a sentence.";
  switch (type) {
    case "BUYER_CANCEL":
    case "REQUEST_CANCEL":
      return reasons("BUYER_CANCEL").map((reasonKey) => ({ type, reasonKey }));
    case "REJECT_CANCEL_REQUEST":
      return reasons("SELLER_REJECT_CANCEL").map((reasonKey) => ({ type, reasonKey }));
    case "SELLER_CANCEL":
      return reasons("SELLER_CANCEL").map((reasonKey) => ({ type, reasonKey }));
    case "OPERATOR_CANCEL":
      return reasons("OPERATOR_CANCEL").map((reasonKey) => ({ type, reasonKey }));
    case "REQUEST_RETURN":
      return (["REFUND_ONLY", "RETURN_AND_REFUND"] as const).flatMap((caseType) =>
        reasons("RETURN_REFUND").flatMap((reasonKey) => [
          { type, caseType, reasonKey, description: text, photoCount: 1 },
          { type, caseType, reasonKey, description: "", photoCount: 0 },
        ]),
      );
    case "REJECT_RETURN":
      return reasons("SELLER_REJECT_RETURN").map((reasonKey) => ({ type, reasonKey }));
    case "REJECT_RETURNED_PARCEL":
      return reasons("SELLER_REJECT_RECEIPT").flatMap((reasonKey) => [0, 2].map((photoCount) => ({ type, reasonKey, photoCount })));
    case "OFFER_PARTIAL_REFUND":
      return [0, 100, Math.max(1, maxPartialOffer(state, policy)), 1_000_000].map((amountMinor) => ({ type, amountMinor }));
    case "SHIP_RETURN":
      return [
        { type, method: policy.returnMethods[0]!, carrier: RETURN_CARRIERS[0]!, trackingNumber: "1Z999AA10123456784" },
        { type, method: policy.returnMethods[0]!, carrier: "Pigeon", trackingNumber: "1" },
      ];
    case "ESCALATE":
      return [...escalatable(state).map((o) => ({ type, subject: o.subject, refundKey: o.ref, statement: "Please decide.", photoCount: 1 })), { type, subject: "CASE" as const, statement: "", photoCount: 0 }];
    case "ADD_DISPUTE_STATEMENT":
      return disputes.map((disputeId) => ({ type, disputeId, statement: "More detail.", photoCount: 1 }));
    case "DECIDE_DISPUTE":
      return disputes.flatMap((disputeId) => [
        { type, disputeId, outcome: "BUYER" as const, amountMinor: null, returnRequired: false, rationale: "Decided on the evidence." },
        { type, disputeId, outcome: "BUYER" as const, amountMinor: null, returnRequired: true, rationale: "Decided on the evidence." },
        { type, disputeId, outcome: "BUYER" as const, amountMinor: 100, returnRequired: false, rationale: "Decided on the evidence." },
        { type, disputeId, outcome: "SELLER" as const, amountMinor: null, returnRequired: false, rationale: "" },
      ]);
    case "DECIDE_REFUND_DISPUTE":
      return disputes.flatMap((disputeId) => (["BUYER", "SELLER"] as const).map((outcome) => ({ type, disputeId, outcome, rationale: "Decided on the bank's statement." })));
    case "APPEAL_DECISION":
      return disputes.map((disputeId) => ({ type, disputeId, statement: "I disagree." }));
    case "DECIDE_APPEAL":
      return disputes.flatMap((disputeId) => (["UPHOLD", "OVERTURN"] as const).map((outcome) => ({ type, disputeId, outcome, rationale: "Reviewed again by a second agent." })));
    case "TAKE_DISPUTE":
      return disputes.map((disputeId) => ({ type, disputeId, reason: "Taking this over." }));
    case "ASK_FOR_INFORMATION":
      return disputes.flatMap((disputeId) => (["BUYER", "SELLER"] as const).map((party) => ({ type, disputeId, party, question: "Please send a photo of the label." })));
    case "DELAY_REFUND":
      return refunds.map((refundKey) => ({ type, refundKey }));
    case "HURRY_SIMULATION":
      return [...Object.keys(state.deadlines), "NOPE"].map((deadline) => ({ type, deadline }));
    default:
      return [{ type } as Command];
  }
}

/** What makes two states the same for the walk: the machines' statuses and what is open. */
function fingerprint(state: OrderState): string {
  return JSON.stringify([
    state.status,
    state.cancelRequest?.status,
    state.returnCase?.status,
    state.returnCase?.type,
    state.disputes.map((d) => [d.subject, d.status, !!d.assignee, !!d.infoRequest]),
    state.refunds.map((r) => r.status),
    Object.keys(state.deadlines).sort(),
    state.paymentMethod,
  ]);
}

/** A story deep in the rules to start from too: a dispute decided for the buyer, and the seller's appeal. */
function appealed(policy: Policy): OrderState {
  let state = order("DELIVERED", {}, policy);
  let now = new Date(state.deliveredAt!.getTime() + 60 * MINUTE);
  const steps: [Command, Actor][] = [
    [{ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "Cracked.", photoCount: 1 }, buyer],
    [{ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, seller],
    [{ type: "ESCALATE", subject: "CASE", statement: "Please look.", photoCount: 1 }, buyer],
  ];
  for (const [command, actor] of steps) {
    state = evolve(state, must(decide(state, command, actor, now, policy)));
    now = new Date(now.getTime() + 60 * MINUTE);
  }
  const disputeId = state.disputes[0]!.id;
  state = evolve(state, must(decide(state, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "The photo shows the crack." }, support, now, policy)));
  return evolve(state, must(decide(state, { type: "APPEAL_DECISION", disputeId, statement: "It left us whole." }, seller, new Date(now.getTime() + 60 * MINUTE), policy)));
}

function walk(policy: Policy, audit: MessageAudit, accepted: Set<string>, refused: Set<string>, limit: number): number {
  const starts = [appealed(policy), ...STATUSES.flatMap((status) => [order(status, {}, policy), order(status, { autoApproveWindow: "H1", paymentMethod: "PAYPAL" }, policy)])];
  // Each start a minute after the last thing that happened to it (not after its deadlines).
  const happened = (state: OrderState) => [state.placedAt, state.paidAt, state.remorseEndsAt, state.arrangedAt, state.pickedUpAt, state.deliveredAt].filter((d): d is Date => !!d && d.getTime() < Math.min(...Object.values(state.deadlines).map((due) => due!.getTime()), Infinity));
  const queue: { state: OrderState; now: Date }[] = starts.map((state) => ({ state, now: new Date(Math.max(...happened(state).map((d) => d.getTime())) + MINUTE) }));
  const seen = new Set(queue.map((q) => fingerprint(q.state)));
  let explored = 0;
  while (queue.length > 0 && explored < limit) {
    const { state, now } = queue.shift()!;
    explored++;
    const allowed = stringsIn(state);
    for (const person of PEOPLE) audit.add(availableActions(state, person, now, policy), allowed, `actions in ${state.status}`);
    const tries: { command: Command; actor: Actor; at: Date }[] = [];
    for (const [type, rule] of Object.entries(TRANSITIONS) as [CommandType, (typeof TRANSITIONS)[CommandType]][]) {
      if ("timer" in rule && rule.timer) continue;
      for (const command of variants(type, state, policy)) for (const actor of [...PEOPLE, system]) tries.push({ command, actor, at: now });
    }
    // Each open deadline, acted on by its timer when due, and (refused) before.
    for (const [key, dueAt] of Object.entries(state.deadlines)) {
      const command = commandForDeadline(key);
      if (!command) continue;
      tries.push({ command, actor: system, at: dueAt! }, { command, actor: system, at: new Date(dueAt!.getTime() - MINUTE) }, { command, actor: buyer, at: dueAt! });
    }
    for (const { command, actor, at } of tries) {
      const result = decide(state, command, actor, at, policy);
      const context = new Set([...allowed, ...stringsIn(command)]);
      if (!result.ok) {
        refused.add(command.type);
        audit.add(result.error, context, `${command.type} refused in ${state.status}`);
        continue;
      }
      accepted.add(command.type);
      audit.add(result, context, `${command.type} in ${state.status}`);
      const next = evolve(state, result);
      const key = fingerprint(next);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ state: next, now: new Date(Math.max(at.getTime(), now.getTime()) + MINUTE) });
    }
  }
  return explored;
}

describe("every message the engine returns", () => {
  const audit = new MessageAudit();
  const accepted = new Set<string>();
  const refused = new Set<string>();
  const explored = { US: walk(POLICIES.US, audit, accepted, refused, 2000), GLOBAL: walk(POLICIES.GLOBAL, audit, accepted, refused, 800) };

  it("the walk reaches every command of the transitions table, accepted and refused", () => {
    expect(explored.US).toBeGreaterThan(200);
    const all = Object.keys(TRANSITIONS);
    expect(all.filter((type) => !accepted.has(type)), "never accepted").toEqual([]);
    expect(all.filter((type) => !refused.has(type)), "never refused").toEqual([]);
    expect(audit.samples.size).toBeGreaterThan(300);
  });

  it("is a catalogue key that renders in every language, with no English sentence in the Chinese", () => {
    expect(audit.problems()).toEqual([]);
  });
});
