import "server-only";
import type { Message } from "@/lib/i18n/message";
import { SELLER_QUEUE, deadlineKeyRange, reasonLabel, sellerQueueTab, type SellerQueueTab } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { decodeKeyset, encodeKeyset } from "../pagination";
import { readSql } from "../sqlite/read-sql";
import { dateOf, type SqlTx, type SqlValue, placeholders } from "../sqlite/sql-tx";

export const QUEUE_PAGE_SIZE = 25;

/** The tabs count up to 1,000 items each; the header, shown on every page a seller opens, up to 100 in all. */
export const COUNT_CAP = 1000;
export const HEADER_COUNT_CAP = 100;

/**
 * How many items wait in a tab, up to COUNT_CAP, as an SQL count and its parameters: at most that many
 * index entries are read, whatever the shop's history. (Shop ids are unique across worlds, since a
 * private world's are prefixed with it.)
 */
function tabCount(shopId: string, tab: SellerQueueTab, cap: number): { sql: string; params: string[] } {
  if (tab.source === "DISPUTES") {
    return {
      sql: `SELECT count(*) FROM (SELECT 1 FROM "Order" o CROSS JOIN Dispute d ON d.orderId = o.id
        WHERE o.shopId = ? AND o.openWork = 'DISPUTE' AND d.status = 'OPEN' AND d.subject <> 'REFUND'
          AND NOT EXISTS (SELECT 1 FROM DisputeStatement s WHERE s.disputeId = d.id AND s.party = 'SELLER') LIMIT ${cap})`,
      params: [shopId],
    };
  }
  const ranges = tab.kinds.map(deadlineKeyRange);
  const kindSql = ranges.map((range) => ("equals" in range ? "d.kind = ?" : "(d.kind >= ? AND d.kind < ?)")).join(" OR ");
  const kindParams = ranges.flatMap((range) => ("equals" in range ? [range.equals] : [range.gte, range.lt]));
  const statuses = tab.statuses ?? [];
  return {
    sql: `SELECT count(*) FROM (SELECT 1 FROM Deadline d ${statuses.length ? `CROSS JOIN "Order" o ON o.id = d.orderId` : ""}
      WHERE d.resolvedAt IS NULL AND d.shopId = ? AND (${kindSql})${statuses.length ? ` AND o.status IN (${placeholders(statuses)})` : ""} LIMIT ${cap})`,
    params: [shopId, ...kindParams, ...statuses],
  };
}

function shopOf(user: SessionUser): { shopId: string; worldId: string } {
  // A seller without a shop has an empty queue rather than everyone's.
  return { shopId: user.shopId ?? "\u0000no-shop", worldId: user.worldId ?? "demo" };
}

/** How many items wait in each tab, each counted up to `cap`: the tabs show them. One statement for every tab. */
export function readSellerQueueCounts(sql: SqlTx, user: SessionUser, cap: number = COUNT_CAP): Record<string, number> {
  const { shopId } = shopOf(user);
  const counts = SELLER_QUEUE.map((tab) => tabCount(shopId, tab, cap));
  const row = sql.get<Record<string, unknown>>(`SELECT ${counts.map((count, i) => `(${count.sql}) AS t${i}`).join(", ")}`, ...counts.flatMap((count) => count.params));
  return Object.fromEntries(SELLER_QUEUE.map((tab, i) => [tab.key, Number(row?.[`t${i}`] ?? 0)]));
}

export async function sellerQueueCounts(user: SessionUser, cap: number = COUNT_CAP): Promise<Record<string, number>> {
  return readSql((sql) => readSellerQueueCounts(sql, user, cap));
}

export interface SellerQueueRow {
  deadlineKey: string;
  dueAt: Date;
  orderId: string;
  /** The order's version as listed: a bulk action on it is refused if it changed since. */
  version: number;
  code: string;
  buyerName: string;
  /** The buyer's reason for the request (cancel, refund or return), when there is one. */
  reason: Message | null;
  label: Message;
}

export interface SellerQueuePage {
  tab: SellerQueueTab;
  rows: SellerQueueRow[];
  /** The cursor of the next page (nearest deadline first), or null at the end. */
  later: string | null;
}

type Raw = Record<string, string | number | null>;

/** What a row shows of its order (the code, the buyer, the version a bulk action checks), joined by key. */
const ORDER_COLUMNS = `o."id" AS "orderId", o."code", o."version", b."name" AS "buyerName"`;

/**
 * One tab of the seller's queue, the nearest deadline first, a page at a time (keyset on the
 * deadline's due time and id: one seek on the open deadlines' Deadline(shopId, kind, dueAt, id)).
 * The buyer's reasons come with the page's orders in two more statements, never one per row. One
 * snapshot on the page reads' connection.
 */
export async function sellerQueue(user: SessionUser, options: { tab?: string; after?: string; pageSize?: number } = {}): Promise<SellerQueuePage> {
  return readSql((sql) => readSellerQueue(sql, user, options));
}

function readSellerQueue(sql: SqlTx, user: SessionUser, options: { tab?: string; after?: string; pageSize?: number }): SellerQueuePage {
  const size = Math.min(options.pageSize ?? QUEUE_PAGE_SIZE, 1000);
  const tab = sellerQueueTab(options.tab);
  const { shopId, worldId } = shopOf(user);
  const after = decodeKeyset(options.after);
  const fetched = tab.source === "DISPUTES" ? disputeRows(sql, shopId, worldId, size, after) : deadlineRows(sql, shopId, worldId, tab, size, after);
  const page = fetched.slice(0, size);
  const reasons = reasonsOf(sql, page.map((row) => row.orderId as string));
  const last = page[page.length - 1];
  return {
    tab,
    later: fetched.length > size && last ? encodeKeyset(dateOf(last.dueAt as string)!, last.id as string) : null,
    rows: page.map((row) => {
      const orderId = row.orderId as string;
      const cancel = tab.source === "DISPUTES" ? row.subject === "CANCEL_REQUEST" : tab.key === "cancel-requests";
      const reasonKey = cancel ? reasons.cancel.get(orderId) : reasons.request.get(orderId);
      return {
        deadlineKey: tab.source === "DISPUTES" ? `DISPUTE:${row.id as string}` : (row.kind as string),
        dueAt: dateOf(row.dueAt as string)!,
        orderId,
        version: row.version as number,
        code: row.code as string,
        buyerName: row.buyerName as string,
        reason: reasonKey ? reasonLabel(reasonKey) : null,
        label: tab.label,
      };
    }),
  };
}

/** Later than the keyset cursor on (time, id). */
function laterThan(column: string, after: { at: Date; id: string } | null): { sql: string; params: SqlValue[] } {
  return after ? { sql: ` AND (${column} > ? OR (${column} = ? AND d."id" > ?))`, params: [after.at, after.at, after.id] } : { sql: "", params: [] };
}

/** The open deadlines of a shop that belong to a tab, with their orders. */
function deadlineRows(sql: SqlTx, shopId: string, worldId: string, tab: SellerQueueTab, size: number, after: { at: Date; id: string } | null): Raw[] {
  const ranges = tab.kinds.map(deadlineKeyRange);
  const kindSql = ranges.map((range) => ("equals" in range ? `d."kind" = ?` : `(d."kind" >= ? AND d."kind" < ?)`)).join(" OR ");
  const kindParams = ranges.flatMap((range) => ("equals" in range ? [range.equals] : [range.gte, range.lt]));
  const statuses = tab.statuses ?? [];
  const position = laterThan(`d."dueAt"`, after);
  return sql.all<Raw>(
    `SELECT d."id", d."kind", d."dueAt", ${ORDER_COLUMNS}
      FROM "Deadline" d JOIN "Order" o ON o."id" = d."orderId" JOIN "User" b ON b."id" = o."buyerId"
      WHERE d."resolvedAt" IS NULL AND d."shopId" = ? AND d."worldId" = ? AND (${kindSql})${statuses.length ? ` AND o."status" IN (${placeholders(statuses)})` : ""}${position.sql}
      ORDER BY d."dueAt" ASC, d."id" ASC LIMIT ${size + 1}`,
    shopId,
    worldId,
    ...kindParams,
    ...statuses,
    ...position.params,
  );
}

/**
 * The shop's open disputes about its own answers (a rejected request or parcel, a rejected cancel
 * request) that have no statement from the seller yet, found through the shop's orders waiting on a
 * dispute, the nearest decision target first (keyset on decideBy, id). An overdue refund's dispute
 * is the payment network's and the platform's: no statement is asked of the seller.
 */
function disputeRows(sql: SqlTx, shopId: string, worldId: string, size: number, after: { at: Date; id: string } | null): Raw[] {
  const position = laterThan(`d."decideBy"`, after);
  return sql.all<Raw>(
    `SELECT d."id", d."subject", d."decideBy" AS "dueAt", ${ORDER_COLUMNS}
      FROM "Order" o CROSS JOIN "Dispute" d ON d."orderId" = o."id" JOIN "User" b ON b."id" = o."buyerId"
      WHERE o."shopId" = ? AND o."worldId" = ? AND o."openWork" = 'DISPUTE' AND d."status" = 'OPEN' AND d."subject" <> 'REFUND'
        AND NOT EXISTS (SELECT 1 FROM "DisputeStatement" s WHERE s."disputeId" = d."id" AND s."party" = 'SELLER')${position.sql}
      ORDER BY d."decideBy" ASC, d."id" ASC LIMIT ${size + 1}`,
    shopId,
    worldId,
    ...position.params,
  );
}

/** The buyer's reasons of the page's orders: the cancel request's, and the open request's (the latest). */
function reasonsOf(sql: SqlTx, orderIds: string[]): { cancel: Map<string, string>; request: Map<string, string> } {
  if (orderIds.length === 0) return { cancel: new Map(), request: new Map() };
  const list = placeholders(orderIds);
  const cancel = sql.all<{ orderId: string; reasonKey: string }>(`SELECT "orderId", "reasonKey" FROM "CancelRequest" WHERE "orderId" IN (${list})`, ...orderIds);
  const requests = sql.all<{ orderId: string; reasonKey: string }>(`SELECT "orderId", "reasonKey" FROM "ReturnCase" WHERE "orderId" IN (${list}) AND "closedAt" IS NULL ORDER BY "openedAt" ASC`, ...orderIds);
  // Ascending, so the latest open request of an order is the one the map keeps.
  return { cancel: new Map(cancel.map((row) => [row.orderId, row.reasonKey])), request: new Map(requests.map((row) => [row.orderId, row.reasonKey])) };
}

/** What the header shows (every page a seller opens): how many things wait, or "100+" once there are that many. */
export function readSellerWaitingLabel(sql: SqlTx, user: SessionUser): string {
  const total = Object.values(readSellerQueueCounts(sql, user, HEADER_COUNT_CAP)).reduce((sum, n) => sum + n, 0);
  return total >= HEADER_COUNT_CAP ? `${HEADER_COUNT_CAP}+` : String(total);
}
