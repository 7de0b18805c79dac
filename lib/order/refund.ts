/**
 * The refund sub-machine, driven by the simulated payment network: issued, then arrived (after the
 * method's delay) or delayed, then overdue, then (support) reissued to the wallet. Its rules are in
 * rules/refunds.ts; how much a case refunds is in return-case.ts.
 */
import { labelsOf, type Message } from "../i18n/message";
import type { PaymentMethod } from "./model";

/** OVERDUE refunds that support paid to the platform wallet instead are REISSUED. */
export const REFUND_STATUSES = ["PENDING", "ARRIVED", "DELAYED", "OVERDUE", "REISSUED"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const REFUND_STATUS_LABELS: Record<RefundStatus, Message> = labelsOf("engine.refundStatus", ["PENDING", "ARRIVED", "DELAYED", "OVERDUE", "REISSUED"]);

export function isRefundStatus(value: string): value is RefundStatus {
  return (REFUND_STATUSES as readonly string[]).includes(value);
}

export interface RefundState {
  /** The refund's cause, unique per order: `cancel:<order>`, `case:<case id>`. */
  key: string;
  totalMinor: number;
  destination: PaymentMethod;
  status: RefundStatus;
  expectedArrivalAt: Date;
}

export const REFUND_TRANSITIONS: Record<RefundStatus | "NONE", readonly RefundStatus[]> = {
  NONE: ["PENDING", "ARRIVED"],
  PENDING: ["ARRIVED", "DELAYED", "OVERDUE"],
  DELAYED: ["OVERDUE"],
  OVERDUE: ["REISSUED"],
  ARRIVED: [],
  REISSUED: [],
};
