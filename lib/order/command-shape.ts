/**
 * The shape of a command's fields, checked before any rule reads them: the rules may then trust that
 * a reason is a string and a count a whole number. A form's zod schema already guarantees this; a
 * command from anywhere else (a script, a future API, a fuzzer) gets a refusal, not a crash.
 */
import { m, type Message } from "../i18n/message";
import type { Command, CommandFields, CommandType } from "./commands";

type Kind = "text" | "optional text" | "count" | "minor" | "minor or null" | "flag";

/** Every field any command carries, by name (the same name means the same kind in every command). */
const FIELDS: Record<string, Kind> = {
  reasonKey: "text",
  caseType: "text",
  description: "text",
  photoCount: "count",
  method: "text",
  carrier: "text",
  trackingNumber: "text",
  amountMinor: "minor or null",
  subject: "text",
  refundKey: "optional text",
  statement: "text",
  disputeId: "text",
  outcome: "text",
  returnRequired: "flag",
  rationale: "text",
  deadline: "text",
  ref: "optional text",
};

/** Strings longer than this are no one's reason, statement or key. */
const MAX_TEXT = 20_000;

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case "text":
      return typeof value === "string" && value.length <= MAX_TEXT;
    case "optional text":
      return value === undefined || (typeof value === "string" && value.length <= MAX_TEXT);
    case "count":
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case "minor":
      return Number.isSafeInteger(value);
    case "minor or null":
      return value === null || Number.isSafeInteger(value);
    case "flag":
      return typeof value === "boolean";
  }
}

/** The fields each command must carry (optional ones are checked when present). */
const REQUIRED: { [T in CommandType]: readonly (keyof CommandFields<T>)[] } = {
  PAY: [],
  BUYER_CANCEL: ["reasonKey"],
  REQUEST_CANCEL: ["reasonKey"],
  WITHDRAW_CANCEL_REQUEST: [],
  APPROVE_CANCEL_REQUEST: [],
  REJECT_CANCEL_REQUEST: ["reasonKey"],
  SELLER_CANCEL: ["reasonKey"],
  ARRANGE_SHIPMENT: [],
  OPERATOR_CANCEL: ["reasonKey"],
  REFUSE_PARCEL: [],
  REQUEST_RETURN: ["caseType", "reasonKey", "description", "photoCount"],
  WITHDRAW_RETURN: [],
  ACCEPT_OFFER: [],
  DECLINE_OFFER: [],
  SHIP_RETURN: ["method", "carrier", "trackingNumber"],
  APPROVE_RETURN: [],
  REJECT_RETURN: ["reasonKey"],
  OFFER_PARTIAL_REFUND: ["amountMinor"],
  ACCEPT_RETURNED_PARCEL: [],
  REJECT_RETURNED_PARCEL: ["reasonKey", "photoCount"],
  CONFIRM_REFUSED_PARCEL: [],
  ESCALATE: ["subject", "statement", "photoCount"],
  ADD_DISPUTE_STATEMENT: ["disputeId", "statement", "photoCount"],
  DECIDE_DISPUTE: ["disputeId", "outcome", "amountMinor", "returnRequired", "rationale"],
  DECIDE_REFUND_DISPUTE: ["disputeId", "outcome", "rationale"],
  APPEAL_DECISION: ["disputeId", "statement"],
  DECIDE_APPEAL: ["disputeId", "outcome", "rationale"],
  TAKE_DISPUTE: ["disputeId", "reason"],
  ASK_FOR_INFORMATION: ["disputeId", "party", "question"],
  CARRIER_PICKUP: [],
  PAYMENT_TIMEOUT: [],
  END_REMORSE_WINDOW: [],
  END_AUTO_APPROVE_WINDOW: [],
  CANCEL_REQUEST_TIMEOUT: [],
  DISPATCH_DEADLINE_PASSED: [],
  DISPATCH_AUTO_CANCEL: [],
  SEND_REMINDER: ["deadline"],
  CARRIER_DELIVER: [],
  LOSE_PARCEL: [],
  DELAY_PARCEL: [],
  LOST_PARCEL_TIMEOUT: [],
  REFUSED_PARCEL_DELIVERED: [],
  RETURN_PARCEL_DELIVERED: [],
  SELLER_REVIEW_TIMEOUT: [],
  OFFER_TIMEOUT: [],
  SHIP_BACK_TIMEOUT: [],
  INSPECTION_TIMEOUT: [],
  REFUSAL_INSPECTION_TIMEOUT: [],
  DISPUTE_FILING_TIMEOUT: [],
  COMPLETE_ORDER: [],
  REFUND_ARRIVED: ["refundKey"],
  DELAY_REFUND: ["refundKey"],
  REFUND_OVERDUE: ["refundKey"],
  APPEAL_WINDOW_END: ["disputeId"],
  HURRY_SIMULATION: ["deadline"],
  CANCEL_DISPUTE_WINDOW_END: [],
};

/** The first field of the command that is missing or not of its kind, or null. */
export function commandShapeProblem(command: Command): { field: string; reason: Message } | null {
  const fields = command as unknown as Record<string, unknown>;
  const required: readonly string[] = (REQUIRED as Record<string, readonly string[] | undefined>)[command.type] ?? [];
  for (const name of new Set([...required, ...Object.keys(fields)])) {
    if (name === "type") continue;
    const kind = FIELDS[name];
    if (kind && !fits(kind, fields[name])) return { field: name, reason: m("engine.commandShape.outOfDate", { field: name }) };
  }
  return null;
}
