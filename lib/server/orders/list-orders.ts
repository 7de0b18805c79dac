import "server-only";
import { BUYER_STAGES, isBuyerStage, type BuyerStage } from "@/lib/order/buyer-stages";
import { m } from "@/lib/i18n/message";
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
  type Role,
} from "@/lib/order";
import { orderScope, type SessionUser } from "../auth/session-user";
import { readDb } from "../db";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderListRow } from "@/lib/views";
import { PAGE_SIZE, decodeKeyset, encodeKeyset } from "../pagination";
import type { Db } from "../prisma";

export type { OrderListRow };

export const STATUS_FILTERS = ORDER_STATUSES;

/** Counts stop here: "1,000+ orders" costs the same at a thousand orders and at a million. */
export const COUNT_CAP = 1000;

export interface OrderListPage {
  rows: OrderListRow[];
  /** How many orders match, up to COUNT_CAP; `capped` when there are more. */
  total: number;
  capped: boolean;
  /** Cursors for the neighbouring pages (keyset paging on placedAt, id), or null at either end. */
  newer: string | null;
  older: string | null;
}

/** A list position: the placedAt (ms) and id of a row, as "<ms>.<id>". */
export function encodeCursor(row: { placedAt: Date; id: string }): string {
  return encodeKeyset(row.placedAt, row.id);
}

export const decodeCursor = decodeKeyset;

const listSelect = {
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
} satisfies Prisma.OrderSelect;

type ListedOrder = Prisma.OrderGetPayload<{ select: typeof listSelect }>;

/**
 * One page of the orders this person may see, newest first, optionally one status and one queue
 * (what the order waits on, stored on the order), after or before a cursor. Every query is an index
 * range the size of a page, whatever the database holds: no OFFSET, no count past COUNT_CAP, no
 * probe of other tables per order (docs/decisions/010).
 */
export async function listOrders(
  user: SessionUser,
  options: { status?: string; open?: string; stage?: string; after?: string; before?: string } = {},
  db: Db = readDb,
): Promise<OrderListPage> {
  const where = {
    ...orderScope(user),
    ...(options.status && isOrderStatus(options.status) ? { status: options.status } : {}),
    ...(options.open && isOpenWorkKind(options.open) ? { openWork: options.open } : {}),
    ...(isBuyerStage(options.stage) ? { buyerStage: options.stage } : {}),
  };
  const after = decodeCursor(options.after);
  const before = after ? null : decodeCursor(options.before);
  const position = after
    ? { placedAt: { lte: after.at }, NOT: { placedAt: after.at, id: { gte: after.id } } }
    : before
      ? { placedAt: { gte: before.at }, NOT: { placedAt: before.at, id: { lte: before.id } } }
      : {};
  const [total, fetched] = await Promise.all([
    // In the list's own order, so the capped count walks the same index range instead of sorting the scope.
    db.order.count({ where, take: COUNT_CAP + 1, orderBy: [{ placedAt: "desc" }, { id: "desc" }] }),
    db.order.findMany({
      where: { ...where, ...position },
      orderBy: before ? [{ placedAt: "asc" }, { id: "asc" }] : [{ placedAt: "desc" }, { id: "desc" }],
      take: PAGE_SIZE + 1,
      select: listSelect,
    }),
  ]);
  const more = fetched.length > PAGE_SIZE;
  const page = fetched.slice(0, PAGE_SIZE);
  const orders = before ? page.reverse() : page;
  const first = orders[0];
  const last = orders.at(-1);
  return {
    rows: orders.map(toRow),
    total: Math.min(total, COUNT_CAP),
    capped: total > COUNT_CAP,
    newer: first && (after || (before && more)) ? encodeCursor(first) : null,
    older: last && (before || more) ? encodeCursor(last) : null,
  };
}

/** How many of this person's orders are in each stage: one pass over the buyer's stage index. */
export async function buyerStageCounts(user: SessionUser, db: Db = readDb): Promise<Record<BuyerStage | "ALL", number>> {
  const rows = await db.order.groupBy({ by: ["buyerStage"], where: orderScope(user), _count: { _all: true } });
  const count = (stage: string | null) => rows.find((row) => row.buyerStage === stage)?._count._all ?? 0;
  return Object.fromEntries([["ALL", rows.reduce((sum, row) => sum + row._count._all, 0)], ...BUYER_STAGES.map((stage) => [stage, count(stage)])]) as Record<BuyerStage | "ALL", number>;
}

function toRow(order: ListedOrder): OrderListRow {
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
    summary: first ? m("orders.itemsSummary", { quantity: first.quantity, title: first.title, more: rest.length }) : m("engine.empty"),
    cancellation:
      order.status === "CANCELLED" && order.cancelReasonKey
        ? { reason: reasonLabel(order.cancelReasonKey), by: ROLE_LABELS[(order.cancelledByRole ?? "SYSTEM") as Role] ?? ROLE_LABELS.SYSTEM, at: order.cancelledAt }
        : null,
    openWork: openWorkLine({
      cancelRequestStatus: (order.cancelRequest?.status ?? null) as CancelRequestStatus | null,
      liveCase: order.returnCases[0] ? { type: order.returnCases[0].type as CaseType, status: order.returnCases[0].status as CaseStatus } : null,
      liveDisputeStatus: (dispute?.status ?? null) as DisputeStatus | null,
    }),
    supportTarget: dispute ? supportTarget({ ...dispute, status: dispute.status as DisputeStatus }, policyFor(order.policyProfile)) : null,
    nextDeadline: next && kind ? { label: DEADLINE_LABELS[kind], dueAt: next.dueAt } : null,
  };
}
