/**
 * Disputes (docs/rules.md#disputes). The buyer escalates after a rejected request, a
 * rejected returned parcel, an overdue refund, or a rejected cancel request (both profiles); both
 * sides add statements and evidence while it is open; support decides with a rationale. Appeals are
 * in appeals.ts.
 */
import { formatDateTime } from "../../format";
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
import { money, notify } from "./sentences";
import { quiet, type Context, type FieldError, type Rules } from "./shape";
import { visibleLength } from "../../text";

type DisputeCommand = "ESCALATE" | "ADD_DISPUTE_STATEMENT" | "DECIDE_DISPUTE" | "DECIDE_REFUND_DISPUTE" | "CANCEL_DISPUTE_WINDOW_END";

const isOutcome = (value: string) => (DISPUTE_OUTCOMES as readonly string[]).includes(value);
const rationaleCheck = (rationale: string): FieldError | null =>
  visibleLength(rationale) < MIN_RATIONALE ? { field: "rationale", reason: `Explain the decision (at least ${MIN_RATIONALE} characters): both parties read it.` } : null;

/** What support may decide on a case or a cancel request: in full or part, with or without a return. */
function decisionCheck(ctx: Context<Extract<Command, { type: "DECIDE_DISPUTE" }>>): FieldError | null {
  const { state, command } = ctx;
  const wrong = disputeIn(ctx, "OPEN");
  if (wrong) return wrong;
  const dispute = findDispute(state, command.disputeId)!;
  const held = heldByAnother(dispute, ctx.actor);
  if (held) return held;
  if (dispute.subject === "REFUND") return { field: "disputeId", reason: "An overdue refund is decided with the refund remedy." };
  if (!isOutcome(command.outcome)) return { field: "outcome", reason: "Decide for the buyer or for the seller." };
  const rationale = rationaleCheck(command.rationale);
  if (rationale || command.outcome === "SELLER") return rationale;
  if (dispute.subject === "CANCEL_REQUEST" && (command.amountMinor !== null || command.returnRequired)) return { field: "amount", reason: "A cancel dispute is decided in full: no partial amount and no return." };
  if (dispute.subject === "CASE") {
    const full = caseBreakdown(ctx).totalMinor;
    if (command.amountMinor !== null && (!Number.isSafeInteger(command.amountMinor) || command.amountMinor < 1 || command.amountMinor > full)) {
      return { field: "amount", reason: `A partial amount must be between ${money(state, 1)} and ${money(state, full)}, what is left to refund.` };
    }
    const current = state.returnCase!;
    const itemWithBuyer = current.type === "RETURN_AND_REFUND" && current.carrier === null;
    if (command.returnRequired && (command.amountMinor !== null || !itemWithBuyer)) {
      return { field: "returnRequired", reason: "A return can only be required with a full refund, of an item the buyer still has." };
    }
    // A decision never gives what the request's reason does not allow (issue 27, R4): a change of
    // mind is refunded against the item, never "the buyer keeps it".
    if (itemWithBuyer && !command.returnRequired && !reasonAllows(current.reasonKey, "REFUND_ONLY")) {
      const label = findReason(current.reasonKey)?.label ?? "This reason";
      return { field: "returnRequired", reason: `"${label}" is refunded only against the item: require the return first (the buyer cannot keep the item for this reason).` };
    }
  }
  return null;
}

export const DISPUTE_RULES: Rules<DisputeCommand> = {
  ESCALATE: {
    label: "Ask platform support to decide",
    roles: ["BUYER"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: ["NONE"], to: ["OPEN"] },
    cases: { from: ["REJECTED", "RECEIPT_REJECTED"], to: ["ESCALATED"] },
    guard: ({ state }) => (escalatable(state).length > 0 ? null : quiet("There is nothing to escalate right now.")),
    validate: ({ state, command }) => {
      if (!(DISPUTE_SUBJECTS as readonly string[]).includes(command.subject)) return { field: "subject", reason: "Choose what you want support to decide." };
      const options = escalatable(state).filter((option) => option.subject === command.subject && (command.subject !== "REFUND" || option.ref === command.refundKey));
      if (options.length === 0) return { field: "subject", reason: `You can't escalate ${SUBJECT_WORDS[command.subject]} now.` };
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
            `The buyer asked platform support to decide on order ${state.code}`,
            `About ${SUBJECT_WORDS[option.subject]}. Add your statement and evidence; support aims to decide by ${formatDateTime(dispute.decideBy)}.${option.subject === "CANCEL_REQUEST" ? " You can't ship the order until support decides." : ""}`,
          ),
        ],
        event: event(
          "DISPUTE_OPENED",
          `The buyer escalated ${SUBJECT_WORDS[option.subject]} to platform support: "${command.statement}"${option.subject === "CANCEL_REQUEST" ? " The order cannot ship, and its dispatch deadlines are paused, until support decides." : ""}`,
          { disputeId: dispute.id, subject: option.subject },
        ),
      };
    },
  },

  ADD_DISPUTE_STATEMENT: {
    label: "Add a statement",
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
      const photos = command.photoCount ? ` with ${command.photoCount} photo${command.photoCount === 1 ? "" : "s"}` : "";
      return {
        dispute: { ...dispute, infoRequest, statements: [...dispute.statements, { party, text: command.statement, photoCount: command.photoCount, at: now }] },
        event: event("DISPUTE_STATEMENT", `The ${party.toLowerCase()} added a statement${photos}: "${command.statement}"`, { disputeId: dispute.id }),
      };
    },
  },

  DECIDE_DISPUTE: {
    label: "Decide the dispute",
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
    label: "Decide the overdue refund",
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
      if (dispute.subject !== "REFUND") return { field: "disputeId", reason: "This dispute is not about a refund." };
      const held = heldByAnother(dispute, ctx.actor);
      if (held) return held;
      if (!isOutcome(ctx.command.outcome)) return { field: "outcome", reason: "Pay the refund to the wallet, or dismiss the dispute." };
      return rationaleCheck(ctx.command.rationale);
    },
    apply: (ctx) => {
      const { state, command, actor, now } = ctx;
      const dispute = findDispute(state, command.disputeId)!;
      const rationale = `Rationale: ${command.rationale}`;
      const decided = (outcome: "BUYER" | "SELLER", status: DisputeState["status"]): DisputeState => ({
        ...dispute,
        status,
        decision: { outcome, amountMinor: null, returnRequired: false, rationale: command.rationale, agentId: String(actor.id), at: now, refundedMinor: 0 },
      });
      if (command.outcome === "SELLER") {
        return {
          dispute: decided("SELLER", "DECIDED_FOR_SELLER"),
          effects: [notify("BUYER", "DISPUTE_DECIDED", `Platform support dismissed your refund dispute for order ${state.code}`, rationale)],
          event: event("DISPUTE_DECIDED", `Platform support dismissed the overdue-refund dispute. ${rationale}`, { disputeId: dispute.id }),
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
          notify("BUYER", "DISPUTE_DECIDED", `Your overdue refund for order ${state.code} was paid to your platform wallet`, `${money(state, original.totalMinor)} is in your wallet now. ${rationale}`),
        ],
        event: event("DISPUTE_DECIDED", `Platform support paid the overdue refund of ${money(state, original.totalMinor)} to the buyer's platform wallet instead. ${rationale}`, { disputeId: dispute.id }),
      };
    },
  },

  CANCEL_DISPUTE_WINDOW_END: {
    label: "Close the window to escalate a rejected cancel",
    roles: ["SYSTEM"],
    // The window stays open after shipment is arranged, until the pickup (issue 27, R2 and R7).
    from: ["AWAITING_SHIPMENT", "AWAITING_COLLECTION"],
    to: [],
    timer: () => "CANCEL_DISPUTE_FILING",
    apply: () => ({
      deadlines: { close: ["CANCEL_DISPUTE_FILING"] },
      event: event("CANCEL_DISPUTE_WINDOW_ENDED", "The buyer did not escalate the rejected cancel request; the order may ship."),
    }),
  },
};

