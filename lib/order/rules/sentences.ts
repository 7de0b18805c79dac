/** Sentences several rules share: who did it, money, reasons, refunds, cases. Durations come from the policy. */
import { formatDay } from "../../format";
import { formatMoney } from "../../money";
import type { Audience, Effect, RefundEffect } from "../commands";
import { PAYMENT_METHOD_LABELS, type OrderState, type OrderStatus, type Role } from "../model";
import { findReason, type ReasonKind } from "../reasons";
import type { CaseType } from "../return-case";
import type { FieldError } from "./shape";

export const BY: Record<Role, string> = { BUYER: "by the buyer", SELLER: "by the seller", SUPPORT: "by platform support", SYSTEM: "automatically by the platform" };

export function notify(audience: Audience, kind: string, title: string, body: string): Effect {
  return { type: "NOTIFY", audience, kind, title, body };
}

export function money(state: Pick<OrderState, "currency">, minor: number): string {
  return formatMoney(minor, state.currency);
}

export function reasonCheck(kind: ReasonKind, status: OrderStatus, key: string): FieldError | null {
  const reason = findReason(key);
  if (!reason || reason.kind !== kind) return { field: "reasonKey", reason: "Choose a reason from the list." };
  if (!reason.statuses.includes(status)) return { field: "reasonKey", reason: `"${reason.label}" is not a reason you can give at this stage. Choose another.` };
  return null;
}

export function refundSentence(refund: Pick<RefundEffect, "totalMinor" | "currency" | "destination" | "arrived" | "expectedArrivalAt">, whose: "your" | "the buyer's"): string {
  const amount = formatMoney(refund.totalMinor, refund.currency);
  const to = `${whose} ${PAYMENT_METHOD_LABELS[refund.destination]}`;
  return refund.arrived
    ? `A refund of ${amount} was paid to ${to}.`
    : `A refund of ${amount} to ${to} has started; expected by ${formatDay(refund.expectedArrivalAt)}.`;
}

export function caseWord(type: CaseType): string {
  return type === "REFUND_ONLY" ? "refund request" : type === "RETURN_AND_REFUND" ? "return request" : "refused parcel";
}
