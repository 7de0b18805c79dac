import { CANCEL_REQUEST_STATUSES, isOrderStatus, isPaymentMethod, parseDeadlineKey, type CancelRequestStatus, type DeadlineKey, type OrderState } from "@/lib/order";

/** What to load with an order to decide on it: its columns, the shop's setting, the cancel request and the open deadlines. */
export const orderStateSelect = {
  id: true,
  code: true,
  buyerId: true,
  shopId: true,
  status: true,
  version: true,
  policyProfile: true,
  currency: true,
  itemsMinor: true,
  shippingFeeMinor: true,
  totalMinor: true,
  paymentMethod: true,
  placedAt: true,
  paidAt: true,
  remorseEndsAt: true,
  awaitingShipmentAt: true,
  dispatchDueAt: true,
  arrangedAt: true,
  pickedUpAt: true,
  lateDispatch: true,
  autoApproveWindow: true,
  cancelRequest: { select: { status: true, reasonKey: true, requestedAt: true, respondBy: true, resolvedAt: true, rejectReasonKey: true } },
  deadlines: { where: { resolvedAt: null }, select: { kind: true, dueAt: true } },
} as const;

type OrderRow = {
  id: string;
  code: string;
  buyerId: string;
  shopId: string;
  status: string;
  policyProfile: string;
  currency: string;
  itemsMinor: number;
  shippingFeeMinor: number;
  totalMinor: number;
  paymentMethod: string;
  placedAt: Date;
  paidAt: Date | null;
  remorseEndsAt: Date | null;
  awaitingShipmentAt: Date | null;
  dispatchDueAt: Date | null;
  arrangedAt: Date | null;
  pickedUpAt: Date | null;
  lateDispatch: boolean;
  autoApproveWindow: string;
  cancelRequest: { status: string; reasonKey: string; requestedAt: Date; respondBy: Date | null; resolvedAt: Date | null; rejectReasonKey: string | null } | null;
  deadlines: { kind: string; dueAt: Date }[];
};

function isCancelRequestStatus(value: string): value is CancelRequestStatus {
  return (CANCEL_REQUEST_STATUSES as readonly string[]).includes(value);
}

/** Converts a database row to the machine's state, refusing values the machine does not know. */
export function toOrderState(row: OrderRow): OrderState {
  if (!isOrderStatus(row.status)) throw new Error(`Order ${row.id} has unknown status ${row.status}`);
  if (!isPaymentMethod(row.paymentMethod)) throw new Error(`Order ${row.id} has unknown payment method ${row.paymentMethod}`);
  const request = row.cancelRequest;
  if (request && !isCancelRequestStatus(request.status)) throw new Error(`Order ${row.id} has a cancel request with unknown status ${request.status}`);
  const deadlines: Partial<Record<DeadlineKey, Date>> = {};
  for (const deadline of row.deadlines) {
    if (!parseDeadlineKey(deadline.kind)) throw new Error(`Order ${row.id} has an unknown deadline ${deadline.kind}`);
    deadlines[deadline.kind] = deadline.dueAt;
  }
  return {
    id: row.id,
    code: row.code,
    buyerId: row.buyerId,
    shopId: row.shopId,
    status: row.status,
    policyProfile: row.policyProfile,
    autoApproveWindow: row.autoApproveWindow,
    currency: row.currency,
    itemsMinor: row.itemsMinor,
    shippingFeeMinor: row.shippingFeeMinor,
    totalMinor: row.totalMinor,
    paymentMethod: row.paymentMethod,
    placedAt: row.placedAt,
    paidAt: row.paidAt,
    remorseEndsAt: row.remorseEndsAt,
    awaitingShipmentAt: row.awaitingShipmentAt,
    dispatchDueAt: row.dispatchDueAt,
    arrangedAt: row.arrangedAt,
    pickedUpAt: row.pickedUpAt,
    lateDispatch: row.lateDispatch,
    cancelRequest: request ? { ...request, status: request.status as CancelRequestStatus } : null,
    deadlines,
  };
}
