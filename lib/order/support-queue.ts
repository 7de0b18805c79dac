/**
 * Support's queue: the disputes and appeals waiting for a decision, by kind. Which queue a dispute is
 * in is derived from the order's state, stored on the dispute by every command (with support's
 * decision target, `supportTarget`) and checked by db:check, so the queue is one index range.
 */
import { labelsOf, type Message } from "../i18n/message";
import type { DisputeState } from "./dispute";
import type { OrderState } from "./model";
import { findReason } from "./reasons";

export const SUPPORT_QUEUE_KINDS = ["REQUEST_REJECTED", "PARCEL_REJECTED", "CANCEL_REJECTED", "REFUND_OVERDUE", "APPEAL"] as const;
export type SupportQueueKind = (typeof SUPPORT_QUEUE_KINDS)[number];

export const SUPPORT_QUEUE_LABELS: Record<SupportQueueKind, Message> = labelsOf("engine.supportQueue", ["REQUEST_REJECTED", "PARCEL_REJECTED", "CANCEL_REJECTED", "REFUND_OVERDUE", "APPEAL"]);

export function isSupportQueueKind(value: string): value is SupportQueueKind {
  return (SUPPORT_QUEUE_KINDS as readonly string[]).includes(value);
}

/**
 * The queue a dispute waits in, or null when it waits on nobody at support. An open case dispute is
 * about the order's current case (nothing else can open while it is escalated): a returned parcel
 * the seller rejected on receipt, or a request the seller rejected.
 */
export function supportQueueKind(state: Pick<OrderState, "returnCase">, dispute: Pick<DisputeState, "status" | "subject" | "subjectRef">): SupportQueueKind | null {
  if (dispute.status === "APPEALED") return "APPEAL";
  if (dispute.status !== "OPEN") return null;
  if (dispute.subject === "REFUND") return "REFUND_OVERDUE";
  if (dispute.subject === "CANCEL_REQUEST") return "CANCEL_REJECTED";
  const subject = state.returnCase?.id === dispute.subjectRef ? state.returnCase : null;
  const rejection = subject?.rejectReasonKey ? findReason(subject.rejectReasonKey) : undefined;
  return rejection?.kind === "SELLER_REJECT_RECEIPT" ? "PARCEL_REJECTED" : "REQUEST_REJECTED";
}

/** The published rules support decides each kind of case by (ids in rule-index.ts). */
export const SUPPORT_QUEUE_RULES: Record<SupportQueueKind, string[]> = {
  REQUEST_REJECTED: ["DISPUTE-1", "DECIDE-1"],
  PARCEL_REJECTED: ["DISPUTE-1", "DECIDE-1"],
  CANCEL_REJECTED: ["DISPUTE-3"],
  REFUND_OVERDUE: ["DISPUTE-4"],
  APPEAL: ["APPEAL-1", "APPEAL-2"],
};
