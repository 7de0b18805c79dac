import { describe, expect, it } from "vitest";
import {
  CANCEL_REQUEST_TRANSITIONS,
  COMMAND_TYPES,
  DEADLINE_COMMANDS,
  DEADLINE_KINDS,
  DEADLINE_SCOPES,
  parseDeadlineKey,
  FINAL_STATUSES,
  ORDER_STATUSES,
  POLICIES,
  ROLES,
  TRANSITIONS,
  availableActions,
  checkTransitionGraph,
  decide,
  newReturnCase,
  type CaseStatus,
  type CaseType,
  type Command,
  type CommandType,
  type DisputeStatus,
  type OrderState,
  type OrderStatus,
  type Policy,
  type RefundStatus,
  type ReturnCaseState,
} from "@/lib/order";
import { DAY, actorFor, at, order, say } from "../support/order-state";

/**
 * For each command, the situation in which everything but the status and the role is ready: the
 * window open, a request pending, the timer due. Then status × role decides alone, as the table says.
 */
const READY: Record<CommandType, { command: Command | ((status: OrderStatus) => Command); now: Date; policy?: Policy; state?: (status: OrderStatus) => Partial<OrderState> }> = {
  PAY: { command: { type: "PAY" }, now: at(0) },
  BUYER_CANCEL: { command: { type: "BUYER_CANCEL", reasonKey: "no_longer_needed" }, now: at(10), state: () => ({ autoApproveWindow: "UNTIL_ARRANGED" }) },
  REQUEST_CANCEL: { command: { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, now: at(DAY + 60), policy: POLICIES.GLOBAL },
  WITHDRAW_CANCEL_REQUEST: { command: { type: "WITHDRAW_CANCEL_REQUEST" }, now: at(DAY + 60), state: pendingRequest },
  APPROVE_CANCEL_REQUEST: { command: { type: "APPROVE_CANCEL_REQUEST" }, now: at(DAY + 60), state: pendingRequest },
  REJECT_CANCEL_REQUEST: { command: { type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }, now: at(DAY + 60), state: pendingRequest },
  SELLER_CANCEL: { command: { type: "SELLER_CANCEL", reasonKey: "out_of_stock" }, now: at(DAY + 60) },
  ARRANGE_SHIPMENT: { command: { type: "ARRANGE_SHIPMENT" }, now: at(DAY + 60) },
  OPERATOR_CANCEL: { command: { type: "OPERATOR_CANCEL", reasonKey: "potential_fraud" }, now: at(DAY + 60) },
  CARRIER_PICKUP: { command: { type: "CARRIER_PICKUP" }, now: at(2 * DAY), state: due("CARRIER_PICKUP") },
  PAYMENT_TIMEOUT: { command: { type: "PAYMENT_TIMEOUT" }, now: at(3 * DAY), state: due("PAYMENT") },
  END_REMORSE_WINDOW: { command: { type: "END_REMORSE_WINDOW" }, now: at(60), state: due("REMORSE_WINDOW") },
  END_AUTO_APPROVE_WINDOW: { command: { type: "END_AUTO_APPROVE_WINDOW" }, now: at(4 * 60), state: due("AUTO_APPROVE_WINDOW") },
  CANCEL_REQUEST_TIMEOUT: { command: { type: "CANCEL_REQUEST_TIMEOUT" }, now: at(3 * DAY), state: () => ({ ...pendingRequest(), ...due("CANCEL_REQUEST_ANSWER")() }) },
  DISPATCH_DEADLINE_PASSED: { command: { type: "DISPATCH_DEADLINE_PASSED" }, now: at(3 * DAY), state: due("DISPATCH") },
  DISPATCH_AUTO_CANCEL: { command: { type: "DISPATCH_AUTO_CANCEL" }, now: at(10 * DAY), state: due("DISPATCH_AUTO_CANCEL") },
  SEND_REMINDER: { command: { type: "SEND_REMINDER", deadline: "DISPATCH_REMINDER" }, now: at(3 * DAY), state: due("DISPATCH_REMINDER") },
  // After shipment
  REFUSE_PARCEL: { command: { type: "REFUSE_PARCEL" }, now: at(2 * DAY) },
  REQUEST_RETURN: {
    command: (status) =>
      status === "DELIVERED" || status === "COMPLETED"
        ? { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "Cracked", photoCount: 1 }
        : { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "wont_arrive_on_time", description: "", photoCount: 0 },
    // After the estimated delivery date (Tue 10 March, 23:59 in Los Angeles), inside the return window.
    now: at(9 * DAY),
  },
  WITHDRAW_RETURN: { command: { type: "WITHDRAW_RETURN" }, now: at(5 * DAY), state: withCase("REFUND_ONLY", "REQUESTED") },
  ACCEPT_OFFER: { command: { type: "ACCEPT_OFFER" }, now: at(5 * DAY), state: withCase("REFUND_ONLY", "OFFERED", { offerMinor: 1000 }) },
  DECLINE_OFFER: { command: { type: "DECLINE_OFFER" }, now: at(5 * DAY), state: withCase("REFUND_ONLY", "OFFERED", { offerMinor: 1000 }) },
  SHIP_RETURN: { command: { type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "UPS", trackingNumber: "1Z999AA10123456784" }, now: at(5 * DAY), state: withCase("RETURN_AND_REFUND", "AWAITING_SHIPBACK") },
  APPROVE_RETURN: { command: { type: "APPROVE_RETURN" }, now: at(5 * DAY), state: withCase("REFUND_ONLY", "REQUESTED") },
  REJECT_RETURN: { command: { type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }, now: at(5 * DAY), state: withCase("REFUND_ONLY", "REQUESTED") },
  OFFER_PARTIAL_REFUND: { command: { type: "OFFER_PARTIAL_REFUND", amountMinor: 1000 }, now: at(5 * DAY), state: withCase("REFUND_ONLY", "REQUESTED") },
  ACCEPT_RETURNED_PARCEL: { command: { type: "ACCEPT_RETURNED_PARCEL" }, now: at(5 * DAY), state: withCase("RETURN_AND_REFUND", "AWAITING_INSPECTION") },
  REJECT_RETURNED_PARCEL: { command: { type: "REJECT_RETURNED_PARCEL", reasonKey: "empty_parcel", photoCount: 2 }, now: at(5 * DAY), state: withCase("RETURN_AND_REFUND", "AWAITING_INSPECTION") },
  CONFIRM_REFUSED_PARCEL: { command: { type: "CONFIRM_REFUSED_PARCEL" }, now: at(5 * DAY), state: withCase("REFUSED_PARCEL", "AWAITING_INSPECTION") },
  CARRIER_DELIVER: { command: { type: "CARRIER_DELIVER" }, now: at(5 * DAY), state: due("DELIVERY") },
  LOSE_PARCEL: { command: { type: "LOSE_PARCEL" }, now: at(2 * DAY) },
  DELAY_PARCEL: { command: { type: "DELAY_PARCEL" }, now: at(2 * DAY) },
  LOST_PARCEL_TIMEOUT: { command: { type: "LOST_PARCEL_TIMEOUT" }, now: at(20 * DAY), state: due("PARCEL_LOST") },
  REFUSED_PARCEL_DELIVERED: { command: { type: "REFUSED_PARCEL_DELIVERED" }, now: at(5 * DAY), state: withCase("REFUSED_PARCEL", "PARCEL_RETURNING", {}, "REFUSED_PARCEL_TRANSIT") },
  RETURN_PARCEL_DELIVERED: { command: { type: "RETURN_PARCEL_DELIVERED" }, now: at(5 * DAY), state: withCase("RETURN_AND_REFUND", "RETURN_SHIPPED", {}, "RETURN_TRANSIT") },
  SELLER_REVIEW_TIMEOUT: { command: { type: "SELLER_REVIEW_TIMEOUT" }, now: at(5 * DAY), state: withCase("REFUND_ONLY", "REQUESTED", {}, "SELLER_REVIEW") },
  OFFER_TIMEOUT: { command: { type: "OFFER_TIMEOUT" }, now: at(5 * DAY), state: withCase("REFUND_ONLY", "OFFERED", { offerMinor: 1000 }, "OFFER_ANSWER") },
  SHIP_BACK_TIMEOUT: { command: { type: "SHIP_BACK_TIMEOUT" }, now: at(5 * DAY), state: withCase("RETURN_AND_REFUND", "AWAITING_SHIPBACK", {}, "SHIP_BACK") },
  INSPECTION_TIMEOUT: { command: { type: "INSPECTION_TIMEOUT" }, now: at(5 * DAY), state: withCase("RETURN_AND_REFUND", "AWAITING_INSPECTION", {}, "INSPECTION") },
  REFUSAL_INSPECTION_TIMEOUT: { command: { type: "REFUSAL_INSPECTION_TIMEOUT" }, now: at(5 * DAY), state: withCase("REFUSED_PARCEL", "AWAITING_INSPECTION", {}, "REFUSAL_INSPECTION") },
  DISPUTE_FILING_TIMEOUT: { command: { type: "DISPUTE_FILING_TIMEOUT" }, now: at(5 * DAY), state: withCase("REFUND_ONLY", "REJECTED", { rejectReasonKey: "evidence_insufficient" }, "DISPUTE_FILING") },
  COMPLETE_ORDER: { command: { type: "COMPLETE_ORDER" }, now: at(40 * DAY), state: due("RETURN_WINDOW") },
  REFUND_ARRIVED: { command: { type: "REFUND_ARRIVED", refundKey: "r1" }, now: at(5 * DAY), state: withRefund("PENDING", "REFUND_ARRIVAL:r1") },
  DELAY_REFUND: { command: { type: "DELAY_REFUND", refundKey: "r1" }, now: at(5 * DAY), state: withRefund("PENDING") },
  REFUND_OVERDUE: { command: { type: "REFUND_OVERDUE", refundKey: "r1" }, now: at(5 * DAY), state: withRefund("DELAYED", "REFUND_OVERDUE:r1") },
  // Disputes: an overdue refund can be escalated in any status; the others need their dispute at the right step.
  ESCALATE: { command: { type: "ESCALATE", subject: "REFUND", refundKey: "r1", statement: "It never arrived.", photoCount: 0 }, now: at(5 * DAY), state: withRefund("OVERDUE") },
  ADD_DISPUTE_STATEMENT: { command: { type: "ADD_DISPUTE_STATEMENT", disputeId: "d1", statement: "Here is the receipt.", photoCount: 1 }, now: at(5 * DAY), state: withDispute("OPEN") },
  DECIDE_DISPUTE: {
    command: { type: "DECIDE_DISPUTE", disputeId: "d1", outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: "The photos do not show any damage at all." },
    now: at(5 * DAY),
    state: () => ({ ...withCase("REFUND_ONLY", "ESCALATED")(), ...withDispute("OPEN", undefined, "CASE")(), caseCount: 1 }),
  },
  DECIDE_REFUND_DISPUTE: {
    command: { type: "DECIDE_REFUND_DISPUTE", disputeId: "d1", outcome: "BUYER", rationale: "The bank confirms the refund is stuck." },
    now: at(5 * DAY),
    state: withDispute("OPEN"),
  },
  APPEAL_DECISION: { command: { type: "APPEAL_DECISION", disputeId: "d1", statement: "The buyer used the item." }, now: at(5 * DAY), state: withDispute("DECIDED_FOR_BUYER") },
  DECIDE_APPEAL: { command: { type: "DECIDE_APPEAL", disputeId: "d1", outcome: "UPHOLD", rationale: "The photos support the buyer's claim." }, now: at(5 * DAY), state: withDispute("APPEALED") },
  TAKE_DISPUTE: { command: { type: "TAKE_DISPUTE", disputeId: "d1", reason: "" }, now: at(5 * DAY), state: withDispute("OPEN") },
  ASK_FOR_INFORMATION: { command: { type: "ASK_FOR_INFORMATION", disputeId: "d1", party: "SELLER", question: "When did the parcel leave your warehouse?" }, now: at(5 * DAY), state: withDispute("OPEN") },
  APPEAL_WINDOW_END: { command: { type: "APPEAL_WINDOW_END", disputeId: "d1" }, now: at(5 * DAY), state: withDispute("DECIDED_FOR_BUYER", "APPEAL_WINDOW:d1") },
  CANCEL_DISPUTE_WINDOW_END: { command: { type: "CANCEL_DISPUTE_WINDOW_END" }, now: at(5 * DAY), state: due("CANCEL_DISPUTE_FILING") },
  HURRY_SIMULATION: { command: { type: "HURRY_SIMULATION", deadline: "REFUND_ARRIVAL:r1" }, now: at(5 * DAY), state: withRefund("PENDING", "REFUND_ARRIVAL:r1") },
};

function withDispute(status: DisputeStatus, timer?: string, subject: "REFUND" | "CASE" = "REFUND") {
  return (): Partial<OrderState> => ({
    ...withRefund("OVERDUE")(),
    disputes: [
      {
        id: "d1",
        subject,
        subjectRef: subject === "CASE" ? "o1-case-1" : "r1",
        status,
        openedAt: at(4 * DAY),
        decideBy: at(6 * DAY),
        statements: [{ party: "BUYER", text: "Never arrived", photoCount: 0, at: at(4 * DAY) }],
        decision: status === "OPEN" ? null : { outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "Paid to the wallet instead.", agentId: "agent-0", at: at(4 * DAY), refundedMinor: 0 },
        appeal: status === "APPEALED" ? { statement: "Not my fault", at: at(4 * DAY), outcome: null, rationale: null, agentId: null, decidedAt: null } : null,
        assignee: null,
        infoRequest: null,
      },
    ],
    deadlines: timer ? { [timer]: at(60) } : {},
  });
}

function withCase(type: CaseType, status: CaseStatus, extra: Partial<ReturnCaseState> = {}, timer?: string) {
  return (): Partial<OrderState> => ({
    returnCase: {
      ...newReturnCase({ id: "o1", caseCount: 0 }, at(4 * DAY), {
        type,
        status,
        reasonKey: type === "REFUSED_PARCEL" ? "package_rejected" : "damaged",
        description: "",
        photoCount: 1,
        preDelivery: false,
      }),
      ...extra,
    },
    caseCount: 1,
    deadlines: timer ? { [timer]: at(60) } : {},
  });
}

function withRefund(status: RefundStatus, timer?: string) {
  return (): Partial<OrderState> => ({
    refunds: [{ key: "r1", totalMinor: 1000, destination: "CARD", status, expectedArrivalAt: at(60) }],
    deadlines: timer ? { [timer]: at(60) } : {},
  });
}

function pendingRequest(): Partial<OrderState> {
  return { cancelRequest: { status: "PENDING", reasonKey: "no_longer_needed", requestedAt: at(DAY), respondBy: at(2 * DAY), resolvedAt: null, rejectReasonKey: null } };
}

function due(kind: (typeof DEADLINE_KINDS)[number]) {
  return (): Partial<OrderState> => ({ deadlines: { [kind]: at(60) } });
}

function situation(type: CommandType, status: OrderStatus) {
  const ready = READY[type];
  const policy = ready.policy ?? POLICIES.US;
  const base = order(status, {}, policy);
  const extra = ready.state?.(status) ?? {};
  const command = typeof ready.command === "function" ? ready.command(status) : ready.command;
  return { state: { ...base, ...extra, deadlines: { ...base.deadlines, ...extra.deadlines } }, policy, ready: { ...ready, command } };
}

describe("the order transitions table, status × command × role", () => {
  for (const type of COMMAND_TYPES) {
    const rule = TRANSITIONS[type];
    for (const status of ORDER_STATUSES) {
      for (const role of ROLES) {
        const allowed = rule.roles.includes(role) && rule.from.includes(status);
        it(`${type} by ${role} in ${status}: ${allowed ? `allowed → ${rule.to.length ? rule.to.join("/") : "status unchanged"}` : "refused with a reason"}`, () => {
          const { state, policy, ready } = situation(type, status);
          const result = decide(state, ready.command, actorFor(role), ready.now, policy);
          if (allowed) {
            if (!result.ok) throw new Error(`refused: ${say(result.error.reason)}`);
            expect(result.to === status || rule.to.includes(result.to)).toBe(true);
            if (rule.to.length === 0) expect(result.to).toBe(status);
            for (const effect of result.effects) if (effect.type === "LEDGER") expect(effect.postings.reduce((sum, p) => sum + p.amountMinor, 0)).toBe(0);
            if (FINAL_STATUSES.includes(result.to)) {
              // A final order keeps no ORDER deadline open.
              expect(result.deadlines.open.filter((d) => DEADLINE_SCOPES[d.kind] === "ORDER")).toEqual([]);
              for (const key of Object.keys(state.deadlines)) {
                if (DEADLINE_SCOPES[parseDeadlineKey(key)!.kind] === "ORDER") expect(result.deadlines.close).toContain(key);
              }
            }
            expect(say(result.event.summary).length).toBeGreaterThan(10);
          } else {
            expect(result.ok).toBe(false);
            if (result.ok) return;
            expect(result.error.code).toBe(rule.roles.includes(role) ? "INVALID_TRANSITION" : "FORBIDDEN");
            expect(say(result.error.reason)).toMatch(/\w+ \w+ \w+/);
          }
        });
      }
    }
  }
});

describe("the graph", () => {
  it("is sound: known statuses, nothing leaves a final status, every deadline has a system command", () => {
    expect(checkTransitionGraph()).toEqual([]);
    for (const kind of DEADLINE_KINDS) expect(TRANSITIONS[DEADLINE_COMMANDS[kind]("ref").type].roles).toContain("SYSTEM");
  });

  it("catches an unknown target, an exit from a final status, and a deadline without a command", () => {
    const problems = checkTransitionGraph({ BAD: { from: ["CANCELLED"], to: ["NOWHERE"], roles: ["BUYER"] } }, {});
    expect(problems).toContain("BAD: unknown status NOWHERE");
    expect(problems).toContain("BAD: leaves final status CANCELLED");
    expect(problems).toContain("deadline PAYMENT has no system command");
  });

  it("the cancel-request sub-machine only moves forward from PENDING, and its final statuses are final", () => {
    expect(CANCEL_REQUEST_TRANSITIONS.NONE).toEqual(["PENDING", "AUTO_APPROVED"]);
    for (const status of ["APPROVED", "AUTO_APPROVED", "REJECTED", "AUTO_REJECTED", "WITHDRAWN"] as const) expect(CANCEL_REQUEST_TRANSITIONS[status]).toEqual([]);
  });
});

describe("availableActions", () => {
  it("never offers system commands to people, and every closed action carries a reason", () => {
    for (const status of ORDER_STATUSES) {
      for (const role of ["BUYER", "SELLER", "SUPPORT"] as const) {
        const actions = availableActions(order(status), actorFor(role), at(DAY + 60), POLICIES.US);
        for (const action of actions) {
          expect(TRANSITIONS[action.command].roles).toContain(role);
          if (!action.enabled) expect(say(action.reason)).toBeTruthy();
        }
      }
    }
  });

  it("agrees with decide: an enabled action is one that decide accepts (given valid fields)", () => {
    for (const type of COMMAND_TYPES) {
      for (const status of ORDER_STATUSES) {
        const { state, policy, ready } = situation(type, status);
        for (const role of ROLES) {
          const action = availableActions(state, actorFor(role), ready.now, policy).find((a) => a.command === type);
          if (!action || TRANSITIONS[type].timer) continue;
          expect(decide(state, ready.command, actorFor(role), ready.now, policy).ok, `${type} ${status} ${role}`).toBe(action.enabled);
        }
      }
    }
  });
});
