import type { Command, PersonCommandType } from "@/lib/order";

/** A well-formed command of each type (a compile error when the engine gains one this does not name). */
export const COMMANDS: { [T in PersonCommandType]: (orderId: string) => Extract<Command, { type: T }> } = {
  PAY: () => ({ type: "PAY" }),
  BUYER_CANCEL: () => ({ type: "BUYER_CANCEL", reasonKey: "no_longer_needed" }),
  REQUEST_CANCEL: () => ({ type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }),
  WITHDRAW_CANCEL_REQUEST: () => ({ type: "WITHDRAW_CANCEL_REQUEST" }),
  APPROVE_CANCEL_REQUEST: () => ({ type: "APPROVE_CANCEL_REQUEST" }),
  REJECT_CANCEL_REQUEST: () => ({ type: "REJECT_CANCEL_REQUEST", reasonKey: "already_packed" }),
  SELLER_CANCEL: () => ({ type: "SELLER_CANCEL", reasonKey: "out_of_stock" }),
  ARRANGE_SHIPMENT: () => ({ type: "ARRANGE_SHIPMENT" }),
  OPERATOR_CANCEL: () => ({ type: "OPERATOR_CANCEL", reasonKey: "potential_fraud" }),
  REFUSE_PARCEL: () => ({ type: "REFUSE_PARCEL" }),
  REQUEST_RETURN: () => ({ type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "not_received", description: "Never came.", photoCount: 0 }),
  WITHDRAW_RETURN: () => ({ type: "WITHDRAW_RETURN" }),
  ACCEPT_OFFER: () => ({ type: "ACCEPT_OFFER" }),
  DECLINE_OFFER: () => ({ type: "DECLINE_OFFER" }),
  SHIP_RETURN: () => ({ type: "SHIP_RETURN", method: "SELF_ARRANGED", carrier: "UPS", trackingNumber: "1Z999AA10123456784" }),
  APPROVE_RETURN: () => ({ type: "APPROVE_RETURN" }),
  REJECT_RETURN: () => ({ type: "REJECT_RETURN", reasonKey: "evidence_insufficient" }),
  OFFER_PARTIAL_REFUND: () => ({ type: "OFFER_PARTIAL_REFUND", amountMinor: 100 }),
  ACCEPT_RETURNED_PARCEL: () => ({ type: "ACCEPT_RETURNED_PARCEL" }),
  REJECT_RETURNED_PARCEL: () => ({ type: "REJECT_RETURNED_PARCEL", reasonKey: "item_damaged_by_buyer", photoCount: 1 }),
  CONFIRM_REFUSED_PARCEL: () => ({ type: "CONFIRM_REFUSED_PARCEL" }),
  ESCALATE: () => ({ type: "ESCALATE", subject: "CASE", statement: "Please decide.", photoCount: 0 }),
  ADD_DISPUTE_STATEMENT: (orderId) => ({ type: "ADD_DISPUTE_STATEMENT", disputeId: `${orderId}-dispute-1`, statement: "More.", photoCount: 0 }),
  DECIDE_DISPUTE: (orderId) => ({ type: "DECIDE_DISPUTE", disputeId: `${orderId}-dispute-1`, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "The evidence supports the buyer fully." }),
  DECIDE_REFUND_DISPUTE: (orderId) => ({ type: "DECIDE_REFUND_DISPUTE", disputeId: `${orderId}-dispute-1`, outcome: "BUYER", rationale: "The refund is overdue; pay it now." }),
  APPEAL_DECISION: (orderId) => ({ type: "APPEAL_DECISION", disputeId: `${orderId}-dispute-1`, statement: "The decision is wrong." }),
  DECIDE_APPEAL: (orderId) => ({ type: "DECIDE_APPEAL", disputeId: `${orderId}-dispute-1`, outcome: "OVERTURN", rationale: "The first decision missed the photos." }),
};

