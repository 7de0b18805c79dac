/**
 * The dispute sub-machine: the buyer asks platform support to decide; support decides for the buyer
 * or the seller with a rationale; the seller may appeal a decision for the buyer within the policy's
 * appeal window, and a different agent decides the appeal. One dispute per subject; no
 * re-arbitration. Its rules are in rules/disputes.ts and rules/appeals.ts.
 */
import { labelsOf, type Message } from "../i18n/message";

/** What a dispute is about: a rejected case, a rejected cancel request (global profile), an overdue refund. */
export const DISPUTE_SUBJECTS = ["CASE", "CANCEL_REQUEST", "REFUND"] as const;
export type DisputeSubject = (typeof DISPUTE_SUBJECTS)[number];

export const DISPUTE_SUBJECT_LABELS: Record<DisputeSubject, Message> = labelsOf("engine.disputeSubject", ["CASE", "CANCEL_REQUEST", "REFUND"]);

export const DISPUTE_STATUSES = ["OPEN", "DECIDED_FOR_BUYER", "DECIDED_FOR_SELLER", "APPEALED", "APPEAL_UPHELD", "APPEAL_OVERTURNED", "CLOSED"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, Message> = labelsOf("engine.disputeStatus", ["OPEN", "DECIDED_FOR_BUYER", "DECIDED_FOR_SELLER", "APPEALED", "APPEAL_UPHELD", "APPEAL_OVERTURNED", "CLOSED"]);

export const FINAL_DISPUTE_STATUSES: readonly DisputeStatus[] = ["DECIDED_FOR_SELLER", "APPEAL_UPHELD", "APPEAL_OVERTURNED", "CLOSED"];

/** Who support decides for, and what an appeal's decider may do. */
export const DISPUTE_OUTCOMES = ["BUYER", "SELLER"] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];
export const APPEAL_OUTCOMES = ["UPHOLD", "OVERTURN"] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];
/** How support chooses, for each decision form (the values are the commands' own). */
export const DISPUTE_OUTCOME_CHOICES: Record<DisputeOutcome, Message> = labelsOf("engine.disputeOutcome", ["BUYER", "SELLER"]);
export const REFUND_DISPUTE_OUTCOME_CHOICES: Record<DisputeOutcome, Message> = labelsOf("engine.refundDisputeOutcome", ["BUYER", "SELLER"]);
export const APPEAL_OUTCOME_CHOICES: Record<AppealOutcome, Message> = labelsOf("engine.appealOutcome", ["UPHOLD", "OVERTURN"]);
/** What became of an appeal, for the seller who made it. */
export const APPEAL_RESULT_LABELS: Record<"UPHELD" | "OVERTURNED", Message> = labelsOf("engine.appealResult", ["UPHELD", "OVERTURNED"]);

export const STATEMENT_PARTIES = ["BUYER", "SELLER"] as const;
export type StatementParty = (typeof STATEMENT_PARTIES)[number];

export interface DisputeStatement {
  party: StatementParty;
  text: string;
  photoCount: number;
  at: Date;
}

export interface DisputeState {
  /** `<orderId>-dispute-<n>`. */
  id: string;
  subject: DisputeSubject;
  /** The case id, or the refund key; the order id for a cancel request. */
  subjectRef: string;
  status: DisputeStatus;
  openedAt: Date;
  /** Support's target (shown in the queue; no timer acts on it). */
  decideBy: Date;
  statements: DisputeStatement[];
  decision: {
    outcome: DisputeOutcome;
    amountMinor: number | null;
    returnRequired: boolean;
    rationale: string;
    agentId: string;
    at: Date;
    /** What the decision refunded at once (an appeal won by the seller is compensated by this much). */
    refundedMinor: number;
  } | null;
  appeal: {
    statement: string;
    at: Date;
    outcome: "UPHELD" | "OVERTURNED" | null;
    rationale: string | null;
    agentId: string | null;
    decidedAt: Date | null;
  } | null;
  /** The support agent who took the case (TAKE_DISPUTE); an appeal goes back to nobody, for another agent to take. */
  assignee: { agentId: string; at: Date } | null;
  /** Support's latest question to one party, with an answer target (shown in the queue; no timer acts on it). */
  infoRequest: InfoRequest | null;
}

export interface InfoRequest {
  party: StatementParty;
  question: string;
  at: Date;
  answerBy: Date;
  /** When that party next added a statement. */
  answeredAt: Date | null;
}

/** Who support may ask for more information, as the form offers it. */
export const INFO_PARTY_CHOICES: Record<StatementParty, Message> = labelsOf("engine.role", ["BUYER", "SELLER"]);

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
