import "server-only";
import { SELLER_QUEUE, reasonLabel, sellerQueueTab, type SellerQueueTab } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { readDb } from "../db";
import { decodeKeyset, encodeKeyset } from "../pagination";
import type { Db } from "../prisma";

export const QUEUE_PAGE_SIZE = 25;

/** The open deadlines of a shop that belong to a tab (a per-thing deadline's key is `<kind>:<ref>`). */
function tabWhere(shopId: string, worldId: string, tab: SellerQueueTab) {
  return {
    resolvedAt: null,
    shopId,
    worldId,
    OR: tab.kinds.flatMap((kind) => [{ kind }, { kind: { startsWith: `${kind}:` } }]),
    ...(tab.statuses ? { order: { status: { in: [...tab.statuses] } } } : {}),
  };
}

/** The shop's open disputes that have no statement from the seller yet (support decides them by their target). */
function disputeWhere(shopId: string, worldId: string) {
  return { status: "OPEN", order: { shopId, worldId }, statements: { none: { party: "SELLER" } } };
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

/** How many items wait in each tab (counted up to 1,000 each): the tabs and the header show them. */
export async function sellerQueueCounts(user: SessionUser, db: Db = readDb): Promise<Record<string, number>> {
  const { shopId, worldId } = shopOf(user);
  const counts = await Promise.all(
    SELLER_QUEUE.map((tab) => (tab.source === "DISPUTES" ? db.dispute.count({ where: disputeWhere(shopId, worldId), take: 1000 }) : db.deadline.count({ where: tabWhere(shopId, worldId, tab), take: 1000 }))),
  );
  return Object.fromEntries(SELLER_QUEUE.map((tab, i) => [tab.key, counts[i]!]));
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
  reason: string | null;
  label: string;
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
      const reasonKey = dispute.subject === "CANCEL_REQUEST" ? dispute.order.cancelRequest?.reasonKey : dispute.subject === "CASE" ? dispute.order.returnCases[0]?.reasonKey : null;
      return {
        deadlineKey: `DISPUTE:${dispute.id}`,
        dueAt: dispute.decideBy,
        orderId: dispute.order.id,
        version: dispute.order.version,
        code: dispute.order.code,
        buyerName: dispute.order.buyer.name,
        reason: reasonKey ? reasonLabel(reasonKey) : dispute.subject === "REFUND" ? "Refund overdue" : null,
        label: tab.label,
      };
    }),
  };
}
