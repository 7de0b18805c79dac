import "server-only";
import type { Message } from "@/lib/i18n/message";
import { SELLER_QUEUE, deadlineKeyRange, reasonLabel, sellerQueueTab, type SellerQueueTab } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { readDb } from "../db";
import { decodeKeyset, encodeKeyset } from "../pagination";
import type { Db } from "../prisma";
import { readSql } from "../sqlite/read-sql";
import type { SqlTx } from "../sqlite/sql-tx";

export const QUEUE_PAGE_SIZE = 25;

/** The open deadlines of a shop that belong to a tab. */
function tabWhere(shopId: string, worldId: string, tab: SellerQueueTab) {
  const kinds = tab.kinds.map((kind) => ({ kind: deadlineKeyRange(kind) }));
  return {
    resolvedAt: null,
    shopId,
    worldId,
    ...(kinds.length === 1 ? kinds[0] : { OR: kinds }),
    ...(tab.statuses ? { order: { status: { in: [...tab.statuses] } } } : {}),
  };
}

/**
 * The shop's open disputes about its own answers (a rejected request or parcel, a rejected cancel
 * request) that have no statement from the seller yet, found through the shop's orders waiting on a
 * dispute. An overdue refund's dispute is the payment network's and the platform's: no statement is asked of the seller.
 */
function disputeWhere(shopId: string, worldId: string) {
  return { status: "OPEN", subject: { not: "REFUND" }, order: { shopId, worldId, openWork: "DISPUTE" }, statements: { none: { party: "SELLER" } } };
}

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
      WHERE d.resolvedAt IS NULL AND d.shopId = ? AND (${kindSql})${statuses.length ? ` AND o.status IN (${statuses.map(() => "?").join(", ")})` : ""} LIMIT ${cap})`,
    params: [shopId, ...kindParams, ...statuses],
  };
}

/** What a row shows of its order: the code, the buyer, the version a bulk action checks, and the buyer's reasons. */
const ORDER_FIELDS = {
  id: true,
  code: true,
  version: true,
  buyer: { select: { name: true } },
  cancelRequest: { select: { reasonKey: true } },
  returnCases: { where: { closedAt: null }, orderBy: { openedAt: "desc" as const }, take: 1, select: { reasonKey: true } },
};

/** Later than the keyset cursor on (time, id). */
function laterThan(field: "dueAt" | "decideBy", after: { at: Date; id: string } | null) {
  return after ? [{ OR: [{ [field]: { gt: after.at } }, { [field]: after.at, id: { gt: after.id } }] }] : [];
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

/**
 * One tab of the seller's queue, the nearest deadline first, a page at a time (keyset on the
 * deadline's due time and id: one seek on Deadline(resolvedAt, shopId, dueAt, id)). The reasons
 * come with the page's orders in two more queries, never one per row.
 */
export async function sellerQueue(user: SessionUser, options: { tab?: string; after?: string; pageSize?: number } = {}, db: Db = readDb): Promise<SellerQueuePage> {
  const size = Math.min(options.pageSize ?? QUEUE_PAGE_SIZE, 1000);
  const tab = sellerQueueTab(options.tab);
  const { shopId, worldId } = shopOf(user);
  const after = decodeKeyset(options.after);
  if (tab.source === "DISPUTES") return disputeQueue(shopId, worldId, tab, size, after, db);
  const deadlines = await db.deadline.findMany({
    where: { AND: [tabWhere(shopId, worldId, tab), ...laterThan("dueAt", after)] },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: size + 1,
    select: {
      id: true,
      kind: true,
      dueAt: true,
      order: { select: ORDER_FIELDS },
    },
  });
  const page = deadlines.slice(0, size);
  const last = page[page.length - 1];
  return {
    tab,
    later: deadlines.length > size && last ? encodeKeyset(last.dueAt, last.id) : null,
    rows: page.map((deadline) => {
      const reasonKey = tab.key === "cancel-requests" ? deadline.order.cancelRequest?.reasonKey : deadline.order.returnCases[0]?.reasonKey;
      return {
        deadlineKey: deadline.kind,
        dueAt: deadline.dueAt,
        orderId: deadline.order.id,
        version: deadline.order.version,
        code: deadline.order.code,
        buyerName: deadline.order.buyer.name,
        reason: reasonKey ? reasonLabel(reasonKey) : null,
        label: tab.label,
      };
    }),
  };
}

/** The disputes tab: the shop's open disputes without its statement, the nearest decision target first (keyset on decideBy, id). */
async function disputeQueue(shopId: string, worldId: string, tab: SellerQueueTab, size: number, after: { at: Date; id: string } | null, db: Db): Promise<SellerQueuePage> {
  const disputes = await db.dispute.findMany({
    where: { AND: [disputeWhere(shopId, worldId), ...laterThan("decideBy", after)] },
    orderBy: [{ decideBy: "asc" }, { id: "asc" }],
    take: size + 1,
    select: {
      id: true,
      subject: true,
      decideBy: true,
      order: { select: ORDER_FIELDS },
    },
  });
  const page = disputes.slice(0, size);
  const last = page[page.length - 1];
  return {
    tab,
    later: disputes.length > size && last ? encodeKeyset(last.decideBy, last.id) : null,
    rows: page.map((dispute) => {
      const reasonKey = dispute.subject === "CANCEL_REQUEST" ? dispute.order.cancelRequest?.reasonKey : dispute.order.returnCases[0]?.reasonKey;
      return {
        deadlineKey: `DISPUTE:${dispute.id}`,
        dueAt: dispute.decideBy,
        orderId: dispute.order.id,
        version: dispute.order.version,
        code: dispute.order.code,
        buyerName: dispute.order.buyer.name,
        reason: reasonKey ? reasonLabel(reasonKey) : null,
        label: tab.label,
      };
    }),
  };
}

/** What the header shows (every page a seller opens): how many things wait, or "100+" once there are that many. */
export function readSellerWaitingLabel(sql: SqlTx, user: SessionUser): string {
  const total = Object.values(readSellerQueueCounts(sql, user, HEADER_COUNT_CAP)).reduce((sum, n) => sum + n, 0);
  return total >= HEADER_COUNT_CAP ? `${HEADER_COUNT_CAP}+` : String(total);
}
