/** The platform's names for our request statuses (issue 31), shared by the API's answers and its webhooks. Pure. */

/** Cancel request statuses as `cancel_status`. */
export const CANCEL_STATUS: Record<string, string> = {
  PENDING: "CANCELLATION_REQUEST_PENDING",
  APPROVED: "CANCELLATION_REQUEST_COMPLETE",
  AUTO_APPROVED: "CANCELLATION_REQUEST_COMPLETE",
  REJECTED: "CANCELLATION_REQUEST_CANCEL",
  AUTO_REJECTED: "CANCELLATION_REQUEST_CANCEL",
  WITHDRAWN: "CANCELLATION_REQUEST_CANCEL",
};

/** Case statuses as `return_status`. */
export const RETURN_STATUS: Record<string, string> = {
  REQUESTED: "RETURN_OR_REFUND_REQUEST_PENDING",
  RE_REVIEW: "RETURN_OR_REFUND_REQUEST_PENDING",
  OFFERED: "AWAITING_BUYER_RESPONSE",
  REJECTED: "REFUND_OR_RETURN_REQUEST_REJECT",
  ESCALATED: "REFUND_OR_RETURN_REQUEST_REJECT",
  AWAITING_SHIPBACK: "AWAITING_BUYER_SHIP",
  RETURN_SHIPPED: "BUYER_SHIPPED_ITEM",
  PARCEL_RETURNING: "BUYER_SHIPPED_ITEM",
  AWAITING_INSPECTION: "BUYER_SHIPPED_ITEM",
  RECEIPT_REJECTED: "REJECT_RECEIVE_PACKAGE",
  REFUNDED: "RETURN_OR_REFUND_REQUEST_COMPLETE",
  CLOSED: "RETURN_OR_REFUND_REQUEST_CANCEL",
};

/** Case types as `return_type`. */
export const returnType = (type: string): string => (type === "REFUND_ONLY" ? "REFUND" : "RETURN_AND_REFUND");

/** The webhooks an app can register, with the platform's type numbers. */
export const WEBHOOK_TYPES = { ORDER_STATUS_CHANGE: 1, CANCELLATION_STATUS_CHANGE: 11, RETURN_STATUS_CHANGE: 12 } as const;
export type WebhookEventType = keyof typeof WEBHOOK_TYPES;
export const isWebhookEventType = (value: string): value is WebhookEventType => Object.hasOwn(WEBHOOK_TYPES, value);
