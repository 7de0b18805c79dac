/**
 * Shared outcomes of the after-sales case (docs/rules.md#returns): finding and moving the
 * open case, refunding it, closing it, and completing the order when nothing is left to wait for.
 */
import { m, type Message } from "../../../i18n/message";
import type { Effect } from "../../commands";
import { DEADLINE_SCOPES, parseDeadlineKey, type DeadlineKey } from "../../deadlines";
import type { OrderStatus } from "../../model";
import { FINAL_CASE_STATUSES, previewRefund, type CaseStatus, type RefundBreakdown, type ReturnCaseState } from "../../return-case";
import { event } from "../events";
import { caseWord, money, notify, refundSentence, NOTHING } from "../sentences";
import { quiet, type Block, type Outcome, type StateContext } from "../shape";
import { issueRefund, settlement } from "./refund";

/** Where an open case can be: after shipment, before (US pre-delivery refund) or after delivery, and (US Buyer Protection) after completion. */
export const CASE_STATUSES_OF_ORDER: readonly OrderStatus[] = ["AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED"];

export function openCase({ state }: Pick<StateContext, "state">): ReturnCaseState | null {
  const current = state.returnCase;
  return current && !FINAL_CASE_STATUSES.includes(current.status) ? current : null;
}

/** A guard: the open case is at one of these steps. */
export function caseIn(...statuses: CaseStatus[]) {
  return (ctx: StateContext): Block | null => {
    const current = openCase(ctx);
    return current && statuses.includes(current.status) ? null : quiet(m("engine.outcomeCase.caseIn.m1"));
  };
}

export function moveCase(ctx: StateContext, status: CaseStatus, patch: Partial<ReturnCaseState> = {}): ReturnCaseState {
  const current = ctx.state.returnCase!;
  const final = FINAL_CASE_STATUSES.includes(status);
  return { ...current, ...patch, status, closedAt: final ? ctx.now : current.closedAt };
}

/** The open deadlines of the current case (they all end when the case does). */
export function caseDeadlines(ctx: StateContext): DeadlineKey[] {
  return Object.keys(ctx.state.deadlines).filter((key) => {
    const parsed = parseDeadlineKey(key);
    return parsed && DEADLINE_SCOPES[parsed.kind] === "CASE";
  });
}

export function caseBreakdown(ctx: StateContext, partialMinor?: number | null): RefundBreakdown {
  const current = ctx.state.returnCase!;
  return previewRefund(ctx.state, { caseType: current.type, reasonKey: current.reasonKey, partialMinor, method: current.returnMethod }, ctx.policy);
}

/**
 * Completes the order when nothing is left to wait for: everything was refunded, the item came
 * back, or the return window is over. What escrow still holds settles to the seller.
 */
export function completion(ctx: StateContext, escrowAfter: number, itemReturned = false): Pick<Outcome, "status" | "effects"> {
  const { state, now } = ctx;
  // A completed order (a Buyer Protection claim) has already settled: nothing more to complete.
  if (!CASE_STATUSES_OF_ORDER.includes(state.status) || state.status === "COMPLETED") return {};
  const windowOver = !!state.returnWindowEndsAt && now.getTime() >= state.returnWindowEndsAt.getTime();
  if (escrowAfter > 0 && !itemReturned && !windowOver) return {};
  return { status: "COMPLETED", effects: settlement(state, escrowAfter) };
}

/** Refunds the current case: the refund, its postings and deadlines; the case REFUNDED; the order completed or settled if that is the end. */
export function refundTheCase(ctx: StateContext, breakdown: RefundBreakdown, opts: { summary: Message; eventSummary?: Message; restock?: boolean; itemReturned?: boolean }): Outcome {
  const { state } = ctx;
  const current = state.returnCase!;
  const issued = issueRefund(ctx, `case:${current.id}`, breakdown);
  // A refused parcel's order is already cancelled: what is left (the original shipping) settles to the seller now.
  const done = current.type === "REFUSED_PARCEL" ? { effects: settlement(state, issued.escrowAfter) } : completion(ctx, issued.escrowAfter, opts.itemReturned);
  const postage =
    breakdown.postagePaidBy === "BUYER" && breakdown.postageDeductedMinor > 0
      ? m("engine.outcomeCase.refundTheCase.m1", { postageDeductedMinor: money(state, breakdown.postageDeductedMinor) })
      : breakdown.postagePaidBy === "SELLER"
        ? m("engine.outcomeCase.refundTheCase.m2", { postageMinor: money(state, breakdown.postageMinor) })
        : breakdown.postagePaidBy === "PLATFORM"
          ? m("engine.outcomeCase.refundTheCase.m3")
          : NOTHING;
  return {
    ...(done.status ? { status: done.status } : {}),
    returnCase: moveCase(ctx, "REFUNDED", { refundMinor: breakdown.totalMinor }),
    deadlines: { open: issued.deadlines, close: caseDeadlines(ctx) },
    effects: [
      ...(opts.restock ? [{ type: "RESTOCK" as const }] : []),
      ...issued.effects,
      ...(done.effects ?? []),
      notify("BUYER", "REFUND_STARTED", m("engine.outcomeCase.refundTheCase.m5", { case: caseWord(current.type), code: state.code }), m("engine.outcomeCase.refundTheCase.withPostage", { refund: refundSentence(issued.refund, "your"), postage })),
      notify("SELLER", "CASE_REFUNDED", m("engine.outcomeCase.refundTheCase.m4", { code: state.code, amount: money(state, breakdown.totalMinor) }), m("engine.outcomeCase.refundTheCase.withPostage", { refund: opts.summary, postage })),
    ],
    event: event("CASE_REFUNDED", m("engine.outcomeCase.refundTheCase.event", { summary: opts.eventSummary ?? opts.summary, refund: refundSentence(issued.refund, "the buyer's"), postage, complete: done.status ? "yes" : "no" }), { caseId: current.id, ...breakdown }),
  };
}

/** Closes the current case without a refund; the order completes if its return window is already over. */
export function closeTheCase(ctx: StateContext, summary: Message, notes: Effect[]): Outcome {
  const done = completion(ctx, ctx.state.escrowMinor);
  return {
    ...(done.status ? { status: done.status } : {}),
    returnCase: moveCase(ctx, "CLOSED"),
    deadlines: { close: caseDeadlines(ctx) },
    effects: [...(done.effects ?? []), ...notes],
    event: event("CASE_CLOSED", m("engine.outcomeCase.closeTheCase.m1", { summary, status: done.status ? "yes" : "no" }), { caseId: ctx.state.returnCase!.id }),
  };
}

/**
 * A refund asked for before delivery ("won't arrive on time") ends when the parcel's fate is known:
 * delivered (the normal requests apply from then) or lost (the order is cancelled and refunded). The
 * case closes, with a dispute about it if one is open, and their deadlines.
 */
export function endPreDeliveryRequest(ctx: StateContext): Pick<Outcome, "returnCase" | "dispute"> & { close: DeadlineKey[]; caseId: string | null } {
  const current = openCase(ctx);
  if (!current || !current.preDelivery) return { close: [], caseId: null };
  const dispute = ctx.state.disputes.find((d) => d.subject === "CASE" && d.subjectRef === current.id && d.status === "OPEN");
  return {
    returnCase: moveCase(ctx, "CLOSED"),
    ...(dispute ? { dispute: { ...dispute, status: "CLOSED" as const } } : {}),
    close: caseDeadlines(ctx),
    caseId: current.id,
  };
}
