import "server-only";
import { m, type Message } from "@/lib/i18n/message";
import { OPEN_WORK } from "@/lib/order";
import { orderScope, type SessionUser } from "../auth/session-user";
import type { SqlTx } from "../sqlite/sql-tx";

/** What a person may do with an order's conversation; null when the order is not theirs to see. */
export interface ConversationAccess {
  orderId: string;
  code: string;
  buyerId: string;
  shopId: string;
  /** Null when they may write; else why not, for the page. */
  writeRefusal: Message | null;
}

/** The dispute statuses in which support joins a conversation: those waiting for support (OPEN_WORK.DISPUTE). */
export const SUPPORT_JOINS_WHILE: readonly string[] = OPEN_WORK.DISPUTE.statuses;
export const SUPPORT_JOINS_WHILE_SQL = SUPPORT_JOINS_WHILE.map((status) => `'${status}'`).join(", ");

export const SUPPORT_WRITES_ONLY_IN_DISPUTES: Message = m("errors.supportWritesOnlyInDisputes");

/**
 * The buyer and the shop's sellers read and write their order's conversation; platform support reads
 * any in its world and writes while a dispute or an appeal on the order waits for support.
 */
export function conversationAccess(sql: SqlTx, user: SessionUser, orderId: string): ConversationAccess | null {
  const scope = orderScope(user);
  const order = sql.get<{ id: string; code: string; buyerId: string; shopId: string }>(
    `SELECT "id", "code", "buyerId", "shopId" FROM "Order" WHERE "id" = ? AND "worldId" = ? AND (? IS NULL OR "buyerId" = ?) AND (? IS NULL OR "shopId" = ?)`,
    orderId,
    scope.worldId,
    scope.buyerId ?? null,
    scope.buyerId ?? null,
    scope.shopId ?? null,
    scope.shopId ?? null,
  );
  if (!order) return null;
  let writeRefusal: Message | null = null;
  if (user.role === "SUPPORT") {
    const waiting = sql.get<{ n: number }>(`SELECT count(*) AS "n" FROM "Dispute" WHERE "orderId" = ? AND "status" IN (${SUPPORT_JOINS_WHILE_SQL})`, orderId)!.n;
    if (!waiting) writeRefusal = SUPPORT_WRITES_ONLY_IN_DISPUTES;
  }
  return { orderId: order.id, code: order.code, buyerId: order.buyerId, shopId: order.shopId, writeRefusal };
}
