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
import type { OrderListRow } from "@/lib/views";
import { PAGE_SIZE, decodeKeyset, encodeKeyset } from "../pagination";
import { readSql } from "../sqlite/read-sql";
import { dateOf, type SqlTx, placeholders } from "../sqlite/sql-tx";

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

/** An order as a list shows it: its columns, and the page's rows of other tables, first of each. */
interface ListedOrder {
  id: string;
  code: string;
  placedAt: Date;
  status: string;
  totalMinor: number;
  currency: string;
  policyProfile: string;
  cancelReasonKey: string | null;
  cancelledByRole: string | null;
  cancelledAt: Date | null;
  buyerName: string;
  shopName: string;
  cancelRequestStatus: string | null;
  items: { title: string; quantity: number }[];
  liveCase: { type: string; status: string } | null;
  liveDispute: { status: string; decideBy: Date; appealedAt: Date | null } | null;
  nextDeadline: { kind: string; dueAt: Date } | null;
}

type Raw = Record<string, string | number | null>;
const CASE_STATUSES = [...OPEN_WORK.CASE.statuses];
const DISPUTE_STATUSES = [...LIVE_DISPUTE_STATUSES];

/** The page's WHERE: the person's scope (world, and their own or their shop's), the filters, the cursor. */
function whereOf(user: SessionUser, options: { status?: string; open?: string; stage?: string }): { sql: string; params: string[] } {
  const scope = orderScope(user);
  const terms: [string, string][] = [[`o."worldId" = ?`, scope.worldId]];
  if (scope.buyerId) terms.push([`o."buyerId" = ?`, scope.buyerId]);
  if (scope.shopId) terms.push([`o."shopId" = ?`, scope.shopId]);
  if (options.status && isOrderStatus(options.status)) terms.push([`o."status" = ?`, options.status]);
  if (options.open && isOpenWorkKind(options.open)) terms.push([`o."openWork" = ?`, options.open]);
  if (isBuyerStage(options.stage)) terms.push([`o."buyerStage" = ?`, options.stage]);
  return { sql: terms.map(([term]) => term).join(" AND "), params: terms.map(([, value]) => value) };
}

/**
 * One page of the orders this person may see, newest first, optionally one status and one queue
 * (what the order waits on, stored on the order), after or before a cursor. Every query is an index
 * range the size of a page, whatever the database holds: no OFFSET, no count past COUNT_CAP, no
 * probe of other tables per order (docs/decisions/010). Read in one snapshot on the page reads'
 * connection (lib/server/sqlite/read-sql.ts): the page, its capped count, and one statement per
 * other table for the page's orders.
 */
export async function listOrders(user: SessionUser, options: { status?: string; open?: string; stage?: string; after?: string; before?: string } = {}): Promise<OrderListPage> {
  return readSql((sql) => readOrderList(sql, user, options));
}

export function readOrderList(sql: SqlTx, user: SessionUser, options: { status?: string; open?: string; stage?: string; after?: string; before?: string } = {}): OrderListPage {
  const where = whereOf(user, options);
  const after = decodeCursor(options.after);
  const before = after ? null : decodeCursor(options.before);
  const position = after
    ? { sql: ` AND o."placedAt" <= ? AND NOT (o."placedAt" = ? AND o."id" >= ?)`, params: [after.at, after.at, after.id] }
    : before
      ? { sql: ` AND o."placedAt" >= ? AND NOT (o."placedAt" = ? AND o."id" <= ?)`, params: [before.at, before.at, before.id] }
      : { sql: "", params: [] };
  // In the list's own order, so the capped count walks the same index range instead of sorting the scope.
  const total = sql.get<{ n: number }>(`SELECT count(*) AS "n" FROM (SELECT 1 FROM "Order" o WHERE ${where.sql} ORDER BY o."placedAt" DESC, o."id" DESC LIMIT ${COUNT_CAP + 1})`, ...where.params)!.n;
  const direction = before ? "ASC" : "DESC";
  const fetched = sql.all<Raw>(
    `SELECT o."id", o."code", o."placedAt", o."status", o."totalMinor", o."currency", o."policyProfile", o."cancelReasonKey", o."cancelledByRole", o."cancelledAt",
        b."name" AS "buyerName", s."name" AS "shopName", (SELECT r."status" FROM "CancelRequest" r WHERE r."orderId" = o."id") AS "cancelRequestStatus"
      FROM "Order" o JOIN "User" b ON b."id" = o."buyerId" JOIN "Shop" s ON s."id" = o."shopId"
      WHERE ${where.sql}${position.sql} ORDER BY o."placedAt" ${direction}, o."id" ${direction} LIMIT ${PAGE_SIZE + 1}`,
    ...where.params,
    ...position.params,
  );
  const more = fetched.length > PAGE_SIZE;
  const page = withRelations(sql, fetched.slice(0, PAGE_SIZE));
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

/** The page's items, live case, live dispute and next deadline: one statement per table for all its orders. */
function withRelations(sql: SqlTx, rows: Raw[]): ListedOrder[] {
  const ids = rows.map((row) => row.id as string);
  if (ids.length === 0) return [];
  const items = sql.all<{ orderId: string; title: string; quantity: number }>(`SELECT "orderId", "title", "quantity" FROM "OrderItem" WHERE "orderId" IN (${placeholders(ids)}) ORDER BY "id" ASC`, ...ids);
  const cases = sql.all<{ orderId: string; type: string; status: string }>(
    `SELECT "orderId", "type", "status" FROM "ReturnCase" WHERE "orderId" IN (${placeholders(ids)}) AND "status" IN (${placeholders(CASE_STATUSES)}) ORDER BY "openedAt" DESC`,
    ...ids,
    ...CASE_STATUSES,
  );
  const disputes = sql.all<Raw>(
    `SELECT "orderId", "status", "decideBy", "appealedAt" FROM "Dispute" WHERE "orderId" IN (${placeholders(ids)}) AND "status" IN (${placeholders(DISPUTE_STATUSES)}) ORDER BY "openedAt" DESC`,
    ...ids,
    ...DISPUTE_STATUSES,
  );
  const deadlines = sql.all<{ orderId: string; kind: string; dueAt: string }>(
    `SELECT "orderId", "kind", "dueAt" FROM "Deadline" WHERE "orderId" IN (${placeholders(ids)}) AND "resolvedAt" IS NULL AND instr("kind", '_REMINDER') = 0 ORDER BY "dueAt" ASC`,
    ...ids,
  );
  const firstOf = <T extends { orderId: string }>(all: T[], id: string) => all.find((row) => row.orderId === id) ?? null;
  return rows.map((row) => {
    const id = row.id as string;
    const dispute = firstOf(disputes as (Raw & { orderId: string })[], id);
    const deadline = firstOf(deadlines, id);
    const liveCase = firstOf(cases, id);
    return {
      ...(row as unknown as Omit<ListedOrder, "placedAt" | "cancelledAt" | "items" | "liveCase" | "liveDispute" | "nextDeadline">),
      placedAt: dateOf(row.placedAt as string)!,
      cancelledAt: dateOf(row.cancelledAt as string | null),
      items: items.filter((item) => item.orderId === id),
      liveCase: liveCase && { type: liveCase.type, status: liveCase.status },
      liveDispute: dispute && { status: dispute.status as string, decideBy: dateOf(dispute.decideBy as string)!, appealedAt: dateOf(dispute.appealedAt as string | null) },
      nextDeadline: deadline && { kind: deadline.kind, dueAt: dateOf(deadline.dueAt)! },
    };
  });
}

/** How many of this person's orders are in each stage: one pass over the buyer's stage index. */
export async function buyerStageCounts(user: SessionUser): Promise<Record<BuyerStage | "ALL", number>> {
  const where = whereOf(user, {});
  const rows = readSql((sql) => sql.all<{ buyerStage: string | null; n: number }>(`SELECT o."buyerStage", count(*) AS "n" FROM "Order" o WHERE ${where.sql} GROUP BY o."buyerStage"`, ...where.params));
  const count = (stage: string | null) => rows.find((row) => row.buyerStage === stage)?.n ?? 0;
  return Object.fromEntries([["ALL", rows.reduce((sum, row) => sum + row.n, 0)], ...BUYER_STAGES.map((stage) => [stage, count(stage)])]) as Record<BuyerStage | "ALL", number>;
}

function toRow(order: ListedOrder): OrderListRow {
  const status = isOrderStatus(order.status) ? order.status : "UNPAID";
  const [first, ...rest] = order.items;
  const next = order.nextDeadline;
  const dispute = order.liveDispute;
  const kind = next ? parseDeadlineKey(next.kind)?.kind : undefined;
  return {
    id: order.id,
    code: order.code,
    placedAt: order.placedAt,
    status,
    statusLabel: STATUS_LABELS[status],
    totalMinor: order.totalMinor,
    currency: order.currency,
    buyerName: order.buyerName,
    shopName: order.shopName,
    summary: first ? m("orders.itemsSummary", { quantity: first.quantity, title: first.title, more: rest.length }) : m("engine.empty"),
    cancellation:
      order.status === "CANCELLED" && order.cancelReasonKey
        ? { reason: reasonLabel(order.cancelReasonKey), by: ROLE_LABELS[(order.cancelledByRole ?? "SYSTEM") as Role] ?? ROLE_LABELS.SYSTEM, at: order.cancelledAt }
        : null,
    openWork: openWorkLine({
      cancelRequestStatus: (order.cancelRequestStatus ?? null) as CancelRequestStatus | null,
      liveCase: order.liveCase ? { type: order.liveCase.type as CaseType, status: order.liveCase.status as CaseStatus } : null,
      liveDisputeStatus: (dispute?.status ?? null) as DisputeStatus | null,
    }),
    supportTarget: dispute ? supportTarget({ ...dispute, status: dispute.status as DisputeStatus }, policyFor(order.policyProfile)) : null,
    nextDeadline: next && kind ? { label: DEADLINE_LABELS[kind], dueAt: next.dueAt } : null,
  };
}
