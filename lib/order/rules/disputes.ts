/**
 * Disputes (docs/rules.md#disputes). The buyer escalates after a rejected request, a
 * rejected returned parcel, an overdue refund, or a rejected cancel request (both profiles); both
 * sides add statements and evidence while it is open; support decides with a rationale. Appeals are
 * in appeals.ts.
 */
import { at, m } from "../../i18n/message";
import type { Command, RefundEffect } from "../commands";
import { deadlineKey } from "../deadlines";
import { DISPUTE_OUTCOMES, DISPUTE_SUBJECTS, type DisputeState } from "../dispute";
import { MIN_RATIONALE } from "../limits";
import { findReason } from "../reasons";
import { reasonAllows } from "../request-rules";
import { ORDER_STATUSES } from "../model";
import { addDuration } from "../policy";
import { event } from "./events";
import { ledgerMoves } from "./ledger-moves";
import { caseBreakdown, moveCase } from "./outcomes/case";
import { SUBJECT_WORDS, anyDisputeIn, disputeIn, escalatable, findDispute, statementCheck } from "./outcomes/dispute";
import { decideForBuyer, decideForSeller } from "./outcomes/decision";
import { heldByAnother, workableDispute } from "./casework";
import { money, notify, NOTHING } from "./sentences";
import { quiet, type Context, type FieldError, type Rules } from "./shape";
import { visibleLength } from "../../text";

type DisputeCommand = "ESCALATE" | "ADD_DISPUTE_STATEMENT" | "DECIDE_DISPUTE" | "DECIDE_REFUND_DISPUTE" | "CANCEL_DISPUTE_WINDOW_END";

const isOutcome = (value: string) => (DISPUTE_OUTCOMES as readonly string[]).includes(value);
const rationaleCheck = (rationale: string): FieldError | null =>
  visibleLength(rationale) < MIN_RATIONALE ? { field: "rationale", reason: m("engine.disputes.rationaleCheck.m1", { MIN_RATIONALE }) } : null;

/** What support may decide on a case or a cancel request: in full or part, with or without a return. */
function decisionCheck(ctx: Context<Extract<Command, { type: "DECIDE_DISPUTE" }>>): FieldError | null {
  const { state, command } = ctx;
  const wrong = disputeIn(ctx, "OPEN");
  if (wrong) return wrong;
  const dispute = findDispute(state, command.disputeId)!;
  const held = heldByAnother(dispute, ctx.actor);
  if (held) return held;
  if (dispute.subject === "REFUND") return { field: "disputeId", reason: m("engine.disputes.decisionCheck.m1") };
  if (!isOutcome(command.outcome)) return { field: "outcome", reason: m("engine.disputes.decisionCheck.m2") };
  const rationale = rationaleCheck(command.rationale);
  if (rationale || command.outcome === "SELLER") return rationale;
  if (dispute.subject === "CANCEL_REQUEST" && (command.amountMinor !== null || command.returnRequired)) return { field: "amount", reason: m("engine.disputes.decisionCheck.m3") };
  if (dispute.subject === "CASE") {
    const full = caseBreakdown(ctx).totalMinor;
    if (command.amountMinor !== null && (!Number.isSafeInteger(command.amountMinor) || command.amountMinor < 1 || command.amountMinor > full)) {
      return { field: "amount", reason: m("engine.disputes.decisionCheck.m4", { value: money(state, 1), full: money(state, full) }) };
    }
    const current = state.returnCase!;
    const itemWithBuyer = current.type === "RETURN_AND_REFUND" && current.carrier === null;
    if (command.returnRequired && (command.amountMinor !== null || !itemWithBuyer)) {
      return { field: "returnRequired", reason: m("engine.disputes.decisionCheck.m5") };
    }
    // A decision never gives what the request's reason does not allow (issue 27, R4): a change of
    // mind is refunded against the item, never "the buyer keeps it".
    if (itemWithBuyer && !command.returnRequired && !reasonAllows(current.reasonKey, "REFUND_ONLY")) {
      const label = findReason(current.reasonKey)?.label ?? m("engine.disputes.decisionCheck.m6");
      return { field: "returnRequired", reason: m("engine.disputes.decisionCheck.m7", { label }) };
    }
  }
  return null;
}

export const DISPUTE_RULES: Rules<DisputeCommand> = {
  ESCALATE: {
    roles: ["BUYER"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: ["NONE"], to: ["OPEN"] },
    cases: { from: ["REJECTED", "RECEIPT_REJECTED"], to: ["ESCALATED"] },
    guard: ({ state }) => (escalatable(state).length > 0 ? null : quiet(m("engine.disputes.ESCALATE.m1"))),
    validate: ({ state, command }) => {
      if (!(DISPUTE_SUBJECTS as readonly string[]).includes(command.subject)) return { field: "subject", reason: m("engine.disputes.ESCALATE.m2") };
      const options = escalatable(state).filter((option) => option.subject === command.subject && (command.subject !== "REFUND" || option.ref === command.refundKey));
      if (options.length === 0) return { field: "subject", reason: m("engine.disputes.ESCALATE.m4", { subject: SUBJECT_WORDS[command.subject] }) };
      return statementCheck(command.statement, command.photoCount);
    },
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const option = escalatable(state).find((o) => o.subject === command.subject && (command.subject !== "REFUND" || o.ref === command.refundKey))!;
      const dispute: DisputeState = {
        id: `${state.id}-dispute-${state.disputes.length + 1}`,
        subject: option.subject,
        subjectRef: option.ref,
        status: "OPEN",
        openedAt: now,
        decideBy: addDuration(now, policy.supportDecision, policy),
        statements: [{ party: "BUYER", text: command.statement, photoCount: command.photoCount, at: now }],
        decision: null,
        appeal: null,
        assignee: null,
        infoRequest: null,
      };
      const onCase = option.subject === "CASE";
      return {
        dispute,
        ...(onCase ? { returnCase: moveCase(ctx, "ESCALATED") } : {}),
        // A cancel dispute holds the order: it cannot ship, and its dispatch clocks (and a carrier pickup
        // already booked) pause until support decides (DOMAIN; issue 27, R1).
        deadlines: { close: onCase ? ["DISPUTE_FILING"] : option.subject === "CANCEL_REQUEST" ? ["CANCEL_DISPUTE_FILING", "DISPATCH", "DISPATCH_AUTO_CANCEL", "CARRIER_PICKUP"] : [] },
        effects: [
          notify(
            "SELLER",
            "DISPUTE_OPENED",
            m("engine.disputes.ESCALATE.m3", { code: state.code }),
            m("engine.disputes.ESCALATE.notifySeller", { subject: SUBJECT_WORDS[option.subject], decideBy: at(dispute.decideBy), cancel: option.subject === "CANCEL_REQUEST" ? "yes" : "no" }),
          ),
        ],
        event: event(
          "DISPUTE_OPENED",
          m("engine.disputes.ESCALATE.event", { subject: SUBJECT_WORDS[option.subject], statement: command.statement, cancel: option.subject === "CANCEL_REQUEST" ? "yes" : "no" }),
          { disputeId: dispute.id, subject: option.subject },
        ),
      };
    },
  },

  ADD_DISPUTE_STATEMENT: {
    roles: ["BUYER", "SELLER"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: [], to: [], stays: ["OPEN"] },
    guard: anyDisputeIn(["OPEN"]),
    validate: (ctx) => disputeIn(ctx, "OPEN") ?? statementCheck(ctx.command.statement, ctx.command.photoCount),
    apply: ({ state, command, actor, now }) => {
      const dispute = findDispute(state, command.disputeId)!;
      const party = actor.role === "SELLER" ? "SELLER" : "BUYER";
      // A statement from the party support asked answers the question.
      const asked = dispute.infoRequest;
      const infoRequest = asked && asked.party === party && !asked.answeredAt ? { ...asked, answeredAt: now } : asked;
      const photos = command.photoCount ? m("engine.disputes.ADD_DISPUTE_STATEMENT.withPhotos", { n: command.photoCount }) : NOTHING;
      return {
        dispute: { ...dispute, infoRequest, statements: [...dispute.statements, { party, text: command.statement, photoCount: command.photoCount, at: now }] },
        event: event("DISPUTE_STATEMENT", m("engine.disputes.ADD_DISPUTE_STATEMENT.m1", { party, photos, statement: command.statement }), { disputeId: dispute.id }),
      };
    },
  },

  DECIDE_DISPUTE: {
    roles: ["SUPPORT"],
    // A request or a cancel request is disputed while the order is still open (or, a US Buyer Protection claim, after it completed); an overdue refund (DECIDE_REFUND_DISPUTE) at any time.
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED"],
    to: ["CANCELLED", "COMPLETED"],
    disputes: { from: ["OPEN"], to: ["DECIDED_FOR_BUYER", "DECIDED_FOR_SELLER"] },
    cases: { from: ["ESCALATED"], to: ["REFUNDED", "AWAITING_SHIPBACK", "CLOSED"] },
    guard: workableDispute(["OPEN"], ["CASE", "CANCEL_REQUEST"]),
    validate: decisionCheck,
    apply: (ctx) => (ctx.command.outcome === "SELLER" ? decideForSeller(ctx) : decideForBuyer(ctx)),
  },

  DECIDE_REFUND_DISPUTE: {
    roles: ["SUPPORT"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: ["OPEN"], to: ["DECIDED_FOR_SELLER", "CLOSED"] },
    refunds: { from: ["OVERDUE"], to: ["REISSUED"] },
    guard: workableDispute(["OPEN"], ["REFUND"]),
    validate: (ctx) => {
      const wrong = disputeIn(ctx, "OPEN");
      if (wrong) return wrong;
      const dispute = findDispute(ctx.state, ctx.command.disputeId)!;
      if (dispute.subject !== "REFUND") return { field: "disputeId", reason: m("engine.disputes.DECIDE_REFUND_DISPUTE.m1") };
      const held = heldByAnother(dispute, ctx.actor);
      if (held) return held;
      if (!isOutcome(ctx.command.outcome)) return { field: "outcome", reason: m("engine.disputes.DECIDE_REFUND_DISPUTE.m2") };
      return rationaleCheck(ctx.command.rationale);
    },
    apply: (ctx) => {
      const { state, command, actor, now } = ctx;
      const dispute = findDispute(state, command.disputeId)!;
      const rationale = m("engine.outcomeDecision.rationale", { rationale: command.rationale });
      const decided = (outcome: "BUYER" | "SELLER", status: DisputeState["status"]): DisputeState => ({
        ...dispute,
        status,
        decision: { outcome, amountMinor: null, returnRequired: false, rationale: command.rationale, agentId: String(actor.id), at: now, refundedMinor: 0 },
      });
      if (command.outcome === "SELLER") {
        return {
          dispute: decided("SELLER", "DECIDED_FOR_SELLER"),
          effects: [notify("BUYER", "DISPUTE_DECIDED", m("engine.disputes.DECIDE_REFUND_DISPUTE.m3", { code: state.code }), rationale)],
          event: event("DISPUTE_DECIDED", m("engine.disputes.DECIDE_REFUND_DISPUTE.m4", { rationale }), { disputeId: dispute.id }),
        };
      }

      // The remedy for an overdue refund: the platform takes the stuck payment over and pays the wallet at once.
      const original = state.refunds.find((refund) => refund.key === dispute.subjectRef)!;
      const remedy: RefundEffect = {
        type: "REFUND",
        idempotencyKey: `remedy:${original.key}`,
        currency: state.currency,
        itemsMinor: original.totalMinor,
        shippingMinor: 0,
        postageDeductedMinor: 0,
        totalMinor: original.totalMinor,
        destination: "WALLET",
        expectedArrivalAt: now,
        arrived: true,
      };
      return {
        dispute: decided("BUYER", "CLOSED"),
        refundUpdate: { key: original.key, status: "REISSUED", at: now },
        deadlines: { close: [deadlineKey("REFUND_ARRIVAL", original.key), deadlineKey("REFUND_OVERDUE", original.key)] },
        effects: [
          remedy,
          ledgerMoves.recall(state, original.totalMinor),
          ledgerMoves.remedy(state, original.totalMinor),
          notify("BUYER", "DISPUTE_DECIDED", m("engine.disputes.DECIDE_REFUND_DISPUTE.m5", { code: state.code }), m("engine.disputes.DECIDE_REFUND_DISPUTE.m7", { amount: money(state, original.totalMinor), rationale })),
        ],
        event: event("DISPUTE_DECIDED", m("engine.disputes.DECIDE_REFUND_DISPUTE.m6", { amount: money(state, original.totalMinor), rationale }), { disputeId: dispute.id }),
      };
    },
  },

  CANCEL_DISPUTE_WINDOW_END: {
    roles: ["SYSTEM"],
    // The window stays open after shipment is arranged, until the pickup (issue 27, R2 and R7).
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    timer: () => "CANCEL_DISPUTE_FILING",
    apply: () => ({
      deadlines: { close: ["CANCEL_DISPUTE_FILING"] },
      event: event("CANCEL_DISPUTE_WINDOW_ENDED", m("engine.disputes.CANCEL_DISPUTE_WINDOW_END.m1")),
    }),
  },
};

