/**
 * What is still open on an order besides its status — a cancel request, an after-sales case, a
 * dispute or appeal — and who it waits for. Lists show it under the status and filter by it, so a
 * seller finds the requests waiting for an answer and platform support finds the disputes to decide.
 */
import { m, type Message } from "../i18n/message";
import { CANCEL_REQUEST_STATUS_LABELS, type CancelRequestStatus } from "./cancel-request";
import { DISPUTE_STATUSES, DISPUTE_STATUS_LABELS, FINAL_DISPUTE_STATUSES, type DisputeStatus } from "./dispute";
import { CASE_STATUSES, CASE_STATUS_LABELS, CASE_TYPE_LABELS, FINAL_CASE_STATUSES, type CaseStatus, type CaseType } from "./return-case";
import type { OrderState } from "./model";
import { addDuration, type Policy } from "./policy";

export const OPEN_WORK_KINDS = ["CANCEL_REQUEST", "CASE", "DISPUTE"] as const;
export type OpenWorkKind = (typeof OPEN_WORK_KINDS)[number];

/** For each kind: the sub-machine statuses that count as open, and how the filter names it. */
export const OPEN_WORK: Record<OpenWorkKind, { label: Message; statuses: readonly string[] }> = {
  CANCEL_REQUEST: { label: m("engine.openWork.kind.CANCEL_REQUEST"), statuses: ["PENDING"] satisfies CancelRequestStatus[] },
  CASE: { label: m("engine.openWork.kind.CASE"), statuses: CASE_STATUSES.filter((status) => !FINAL_CASE_STATUSES.includes(status)) },
  DISPUTE: { label: m("engine.openWork.kind.DISPUTE"), statuses: ["OPEN", "APPEALED"] satisfies DisputeStatus[] },
};

/** Dispute statuses that are not over yet (a decision for the buyer can still be appealed). */
export const LIVE_DISPUTE_STATUSES: readonly DisputeStatus[] = DISPUTE_STATUSES.filter((status) => !FINAL_DISPUTE_STATUSES.includes(status));

/**
 * The one thing an order is waiting on, most urgent first: a dispute or appeal waiting for support,
 * else an open case, else a cancel request waiting for the seller; null when nothing is. Stored on
 * the order (kept by every command, checked by db:check) so that each queue is an index range.
 */
export function openWorkOf(state: Pick<OrderState, "disputes" | "returnCase" | "cancelRequest">): OpenWorkKind | null {
  if (state.disputes.some((dispute) => OPEN_WORK.DISPUTE.statuses.includes(dispute.status))) return "DISPUTE";
  if (state.returnCase && OPEN_WORK.CASE.statuses.includes(state.returnCase.status)) return "CASE";
  if (state.cancelRequest && OPEN_WORK.CANCEL_REQUEST.statuses.includes(state.cancelRequest.status)) return "CANCEL_REQUEST";
  return null;
}

export function isOpenWorkKind(value: string): value is OpenWorkKind {
  return (OPEN_WORK_KINDS as readonly string[]).includes(value);
}

/**
 * One line for a list row: the most advanced thing still open (a dispute over the case it is about,
 * a case over an old cancel request), or null when nothing is.
 */
export function openWorkLine(open: {
  cancelRequestStatus: CancelRequestStatus | null;
  liveCase: { type: CaseType; status: CaseStatus } | null;
  liveDisputeStatus: DisputeStatus | null;
}): Message | null {
  if (open.liveDisputeStatus) return m("engine.openWork.dispute", { status: DISPUTE_STATUS_LABELS[open.liveDisputeStatus] });
  if (open.liveCase) {
    const status = CASE_STATUS_LABELS[open.liveCase.status];
    // A refused parcel's statuses already say what it is.
    return open.liveCase.type === "REFUSED_PARCEL" ? status : m("engine.openWork.case", { type: CASE_TYPE_LABELS[open.liveCase.type], status });
  }
  if (open.cancelRequestStatus === "PENDING") return m("engine.openWork.cancelRequest", { status: CANCEL_REQUEST_STATUS_LABELS.PENDING });
  return null;
}

/**
 * When platform support aims to decide a dispute or an appeal waiting for it: a target shown in the
 * queue, with no timer behind it (docs/rules.md#policy: a target, no timer). Null when the
 * dispute is not waiting for support.
 */
export function supportTarget(dispute: { status: DisputeStatus; decideBy: Date; appealedAt: Date | null }, policy: Policy): Date | null {
  if (dispute.status === "OPEN") return dispute.decideBy;
  if (dispute.status === "APPEALED" && dispute.appealedAt) return addDuration(dispute.appealedAt, policy.supportDecision, policy);
  return null;
}
