/**
 * Support's decision on a dispute about a case or a cancel request (DECIDE_DISPUTE): for the seller
 * the case closes; for the buyer the order is cancelled, or the case refunded in full or in part, or
 * a return required first. A decision for the buyer opens the seller's appeal window.
 */
import { at, m, type Message } from "../../../i18n/message";
import type { Command, DeadlineSpec, RefundEffect } from "../../commands";
import type { DisputeState, DisputeOutcome } from "../../dispute";
import { addDuration, cutoffAfterOrderDate } from "../../policy";
import { findReason } from "../../reasons";
import { previewRefund } from "../../return-case";
import { event } from "../events";
import { money, notify, NOTHING } from "../sentences";
import type { Context, Outcome } from "../shape";
import { cancelTheOrder } from "./cancel";
import { caseBreakdown, caseDeadlines, completion, moveCase, refundTheCase } from "./case";
import { findDispute, withDispute } from "./dispute";

type DecideContext = Context<Extract<Command, { type: "DECIDE_DISPUTE" }>>;

function decided(ctx: DecideContext, outcome: DisputeOutcome, refundedMinor: number, status: DisputeState["status"]): DisputeState {
  const { state, command, actor, now } = ctx;
  return {
    ...findDispute(state, command.disputeId)!,
    status,
    decision: { outcome, amountMinor: command.amountMinor, returnRequired: command.returnRequired, rationale: command.rationale, agentId: String(actor.id), at: now, refundedMinor },
  };
}

const refundedBy = (outcome: Outcome) => outcome.effects?.find((e): e is RefundEffect => e.type === "REFUND")?.totalMinor ?? 0;

/**
 * A cancel dispute decided for the seller releases the order: the clocks the dispute paused start
 * again, each moved by the time support took — the dispatch deadline (the order's own, so a pickup
 * after the ruling is late only against the moved one), the auto-cancel and a booked pickup. A
 * deadline that had passed before the dispute was opened is not moved (issue 27, R1).
 */
function releasedClocks(ctx: DecideContext, openedAt: Date): { patch?: Outcome["patch"]; open: DeadlineSpec[]; shipBy: Date | null } {
  const { state, now, policy } = ctx;
  const shift = Math.max(0, now.getTime() - openedAt.getTime());
  const moved = (due: Date) => (due.getTime() > openedAt.getTime() ? new Date(due.getTime() + shift) : due);
  const open: DeadlineSpec[] = [];
  let patch: Outcome["patch"];
  let shipBy: Date | null = null;
  if (state.dispatchDueAt && !state.lateDispatch) {
    shipBy = moved(state.dispatchDueAt);
    patch = { dispatchDueAt: shipBy };
    open.push({ kind: "DISPATCH", dueAt: shipBy });
  }
  if (state.status === "AWAITING_SHIPMENT" && state.paidAt) open.push({ kind: "DISPATCH_AUTO_CANCEL", dueAt: moved(cutoffAfterOrderDate(state.paidAt, policy.dispatchAutoCancel, policy)) });
  if (state.status === "AWAITING_COLLECTION" && state.arrangedAt) {
    const pickup = moved(addDuration(state.arrangedAt, policy.carrierPickup, policy));
    open.push({ kind: "CARRIER_PICKUP", dueAt: pickup.getTime() > now.getTime() ? pickup : now });
  }
  return { ...(patch ? { patch } : {}), open, shipBy };
}

export function decideForSeller(ctx: DecideContext): Outcome {
  const { state, command } = ctx;
  const dispute = findDispute(state, command.disputeId)!;
  const rationale = m("engine.outcomeDecision.rationale", { rationale: command.rationale });
  const base: Outcome = { event: event("DISPUTE_DECIDED", NOTHING) };
  let released: Message = NOTHING;
  if (dispute.subject === "CASE") {
    const done = completion(ctx, state.escrowMinor);
    Object.assign(base, { ...(done.status ? { status: done.status } : {}), returnCase: moveCase(ctx, "CLOSED"), deadlines: { close: caseDeadlines(ctx) }, effects: done.effects ?? [] });
  }
  if (dispute.subject === "CANCEL_REQUEST") {
    const clocks = releasedClocks(ctx, dispute.openedAt);
    Object.assign(base, { ...(clocks.patch ? { patch: clocks.patch } : {}), deadlines: { open: clocks.open } });
    released = clocks.shipBy ? m("engine.outcomeDecision.decideForSeller.m1", { shipBy: at(clocks.shipBy) }) : m("engine.outcomeDecision.decideForSeller.mayShip");
  }
  return withDispute(base, decided(ctx, "SELLER", 0, "DECIDED_FOR_SELLER"), m("engine.outcomeDecision.decideForSeller.summary", { released, rationale }), [
    notify("BUYER", "DISPUTE_DECIDED", m("engine.outcomeDecision.decideForSeller.m2", { code: state.code }), rationale),
    notify("SELLER", "DISPUTE_DECIDED", m("engine.outcomeDecision.decideForSeller.m3", { code: state.code }), m("engine.outcomeDecision.decideForSeller.sellerBody", { released, rationale })),
  ]);
}

/** What support decides for the buyer on a request or a returned parcel. */
function caseForBuyer(ctx: DecideContext): Outcome {
  const { state, command, now, policy } = ctx;
  const current = state.returnCase!;
  // Validation allows a required return only for a return-and-refund whose item the buyer still has.
  if (command.returnRequired) {
    const shipBy = addDuration(now, policy.shipBack, policy);
    return {
      returnCase: moveCase(ctx, "AWAITING_SHIPBACK", { refundOnArrival: true }),
      deadlines: { open: [{ kind: "SHIP_BACK", dueAt: shipBy }], close: caseDeadlines(ctx) },
      effects: [notify("BUYER", "RETURN_APPROVED", m("engine.outcomeDecision.caseForBuyer.m1", { code: state.code }), m("engine.outcomeDecision.caseForBuyer.m3", { shipBy: at(shipBy) }))],
      event: event("DISPUTE_DECIDED", NOTHING),
    };
  }
  const itemReturned = current.type === "RETURN_AND_REFUND" && current.status === "RECEIPT_REJECTED";
  // A return the buyer keeps is a refund only: no parcel, no postage.
  const breakdown =
    current.type === "RETURN_AND_REFUND" && !itemReturned
      ? previewRefund(state, { caseType: "REFUND_ONLY", reasonKey: current.reasonKey, partialMinor: command.amountMinor }, policy)
      : caseBreakdown(ctx, command.amountMinor);
  return refundTheCase(ctx, breakdown, { summary: m("engine.outcomeDecision.caseForBuyer.m2"), eventSummary: NOTHING, itemReturned });
}

export function decideForBuyer(ctx: DecideContext): Outcome {
  const { state, command, now, policy } = ctx;
  const dispute = findDispute(state, command.disputeId)!;
  const rationale = m("engine.outcomeDecision.rationale", { rationale: command.rationale });
  const appealBy = addDuration(now, policy.appealWindow, policy);
  const appealWindow = { kind: "APPEAL_WINDOW" as const, dueAt: appealBy, ref: dispute.id };

  if (dispute.subject === "CANCEL_REQUEST") {
    const reason = findReason(state.cancelRequest!.reasonKey)!;
    const cancelled = cancelTheOrder(ctx, reason, { summary: m("engine.outcomeDecision.decideForBuyer.m1"), keepDispute: true });
    return {
      ...cancelled,
      dispute: decided(ctx, "BUYER", refundedBy(cancelled), "DECIDED_FOR_BUYER"),
      deadlines: { ...cancelled.deadlines, open: [...(cancelled.deadlines?.open ?? []), appealWindow] },
      event: event("DISPUTE_DECIDED", m("engine.outcomeDecision.decideForBuyer.cancelSummary", { summary: cancelled.event.summary, rationale }), { ...cancelled.event.data, disputeId: dispute.id }),
    };
  }

  const caseOutcome = caseForBuyer(ctx);
  const withAppeal = { ...caseOutcome, deadlines: { ...caseOutcome.deadlines, open: [...(caseOutcome.deadlines?.open ?? []), appealWindow] } };
  const partial = command.amountMinor !== null ? m("engine.outcomeDecision.decideForBuyer.partial", { amount: money(state, command.amountMinor) }) : NOTHING;
  return withDispute(withAppeal, decided(ctx, "BUYER", refundedBy(caseOutcome), "DECIDED_FOR_BUYER"), m("engine.outcomeDecision.decideForBuyer.summary", { partial, returnRequired: command.returnRequired ? "yes" : "no", rationale }), [
    notify("SELLER", "DISPUTE_DECIDED", m("engine.outcomeDecision.decideForBuyer.m2", { code: state.code }), m("engine.outcomeDecision.decideForBuyer.m3", { rationale, appealBy: at(appealBy) })),
  ]);
}
