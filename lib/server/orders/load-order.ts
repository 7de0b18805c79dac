/**
 * The command path's load: what the engine reads to decide on an order (orderStateSelect's shape),
 * in six prepared statements on the writer's connection, inside the command's transaction. Each
 * is a primary-key or index seek on this order's rows (tests/integration/query-plans.test.ts), and a
 * test proves it reads the same state as the page's Prisma load (load-order.test.ts).
 */
import { accounts } from "@/lib/order";
import { dateOf, type SqlTx } from "../sqlite/sql-tx";
import type { OrderRow } from "./order-state";

const ORDER_COLUMNS = [
  "id", "worldId", "code", "buyerId", "shopId", "status", "version", "policyProfile", "currency", "itemsMinor", "shippingFeeMinor", "totalMinor",
  "paymentMethod", "placedAt", "paidAt", "remorseEndsAt", "awaitingShipmentAt", "dispatchDueAt", "arrangedAt", "pickedUpAt",
  "lateDispatch", "deliveredAt", "returnWindowEndsAt", "autoApproveWindow", "changeOfMindFeeMinor", "autoRefundUpToMinor", "updatedAt",
] as const;
const DISPUTE_COLUMNS = [
  "id", "orderId", "subject", "subjectRef", "status", "openedAt", "decideBy", "decisionOutcome", "decisionAmountMinor", "returnRequired",
  "decisionRationale", "decidedById", "decidedAt", "refundedMinor", "appealStatement", "appealedAt", "appealOutcome", "appealRationale",
  "appealDecidedById", "appealDecidedAt", "assigneeId", "assignedAt", "infoParty", "infoQuestion", "infoAskedAt", "infoAnswerBy", "infoAnsweredAt",
  "worldId", "queueKind", "targetAt",
] as const;
const CASE_COLUMNS = [
  "id", "type", "status", "reasonKey", "description", "photoCount", "openedAt", "preDelivery", "offerMinor", "carrier", "trackingNumber", "returnMethod",
  "rejectReasonKey", "refundMinor", "refundOnArrival", "closedAt",
] as const;

const list = (columns: readonly string[], alias = "") => columns.map((c) => `${alias}"${c}"`).join(", ");

const SQL = {
  order: `SELECT ${list(ORDER_COLUMNS)} FROM "Order" WHERE "id" = ? AND (? IS NULL OR "worldId" = ?) AND (? IS NULL OR "buyerId" = ?) AND (? IS NULL OR "shopId" = ?)`,
  cancelRequest: `SELECT "status", "reasonKey", "requestedAt", "respondBy", "resolvedAt", "rejectReasonKey" FROM "CancelRequest" WHERE "orderId" = ?`,
  deadlines: `SELECT "kind", "dueAt" FROM "Deadline" WHERE "orderId" = ? AND "resolvedAt" IS NULL`,
  cases: `SELECT ${list(CASE_COLUMNS)}, (SELECT COUNT(*) FROM "ReturnCase" WHERE "orderId" = ?) AS "count" FROM "ReturnCase" WHERE "orderId" = ? ORDER BY "openedAt" DESC LIMIT 1`,
  disputes: `SELECT ${list(DISPUTE_COLUMNS)} FROM "Dispute" WHERE "orderId" = ? ORDER BY "openedAt" ASC`,
  statements: `SELECT s."id", s."disputeId", s."party", s."text", s."photoCount", s."at" FROM "DisputeStatement" s JOIN "Dispute" d ON d."id" = s."disputeId" WHERE d."orderId" = ? ORDER BY s."at" ASC`,
  refunds: `SELECT "idempotencyKey", "totalMinor", "destination", "status", "expectedArrivalAt" FROM "Refund" WHERE "orderId" = ?`,
  escrow: `SELECT COALESCE(SUM("amountMinor"), 0) AS "held" FROM "LedgerEntry" WHERE "orderId" = ? AND "account" = ?`,
};

type Raw = Record<string, string | number | null>;

/** Turns the named text columns into Dates and the named 0/1 columns into booleans. */
function typed<T>(row: Raw, dates: readonly string[], flags: readonly string[] = []): T {
  const out: Record<string, unknown> = { ...row };
  for (const column of dates) out[column] = dateOf(row[column] as string | null);
  for (const column of flags) out[column] = row[column] === 1;
  return out as T;
}

export type LoadedOrder = OrderRow & { updatedAt: Date };

/** The order as `scope` lets the actor see it (a buyer's own, a shop's, any of the world's for support; any for timers), or null. */
export function loadOrder(sql: SqlTx, orderId: string, scope: { worldId?: string; buyerId?: string; shopId?: string }): LoadedOrder | null {
  const worldId = scope.worldId ?? null;
  const buyerId = scope.buyerId ?? null;
  const shopId = scope.shopId ?? null;
  const order = sql.get<Raw>(SQL.order, orderId, worldId, worldId, buyerId, buyerId, shopId, shopId);
  if (!order) return null;
  const request = sql.get<Raw>(SQL.cancelRequest, orderId);
  const latestCase = sql.get<Raw>(SQL.cases, orderId, orderId);
  const statements = sql.all<Raw>(SQL.statements, orderId).map((row) => typed<OrderRow["disputes"][number]["statements"][number]>(row, ["at"]));
  const escrow = sql.get<{ held: number }>(SQL.escrow, orderId, accounts.escrow)!;
  const { count, ...caseRow } = latestCase ?? { count: 0 };
  return {
    ...typed<Omit<LoadedOrder, "cancelRequest" | "deadlines" | "returnCases" | "disputes" | "_count" | "refunds" | "ledgerEntries">>(
      order,
      ["placedAt", "paidAt", "remorseEndsAt", "awaitingShipmentAt", "dispatchDueAt", "arrangedAt", "pickedUpAt", "deliveredAt", "returnWindowEndsAt", "updatedAt"],
      ["lateDispatch"],
    ),
    cancelRequest: request ? typed(request, ["requestedAt", "respondBy", "resolvedAt"]) : null,
    deadlines: sql.all<Raw>(SQL.deadlines, orderId).map((row) => typed(row, ["dueAt"])),
    returnCases: latestCase ? [typed(caseRow, ["openedAt", "closedAt"], ["preDelivery", "refundOnArrival"])] : [],
    _count: { returnCases: Number(count) },
    disputes: sql.all<Raw>(SQL.disputes, orderId).map((row) => ({
      ...typed<Omit<OrderRow["disputes"][number], "statements">>(row, ["openedAt", "decideBy", "decidedAt", "appealedAt", "appealDecidedAt", "assignedAt", "infoAskedAt", "infoAnswerBy", "infoAnsweredAt", "targetAt"], ["returnRequired"]),
      statements: statements.filter((statement) => statement.disputeId === row.id),
    })),
    refunds: sql.all<Raw>(SQL.refunds, orderId).map((row) => typed(row, ["expectedArrivalAt"])),
    // Escrow held, summed by SQLite: the engine reads only the total.
    ledgerEntries: [{ account: accounts.escrow, amountMinor: escrow.held }],
  };
}

/** Every statement the loader sends, for the query-plan test. */
export const LOAD_ORDER_SQL = SQL;
