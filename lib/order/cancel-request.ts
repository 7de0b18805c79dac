/**
 * The cancel-request sub-machine: a buyer's request to cancel an order the seller is processing.
 * One request per order; a withdrawn or rejected request cannot be raised again. Its rules are in
 * rules/cancel-request.ts.
 */
import { labelsOf, type Message } from "../i18n/message";

export const CANCEL_REQUEST_STATUSES = ["PENDING", "APPROVED", "AUTO_APPROVED", "REJECTED", "AUTO_REJECTED", "WITHDRAWN"] as const;
export type CancelRequestStatus = (typeof CANCEL_REQUEST_STATUSES)[number];

export const CANCEL_REQUEST_STATUS_LABELS: Record<CancelRequestStatus, Message> = labelsOf("engine.cancelRequestStatus", ["PENDING", "APPROVED", "AUTO_APPROVED", "REJECTED", "AUTO_REJECTED", "WITHDRAWN"]);

export interface CancelRequestState {
  status: CancelRequestStatus;
  reasonKey: string;
  requestedAt: Date;
  /** When the seller must answer by (null once answered). */
  respondBy: Date | null;
  resolvedAt: Date | null;
  rejectReasonKey: string | null;
}

/** From each status (NONE: no request yet), the statuses a request may move to. */
export const CANCEL_REQUEST_TRANSITIONS: Record<CancelRequestStatus | "NONE", readonly CancelRequestStatus[]> = {
  // Made and waiting for the seller; or approved at once when the dispatch deadline has already passed.
  NONE: ["PENDING", "AUTO_APPROVED"],
  PENDING: ["APPROVED", "AUTO_APPROVED", "REJECTED", "AUTO_REJECTED", "WITHDRAWN"],
  APPROVED: [],
  AUTO_APPROVED: [],
  REJECTED: [],
  AUTO_REJECTED: [],
  WITHDRAWN: [],
};
