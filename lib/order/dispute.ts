/**
 * The dispute sub-machine: the buyer asks platform support to decide; support decides for the buyer
 * or the seller with a rationale; the seller may appeal a decision for the buyer within 7 days, and a
 * different agent decides the appeal. One dispute per subject; no re-arbitration.
 */
import type { DisputeStatus } from "./model";

export const DISPUTE_TRANSITIONS: Record<DisputeStatus | "NONE", readonly DisputeStatus[]> = {
  NONE: ["OPEN"],
  // CLOSED directly: a decision nobody can appeal (a wallet remedy for an overdue refund is the platform's money).
  OPEN: ["DECIDED_FOR_BUYER", "DECIDED_FOR_SELLER", "CLOSED"],
  DECIDED_FOR_BUYER: ["APPEALED", "CLOSED"],
  APPEALED: ["APPEAL_UPHELD", "APPEAL_OVERTURNED"],
  DECIDED_FOR_SELLER: [],
  APPEAL_UPHELD: [],
  APPEAL_OVERTURNED: [],
  CLOSED: [],
};


/** A rationale must say why, in a sentence or more. */
export const MIN_RATIONALE = 20;
export const MAX_STATEMENT = 2000;
