import "server-only";
import { DEADLINE_LABELS, ORDER_STATUSES, ROLE_LABELS, STATUS_LABELS, isOrderStatus, parseDeadlineKey, reasonLabel, type OrderStatus, type Role } from "@/lib/order";
import { orderScope, type SessionUser } from "../auth/session-user";
import { db } from "../db";
import { pageWindow, type Page } from "../pagination";

export interface OrderListRow {
  id: string;
  code: string;
  placedAt: Date;
  status: OrderStatus;
  statusLabel: string;
  totalMinor: number;
  currency: string;
  buyerName: string;
  shopName: string;
  summary: string;
  cancellation: { reason: string; by: string; at: Date | null } | null;
  /** The earliest deadline anyone is waiting for on this order (reminders aside). */
  nextDeadline: { label: string; dueAt: Date } | null;
}

export const STATUS_FILTERS = ORDER_STATUSES;

/** One page of the orders this person may see, newest first; a fixed number of queries whatever the page size. */
export async function listOrders(user: SessionUser, options: { page: number; status?: string }): Promise<Page<OrderListRow>> {
  const where = { ...orderScope(user), ...(options.status && isOrderStatus(options.status) ? { status: options.status } : {}) };
  const total = await db.order.count({ where });
  const { page, pageCount, skip, take } = pageWindow(options.page, total);
  const orders = await db.order.findMany({
    where,
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true,
      code: true,
      placedAt: true,
      status: true,
      totalMinor: true,
      currency: true,
      cancelReasonKey: true,
      cancelledByRole: true,
      cancelledAt: true,
      buyer: { select: { name: true } },
      shop: { select: { name: true } },
      items: { select: { title: true, quantity: true }, orderBy: { id: "asc" } },
      deadlines: { where: { resolvedAt: null, NOT: { kind: { contains: "_REMINDER" } } }, orderBy: { dueAt: "asc" }, take: 1, select: { kind: true, dueAt: true } },
    },
  });
  const rows = orders.map((order): OrderListRow => {
    const status = isOrderStatus(order.status) ? order.status : "UNPAID";
    const [first, ...rest] = order.items;
    const next = order.deadlines[0];
    const kind = next ? parseDeadlineKey(next.kind)?.kind : undefined;
    return {
      id: order.id,
      code: order.code,
      placedAt: order.placedAt,
      status,
      statusLabel: STATUS_LABELS[status],
      totalMinor: order.totalMinor,
      currency: order.currency,
      buyerName: order.buyer.name,
      shopName: order.shop.name,
      summary: first ? `${first.quantity} × ${first.title}${rest.length ? ` and ${rest.length} more` : ""}` : "",
      cancellation:
        order.status === "CANCELLED" && order.cancelReasonKey
          ? { reason: reasonLabel(order.cancelReasonKey), by: ROLE_LABELS[(order.cancelledByRole ?? "SYSTEM") as Role] ?? "Unknown", at: order.cancelledAt }
          : null,
      nextDeadline: next && kind ? { label: DEADLINE_LABELS[kind], dueAt: next.dueAt } : null,
    };
  });
  return { rows, page, pageCount, total };
}
