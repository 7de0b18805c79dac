import "server-only";
import {
  DEADLINE_LABELS,
  LIVE_DISPUTE_STATUSES,
  OPEN_WORK,
  ORDER_STATUSES,
  ROLE_LABELS,
  STATUS_LABELS,
  isOpenWorkKind,
  isOrderStatus,
  openWorkLine,
  parseDeadlineKey,
  policyFor,
  supportTarget,
  reasonLabel,
  type CancelRequestStatus,
  type CaseStatus,
  type CaseType,
  type DisputeStatus,
  type OpenWorkKind,
  type OrderStatus,
  type Role,
} from "@/lib/order";
import { orderScope, type SessionUser } from "../auth/session-user";
import { readDb } from "../db";
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
  /** The cancel request, case, dispute or appeal still open on the order, in a line; null when none is. */
  openWork: string | null;
  /** When support aims to decide the dispute or appeal waiting for it (a target, no timer acts on it). */
  supportTarget: Date | null;
  /** The earliest deadline anyone is waiting for on this order (reminders aside). */
  nextDeadline: { label: string; dueAt: Date } | null;
}

export const STATUS_FILTERS = ORDER_STATUSES;

function openWorkWhere(kind: OpenWorkKind) {
  const statuses = [...OPEN_WORK[kind].statuses];
  switch (kind) {
    case "CANCEL_REQUEST":
      return { cancelRequest: { is: { status: { in: statuses } } } };
    case "CASE":
      return { returnCases: { some: { status: { in: statuses } } } };
    case "DISPUTE":
      return { disputes: { some: { status: { in: statuses } } } };
  }
}

/**
 * One page of the orders this person may see, newest first, optionally only one status and only
 * those with a given kind of request open; a fixed number of queries whatever the page size.
 */
export async function listOrders(user: SessionUser, options: { page: number; status?: string; open?: string }): Promise<Page<OrderListRow>> {
  const where = {
    ...orderScope(user),
    ...(options.status && isOrderStatus(options.status) ? { status: options.status } : {}),
    ...(options.open && isOpenWorkKind(options.open) ? openWorkWhere(options.open) : {}),
  };
  const total = await readDb.order.count({ where });
  const { page, pageCount, skip, take } = pageWindow(options.page, total);
  const orders = await readDb.order.findMany({
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
      policyProfile: true,
      cancelReasonKey: true,
      cancelledByRole: true,
      cancelledAt: true,
      buyer: { select: { name: true } },
      shop: { select: { name: true } },
      items: { select: { title: true, quantity: true }, orderBy: { id: "asc" } },
      cancelRequest: { select: { status: true } },
      returnCases: { where: { status: { in: [...OPEN_WORK.CASE.statuses] } }, orderBy: { openedAt: "desc" }, take: 1, select: { type: true, status: true } },
      disputes: { where: { status: { in: [...LIVE_DISPUTE_STATUSES] } }, orderBy: { openedAt: "desc" }, take: 1, select: { status: true, decideBy: true, appealedAt: true } },
      deadlines: { where: { resolvedAt: null, NOT: { kind: { contains: "_REMINDER" } } }, orderBy: { dueAt: "asc" }, take: 1, select: { kind: true, dueAt: true } },
    },
  });
  const rows = orders.map((order): OrderListRow => {
    const status = isOrderStatus(order.status) ? order.status : "UNPAID";
    const [first, ...rest] = order.items;
    const next = order.deadlines[0];
    const dispute = order.disputes[0];
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
      openWork: openWorkLine({
        cancelRequestStatus: (order.cancelRequest?.status ?? null) as CancelRequestStatus | null,
        liveCase: order.returnCases[0] ? { type: order.returnCases[0].type as CaseType, status: order.returnCases[0].status as CaseStatus } : null,
        liveDisputeStatus: (dispute?.status ?? null) as DisputeStatus | null,
      }),
      supportTarget: dispute ? supportTarget({ ...dispute, status: dispute.status as DisputeStatus }, policyFor(order.policyProfile)) : null,
      nextDeadline: next && kind ? { label: DEADLINE_LABELS[kind], dueAt: next.dueAt } : null,
    };
  });
  return { rows, page, pageCount, total };
}
