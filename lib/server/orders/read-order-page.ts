/**
 * What the order page shows beyond the engine's state, read on a page's read connection in the same
 * snapshot as the state (lib/server/sqlite/read-sql.ts): the engine's load (load-order.ts, the one
 * the commands use) and one statement per list the page shows, each a seek on this order's rows
 * (tests/integration/query-plans.test.ts).
 */
import { dateOf, type SqlTx } from "../sqlite/sql-tx";
import { loadOrder, type LoadedOrder } from "./load-order";

type Raw = Record<string, string | number | null>;

const SQL = {
  facts: `SELECT o."cancelReasonKey", o."cancelledByRole", o."cancelledAt", o."faultParty", b."name" AS "buyerName", s."name" AS "shopName", s."returnAddress"
    FROM "Order" o JOIN "User" b ON b."id" = o."buyerId" JOIN "Shop" s ON s."id" = o."shopId" WHERE o."id" = ?`,
  evidence: `SELECT "id", "caseId", "disputeId", "ownerRole", "createdAt" FROM "Evidence" WHERE "orderId" = ? ORDER BY "createdAt" ASC`,
  items: `SELECT "id", "title", "quantity", "unitPriceMinor" FROM "OrderItem" WHERE "orderId" = ? ORDER BY "id" ASC`,
  refunds: `SELECT "id", "idempotencyKey", "totalMinor", "itemsMinor", "shippingMinor", "destination", "status", "createdAt", "expectedArrivalAt", "arrivedAt" FROM "Refund" WHERE "orderId" = ? ORDER BY "createdAt" ASC`,
  events: `SELECT "id", "at", "actorRole", "summary", "message", "data" FROM "OrderEvent" WHERE "orderId" = ? ORDER BY "at" ASC, "id" ASC`,
};

export interface OrderPageRows {
  order: LoadedOrder;
  cancelReasonKey: string | null;
  cancelledByRole: string | null;
  cancelledAt: Date | null;
  faultParty: string | null;
  buyerName: string;
  shopName: string;
  returnAddress: string;
  evidence: { id: string; caseId: string | null; disputeId: string | null; ownerRole: string; createdAt: Date }[];
  items: { id: string; title: string; quantity: number; unitPriceMinor: number }[];
  refunds: {
    id: string;
    idempotencyKey: string;
    totalMinor: number;
    itemsMinor: number;
    shippingMinor: number;
    destination: string;
    status: string;
    createdAt: Date;
    expectedArrivalAt: Date;
    arrivedAt: Date | null;
  }[];
  events: { id: string; at: Date; actorRole: string; summary: string; message: string | null; data: string }[];
}

/** The order as `scope` lets the reader see it, with the page's lists; null when it is not theirs to see. */
export function readOrderPage(sql: SqlTx, orderId: string, scope: { worldId?: string; buyerId?: string; shopId?: string }): OrderPageRows | null {
  const order = loadOrder(sql, orderId, scope);
  if (!order) return null;
  const facts = sql.get<Raw>(SQL.facts, orderId)!;
  return {
    order: { ...order, deadlines: [...order.deadlines].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()) },
    cancelReasonKey: facts.cancelReasonKey as string | null,
    cancelledByRole: facts.cancelledByRole as string | null,
    cancelledAt: dateOf(facts.cancelledAt as string | null),
    faultParty: facts.faultParty as string | null,
    buyerName: facts.buyerName as string,
    shopName: facts.shopName as string,
    returnAddress: facts.returnAddress as string,
    evidence: sql.all<Raw>(SQL.evidence, orderId).map((row) => ({ ...(row as unknown as OrderPageRows["evidence"][number]), createdAt: dateOf(row.createdAt as string)! })),
    items: sql.all<OrderPageRows["items"][number]>(SQL.items, orderId),
    refunds: sql.all<Raw>(SQL.refunds, orderId).map((row) => ({
      ...(row as unknown as OrderPageRows["refunds"][number]),
      createdAt: dateOf(row.createdAt as string)!,
      expectedArrivalAt: dateOf(row.expectedArrivalAt as string)!,
      arrivedAt: dateOf(row.arrivedAt as string | null),
    })),
    events: sql.all<Raw>(SQL.events, orderId).map((row) => ({ ...(row as unknown as OrderPageRows["events"][number]), at: dateOf(row.at as string)! })),
  };
}
