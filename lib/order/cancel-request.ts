/**
 * The cancel-request sub-machine: a buyer's request to cancel an order the seller is processing.
 * One request per order; a withdrawn or rejected request cannot be raised again.
 */
import type { CancelRequestStatus } from "./model";

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

