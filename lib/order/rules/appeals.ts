/**
 * Appeals (docs/rules.md#disputes): the seller may appeal a decision for the buyer within
 * the policy's appeal window; a different agent decides. If the seller wins after the buyer was
 * refunded, the buyer keeps the refund and the platform compensates the seller.
 */
import { m } from "../../i18n/message";
import { deadlineKey } from "../deadlines";
import { APPEAL_OUTCOMES, type DisputeState } from "../dispute";
import { MIN_RATIONALE } from "../limits";
import { ORDER_STATUSES } from "../model";
import { describeDuration } from "../policy";
import { APPEAL_ROUTING_REASON, HELD_BY_ANOTHER_REASON, heldByAnother } from "./casework";
import { event } from "./events";
import { ledgerMoves } from "./ledger-moves";
import { caseDeadlines, moveCase, openCase } from "./outcomes/case";
import { anyDisputeIn, disputeIn, findDispute, statementCheck } from "./outcomes/dispute";
import { money, notify, NOTHING } from "./sentences";
import { quiet, type Outcome, type Rules, type StateContext } from "./shape";
import { visibleLength } from "../../text";

type AppealCommand = "APPEAL_DECISION" | "DECIDE_APPEAL" | "APPEAL_WINDOW_END";

/** After an appeal closes a case whose return window already ended, the window's timer comes back to complete the order. */
function reopenCompletion({ state, now }: StateContext): Outcome["deadlines"] {
  // While the window is open its deadline is still there; only a window that already ended needs its timer back, now.
  return state.status === "DELIVERED" && !state.deadlines.RETURN_WINDOW ? { open: [{ kind: "RETURN_WINDOW", dueAt: now }] } : {};
}

export const APPEAL_RULES: Rules<AppealCommand> = {
  APPEAL_DECISION: {
    roles: ["SELLER"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: ["DECIDED_FOR_BUYER"], to: ["APPEALED"] },
    guard: anyDisputeIn(["DECIDED_FOR_BUYER"]),
    validate: (ctx) => disputeIn(ctx, "DECIDED_FOR_BUYER") ?? statementCheck(ctx.command.statement, 0),
    apply: ({ state, command, now }) => {
      const dispute = findDispute(state, command.disputeId)!;
      return {
        // The appeal goes back to the queue for an agent other than the first decider to take.
        dispute: { ...dispute, status: "APPEALED", assignee: null, appeal: { statement: command.statement, at: now, outcome: null, rationale: null, agentId: null, decidedAt: null } },
        deadlines: { close: [deadlineKey("APPEAL_WINDOW", dispute.id)] },
        effects: [notify("BUYER", "DISPUTE_APPEALED", m("engine.appeals.APPEAL_DECISION.m1", { code: state.code }), m("engine.appeals.APPEAL_DECISION.m3"))],
        event: event("DISPUTE_APPEALED", m("engine.appeals.APPEAL_DECISION.m2", { statement: command.statement }), { disputeId: dispute.id }),
      };
    },
  },

  DECIDE_APPEAL: {
    roles: ["SUPPORT"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: ["APPEALED"], to: ["APPEAL_UPHELD", "APPEAL_OVERTURNED"] },
    cases: { from: ["AWAITING_SHIPBACK"], to: ["CLOSED"], stays: ["RETURN_SHIPPED"] },
    guard: ({ state, actor }) => {
      const appealed = state.disputes.filter((d) => d.status === "APPEALED");
      if (appealed.length === 0) return quiet(m("engine.appeals.DECIDE_APPEAL.m1"));
      const routed = appealed.filter((d) => d.decision?.agentId !== actor.id);
      if (routed.length === 0) return { reason: APPEAL_ROUTING_REASON };
      return routed.some((d) => !heldByAnother(d, actor)) ? null : { reason: HELD_BY_ANOTHER_REASON };
    },
    validate: (ctx) => {
      const wrong = disputeIn(ctx, "APPEALED");
      if (wrong) return wrong;
      const dispute = findDispute(ctx.state, ctx.command.disputeId)!;
      if (dispute.decision!.agentId === ctx.actor.id) return { field: "disputeId", reason: APPEAL_ROUTING_REASON };
      const held = heldByAnother(dispute, ctx.actor);
      if (held) return held;
      if (!(APPEAL_OUTCOMES as readonly string[]).includes(ctx.command.outcome)) return { field: "outcome", reason: m("engine.appeals.DECIDE_APPEAL.m2") };
      if (visibleLength(ctx.command.rationale) < MIN_RATIONALE) return { field: "rationale", reason: m("engine.appeals.DECIDE_APPEAL.m3", { MIN_RATIONALE }) };
      return null;
    },
    apply: (ctx) => {
      const { state, command, actor, now } = ctx;
      const dispute = findDispute(state, command.disputeId)!;
      const overturned = command.outcome === "OVERTURN";
      const appeal = { ...dispute.appeal!, outcome: overturned ? ("OVERTURNED" as const) : ("UPHELD" as const), rationale: command.rationale, agentId: actor.id, decidedAt: now };
      const next: DisputeState = { ...dispute, status: overturned ? "APPEAL_OVERTURNED" : "APPEAL_UPHELD", appeal };
      const rationale = m("engine.outcomeDecision.rationale", { rationale: command.rationale });
      if (!overturned) {
        return {
          dispute: next,
          effects: [notify("SELLER", "APPEAL_DECIDED", m("engine.appeals.DECIDE_APPEAL.m4", { code: state.code }), rationale)],
          event: event("APPEAL_DECIDED", m("engine.appeals.DECIDE_APPEAL.m5", { rationale }), { disputeId: dispute.id }),
        };
      }
      // The platform compensates the seller for what they actually lost (DOMAIN: Disputes and appeals):
      // goods that left and were not returned. A cancel-request dispute's goods never left and are back
      // in stock: nothing is paid (issue 27, R3). Its cancellation never counted against the shop: a
      // request the seller could reject was made before the dispatch deadline, so its fault is the buyer's.
      const cancelDispute = dispute.subject === "CANCEL_REQUEST";
      const refunded = cancelDispute ? 0 : dispute.decision!.refundedMinor;
      const current = openCase(ctx);
      const pendingReturn = dispute.subject === "CASE" && current?.id === dispute.subjectRef && current.refundOnArrival ? current : null;
      // A return the decision required is no longer owed: not yet shipped, the case closes; already on its way,
      // it reaches the seller as an ordinary return, inspected before any refund.
      const caseOutcome: Partial<Outcome> = !pendingReturn
        ? {}
        : pendingReturn.status === "AWAITING_SHIPBACK"
          ? { returnCase: moveCase(ctx, "CLOSED"), deadlines: { close: caseDeadlines(ctx), ...reopenCompletion(ctx) } }
          : { returnCase: { ...pendingReturn, refundOnArrival: false } };
      const forSeller = cancelDispute
        ? m("engine.appeals.DECIDE_APPEAL.m6")
        : refunded > 0
          ? m("engine.appeals.DECIDE_APPEAL.m7", { refunded: money(state, refunded) })
          : NOTHING;
      const forBuyer = cancelDispute || refunded > 0 ? m("engine.appeals.DECIDE_APPEAL.m8") : m("engine.appeals.DECIDE_APPEAL.returnNotRequired");
      const summary = cancelDispute
        ? m("engine.appeals.DECIDE_APPEAL.m9")
        : refunded > 0
          ? m("engine.appeals.DECIDE_APPEAL.m10", { refunded: money(state, refunded) })
          : NOTHING;
      return {
        dispute: next,
        ...caseOutcome,
        effects: [
          ...(refunded > 0 ? [ledgerMoves.compensation(state, refunded)] : []),
          notify("SELLER", "APPEAL_DECIDED", m("engine.appeals.DECIDE_APPEAL.m11", { code: state.code }), m("engine.appeals.DECIDE_APPEAL.withRationale", { lead: forSeller, rationale })),
          notify("BUYER", "APPEAL_DECIDED", m("engine.appeals.DECIDE_APPEAL.m12", { code: state.code }), m("engine.appeals.DECIDE_APPEAL.withRationale", { lead: forBuyer, rationale })),
        ],
        event: event("APPEAL_DECIDED", m("engine.appeals.DECIDE_APPEAL.m13", { summary, rationale }), { disputeId: dispute.id }),
      };
    },
  },

  APPEAL_WINDOW_END: {
    roles: ["SYSTEM"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: ["DECIDED_FOR_BUYER"], to: ["CLOSED"] },
    timer: (command) => deadlineKey("APPEAL_WINDOW", command.disputeId),
    validate: (ctx) => disputeIn(ctx, "DECIDED_FOR_BUYER"),
    apply: ({ state, command, policy }) => {
      const dispute = findDispute(state, command.disputeId)!;
      return {
        dispute: { ...dispute, status: "CLOSED" },
        event: event("DISPUTE_CLOSED", m("engine.appeals.APPEAL_WINDOW_END.m1", { appealWindow: describeDuration(policy.appealWindow) }), { disputeId: dispute.id }),
      };
    },
  },
};
