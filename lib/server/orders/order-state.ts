import { isOrderStatus, isPaymentMethod, type OrderState } from "@/lib/order";

/** The columns the machine needs; select exactly these when loading an order to decide on. */
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
};

/** Converts a database row to the machine's state, refusing values the machine does not know. */
export function toOrderState(row: OrderRow): OrderState {
  if (!isOrderStatus(row.status)) throw new Error(`Order ${row.id} has unknown status ${row.status}`);
  if (!isPaymentMethod(row.paymentMethod)) throw new Error(`Order ${row.id} has unknown payment method ${row.paymentMethod}`);
  return { ...row, status: row.status, paymentMethod: row.paymentMethod };
}
