/** Sentences several rules share: who did it, money, reasons, refunds, cases. Durations come from the policy. */
import { day, labelsOf, m, money as moneyParam, type Message, type MoneyParam } from "../../i18n/message";
import type { Audience, Effect, RefundEffect } from "../commands";
import { PAYMENT_METHOD_LABELS, type OrderState, type OrderStatus, type Role } from "../model";
import { findReason, type ReasonKind } from "../reasons";
import type { CaseType } from "../return-case";
import type { FieldError } from "./shape";

/** "by the buyer", "automatically by the platform". */
export const BY: Record<Role, Message> = labelsOf("engine.by", ["BUYER", "SELLER", "SUPPORT", "SYSTEM"]);

/** Nothing: an optional clause of a message that does not apply. */
export const NOTHING: Message = m("engine.empty");

export function notify(audience: Audience, kind: string, title: Message, body: Message): Effect {
  return { type: "NOTIFY", audience, kind, title, body };
}

export function money(state: Pick<OrderState, "currency">, minor: number): MoneyParam {
  return moneyParam(minor, state.currency);
}

export function reasonCheck(kind: ReasonKind, status: OrderStatus, key: string): FieldError | null {
  const reason = findReason(key);
  if (!reason || reason.kind !== kind) return { field: "reasonKey", reason: m("engine.sentences.chooseReason") };
  if (!reason.statuses.includes(status)) return { field: "reasonKey", reason: m("engine.sentences.reasonNotNow", { reason: reason.label }) };
  return null;
}

export function refundSentence(refund: Pick<RefundEffect, "totalMinor" | "currency" | "destination" | "arrived" | "expectedArrivalAt">, whose: "your" | "the buyer's"): Message {
  const params = { amount: moneyParam(refund.totalMinor, refund.currency), method: PAYMENT_METHOD_LABELS[refund.destination], whose: whose === "your" ? "yours" : "buyers" };
  return refund.arrived ? m("engine.sentences.refundPaid", params) : m("engine.sentences.refundStarted", { ...params, by: day(refund.expectedArrivalAt) });
}

/** "refund request", "return request", "refused parcel" inside a sentence. */
export const CASE_WORDS: Record<CaseType, Message> = labelsOf("engine.caseWord", ["REFUND_ONLY", "RETURN_AND_REFUND", "REFUSED_PARCEL"]);
export function caseWord(type: CaseType): Message {
  return CASE_WORDS[type];
}
