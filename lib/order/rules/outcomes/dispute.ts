/** Shared by the dispute and appeal rules: what can be escalated, finding a dispute, checking statements. */
import { m, type Message } from "../../../i18n/message";
import type { Command } from "../../commands";
import type { DisputeState, DisputeSubject } from "../../dispute";
import { DISPUTE_STATUS_LABELS } from "../../dispute";
import { MAX_PHOTOS, MAX_STATEMENT } from "../../limits";
import type { OrderState } from "../../model";
import { quiet, type Block, type Context, type FieldError, type Outcome, type StateContext } from "../shape";
import type { Effect } from "../../commands";
import { event } from "../events";
import { visibleLength } from "../../../text";

export const SUBJECT_WORDS: Record<DisputeSubject, Message> = { CASE: m("engine.outcomeDispute.SUBJECT_WORDS.m1"), CANCEL_REQUEST: m("engine.outcomeDispute.SUBJECT_WORDS.m2"), REFUND: m("engine.outcomeDispute.SUBJECT_WORDS.m3") };

/** What the buyer can escalate now, by subject, with the thing it is about. */
export function escalatable(state: OrderState): { subject: DisputeSubject; ref: string }[] {
  const result: { subject: DisputeSubject; ref: string }[] = [];
  const already = (subject: DisputeSubject, ref: string) => state.disputes.some((d) => d.subject === subject && d.subjectRef === ref);
  const current = state.returnCase;
  if (current && (current.status === "REJECTED" || current.status === "RECEIPT_REJECTED") && state.deadlines.DISPUTE_FILING && !already("CASE", current.id)) {
    result.push({ subject: "CASE", ref: current.id });
  }
  // A rejected cancel request, until the carrier picks the order up (both profiles; issue 27, R7).
  const notPickedUp = state.status === "AWAITING_SHIPMENT" || state.status === "AWAITING_COLLECTION";
  if (state.cancelRequest?.status === "REJECTED" && notPickedUp && state.deadlines.CANCEL_DISPUTE_FILING && !already("CANCEL_REQUEST", state.id)) {
    result.push({ subject: "CANCEL_REQUEST", ref: state.id });
  }
  for (const refund of state.refunds) if (refund.status === "OVERDUE" && !already("REFUND", refund.key)) result.push({ subject: "REFUND", ref: refund.key });
  return result;
}

export function findDispute(state: OrderState, id: string): DisputeState | undefined {
  return state.disputes.find((dispute) => dispute.id === id);
}

export function disputeIn(ctx: Context<Extract<Command, { disputeId: string }>>, ...statuses: DisputeState["status"][]): FieldError | null {
  const dispute = findDispute(ctx.state, ctx.command.disputeId);
  if (!dispute) return { field: "disputeId", reason: m("engine.outcomeDispute.disputeIn.m1") };
  return statuses.includes(dispute.status) ? null : { field: "disputeId", reason: m("engine.outcomeDispute.disputeIn.status", { status: DISPUTE_STATUS_LABELS[dispute.status] }) };
}

export function statementCheck(statement: string, photoCount: number): FieldError | null {
  if (visibleLength(statement) === 0) return { field: "statement", reason: m("engine.outcomeDispute.statementCheck.m1") };
  if (statement.length > MAX_STATEMENT) return { field: "statement", reason: m("engine.outcomeDispute.statementCheck.m2", { MAX_STATEMENT }) };
  if (!Number.isInteger(photoCount) || photoCount < 0 || photoCount > MAX_PHOTOS) return { field: "photos", reason: m("engine.outcomeDispute.statementCheck.m3", { MAX_PHOTOS }) };
  return null;
}

/** A guard: some dispute of the order is at one of these steps. */
export const anyDisputeIn = (statuses: DisputeState["status"][]) => ({ state }: StateContext): Block | null =>
  state.disputes.some((d) => statuses.includes(d.status)) ? null : quiet(m("engine.outcomeDispute.anyDisputeIn.m1"));

/** An outcome (a refund, a cancellation) recorded as support's decision on a dispute. */
export function withDispute(outcome: Outcome, dispute: DisputeState, summary: Message, extra: Effect[] = [], data: Record<string, unknown> = {}): Outcome {
  return {
    ...outcome,
    dispute,
    effects: [...(outcome.effects ?? []), ...extra],
    event: event("DISPUTE_DECIDED", m("engine.outcomeDispute.withDispute.summary", { summary, outcome: outcome.event.summary }), { ...outcome.event.data, ...data, disputeId: dispute.id }),
  };
}
