import "server-only";
import { duration, m, type Message } from "@/lib/i18n/message";
import { REQUEST_KIND_LABELS, performanceDays, reasonLabel, type PerformanceWindow } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { readSql } from "../sqlite/read-sql";
import type { SqlTx } from "../sqlite/sql-tx";
import { storedDate, placeholders } from "../sqlite/sql-tx";
import { causeLabel, date, num, performanceFacts, shopOf, type Raw } from "./performance-facts";

/**
 * The orders behind a figure of the performance page (issue 16, point 3: "click a metric → the
 * orders it counts"), counted exactly as the figure is.
 */

/** What a figure on the page counts, as the list of orders behind it is asked for in its URL. */
export const PERFORMANCE_LISTS = ["sfcr", "paid", "ldr", "picked-up", "answered", "silence", "returns", "disputes-won", "disputes-lost", "refunds"] as const;
export type PerformanceList = (typeof PERFORMANCE_LISTS)[number];

export function isPerformanceList(value: string | undefined): value is PerformanceList {
  return value !== undefined && (PERFORMANCE_LISTS as readonly string[]).includes(value);
}

export interface PerformanceOrderRow {
  orderId: string;
  code: string;
  buyerName: string;
  at: Date;
  detail: Message;
}

export interface PerformanceOrders {
  list: PerformanceList;
  window: PerformanceWindow;
  from: string;
  to: string;
  total: number;
  rows: PerformanceOrderRow[];
}

export const PERFORMANCE_LIST_LIMIT = 200;

const ORDER_LISTS: Partial<Record<PerformanceList, { column: string; where: string; detail: (row: Raw) => Message }>> = {
  sfcr: { column: "cancelledAt", where: "AND o.faultParty = 'SELLER'", detail: (row) => m("seller.performance.cause.cancel", { reason: reasonLabel(String(row.cancelReasonKey)) }) },
  paid: { column: "paidAt", where: "", detail: () => m("seller.performance.detail.paid") },
  ldr: { column: "pickedUpAt", where: "AND o.lateDispatch = 1", detail: () => m("seller.performance.detail.late") },
  "picked-up": { column: "pickedUpAt", where: "", detail: (row) => m(num(row.lateDispatch) === 1 ? "seller.performance.detail.late" : "seller.performance.detail.onTime") },
};

/**
 * The orders a figure counts, newest first (up to PERFORMANCE_LIST_LIMIT, with the total), for the
 * window it was shown for. `filter` narrows a breakdown: a request kind, a reason key or a refund cause.
 */
export async function performanceOrders(
  user: SessionUser,
  now: Date,
  options: { list: PerformanceList; window: PerformanceWindow; filter?: string },
): Promise<PerformanceOrders | null> {
  return readSql((sql) => readPerformanceOrders(sql, user, now, options));
}

function readPerformanceOrders(sql: SqlTx, user: SessionUser, now: Date, options: { list: PerformanceList; window: PerformanceWindow; filter?: string }): PerformanceOrders | null {
  const shop = shopOf(sql, user);
  if (!shop) return null;
  const days = performanceDays(now, shop.profile, options.window);
  const from = days[0]!.start;
  const to = days.at(-1)!.end;
  let found: { orderId: string; at: Date; detail: Message }[];
  let total: number;
  const byOrder = ORDER_LISTS[options.list];
  if (byOrder) {
    const where = `o.shopId = ? AND o.${byOrder.column} >= ? AND o.${byOrder.column} < ? ${byOrder.where}`;
    const params = [shop.id, storedDate(from), storedDate(to)];
    const rows = sql.all<Raw>(
      `SELECT o.id, o.${byOrder.column} AS at, o.cancelReasonKey, o.lateDispatch FROM "Order" o WHERE ${where} ORDER BY o.${byOrder.column} DESC LIMIT ${PERFORMANCE_LIST_LIMIT}`,
      ...params,
    );
    const counted = sql.get<Raw>(`SELECT count(*) AS n FROM "Order" o WHERE ${where}`, ...params);
    found = rows.map((row) => ({ orderId: String(row.id), at: date(row.at), detail: byOrder.detail(row) }));
    total = num(counted?.n);
  } else {
    const facts = performanceFacts(sql, shop, now);
    const within = (at: Date) => at >= from && at < to;
    const filter = options.filter;
    switch (options.list) {
      case "answered":
      case "silence":
        found = facts.answered
          .filter((row) => within(row.answeredAt) && row.by === (options.list === "silence" ? "SILENCE" : "SELLER") && (!filter || row.kind === filter))
          .map((row) => ({ orderId: row.orderId, at: row.answeredAt, detail: m("seller.performance.detail.answered", { answer: row.answer, kind: REQUEST_KIND_LABELS[row.kind], after: duration(row.answeredAt.getTime() - row.askedAt.getTime()) }) }));
        break;
      case "returns":
        found = facts.cases
          .filter((row) => within(row.at) && (!filter || row.reasonKey === filter))
          .map((row) => ({ orderId: row.orderId, at: row.at, detail: m("seller.performance.detail.request", { refundOnly: row.kind === "REFUND" ? "yes" : "no", reason: reasonLabel(row.reasonKey) }) }));
        break;
      case "disputes-won":
      case "disputes-lost":
        found = facts.disputes
          .filter((row) => within(row.at) && row.won === (options.list === "disputes-won"))
          .map((row) => ({ orderId: row.orderId, at: row.at, detail: m(row.overturned ? "seller.performance.detail.overturned" : "seller.performance.detail.decided") }));
        break;
      default:
        found = facts.refunds
          .filter((row) => within(row.at) && (!filter || row.cause === filter))
          .map((row) => ({ orderId: row.orderId, at: row.at, detail: causeLabel(row.cause) }));
    }
    found.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.orderId < b.orderId ? 1 : -1));
    total = found.length;
  }
  const page = found.slice(0, PERFORMANCE_LIST_LIMIT);
  const ids = page.map((row) => row.orderId);
  const orders = ids.length
    ? sql.all<{ id: string; code: string; buyerName: string }>(
        `SELECT o."id", o."code", b."name" AS "buyerName" FROM "Order" o JOIN "User" b ON b."id" = o."buyerId" WHERE o."id" IN (${placeholders(ids)}) AND o."shopId" = ?`,
        ...ids,
        shop.id,
      )
    : [];
  const byId = new Map(orders.map((order) => [order.id, order]));
  return {
    list: options.list,
    window: options.window,
    from: days[0]!.day,
    to: days.at(-1)!.day,
    total,
    rows: page.flatMap((row) => {
      const order = byId.get(row.orderId);
      return order ? [{ ...row, code: order.code, buyerName: order.buyerName }] : [];
    }),
  };
}
