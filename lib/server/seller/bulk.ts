import "server-only";
import type { Message } from "@/lib/i18n/message";
import { STALE_ORDER_MESSAGE } from "@/lib/errors";
import { SELLER_QUEUE, type SellerQueueTab } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand } from "../orders/run-order-command";

/** What a seller may do to many orders at once (issue 16, point 2): the queue's tabs name them (lib/order/seller-queue.ts). */
export type BulkCommand = NonNullable<SellerQueueTab["bulk"]>["command"];
export const BULK_COMMANDS = SELLER_QUEUE.flatMap((tab) => (tab.bulk ? [tab.bulk.command] : [])) as [BulkCommand, ...BulkCommand[]];
export const BULK_LIMIT = 50;

export interface BulkOutcome {
  orderId: string;
  code: string | null;
  ok: boolean;
  /** What happened to this order, or why it was refused. */
  message: Message;
}

/**
 * Runs one command on each chosen order, each through the engine on its own (its own transaction,
 * version check and refusal): a refused order changes nothing and does not stop the others, and no
 * order is ever half-done. Orders the seller may not see are "not found", like anywhere else.
 */
export async function runBulk(user: SessionUser, type: BulkCommand, orders: { orderId: string; version: number }[], now: Date): Promise<BulkOutcome[]> {
  const chosen = orders.slice(0, BULK_LIMIT);
  const codes = new Map((await db.order.findMany({ where: { id: { in: chosen.map((o) => o.orderId) }, shopId: user.shopId ?? "\u0000no-shop" }, select: { id: true, code: true } })).map((o) => [o.id, o.code]));
  return Promise.all(
    chosen.map(async ({ orderId, version }) => {
      const result = await runOrderCommand(db, user, { orderId, expectedVersion: version, command: { type } }, now);
      const code = codes.get(orderId) ?? null;
      if (result.ok) return { orderId, code, ok: true, message: result.value.summary };
      return { orderId, code, ok: false, message: result.error.code === "CONFLICT" ? STALE_ORDER_MESSAGE : result.error.message };
    }),
  );
}
