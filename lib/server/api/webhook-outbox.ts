/**
 * The webhook outbox (issue 31): in a command's own transaction, the deliveries its change makes for
 * the shop's registered addresses — so a change is never announced without happening, nor happens
 * unannounced. No "server-only": the command runner, which scripts and the seed also load, calls it.
 * Delivery is lib/server/api/webhooks.ts.
 */
import { randomBytes } from "node:crypto";
import { rowId } from "@/lib/ids";
import { CANCEL_STATUS, RETURN_STATUS, WEBHOOK_TYPES, returnType, type WebhookEventType } from "@/lib/api/statuses";
import type { OrderState } from "@/lib/order";
import type { SqlTx } from "../sqlite/sql-tx";

const unixOf = (date: Date | null | undefined) => (date ? Math.floor(date.getTime() / 1000) : null);

/** In the command's transaction: the deliveries its change makes for the shop's registered addresses (none registered: one indexed read). */
export function queueWebhooks(sql: SqlTx, order: { id: string; shopId: string }, before: OrderState, after: OrderState, at: Date): void {
  const subscriptions = sql.all<{ appId: string; eventType: WebhookEventType; address: string }>(`SELECT "appId", "eventType", "address" FROM "WebhookSubscription" WHERE "shopId" = ?`, order.shopId);
  if (subscriptions.length === 0) return;
  const events: { eventType: WebhookEventType; data: Record<string, unknown> }[] = [];
  if (before.status !== after.status) {
    events.push({ eventType: "ORDER_STATUS_CHANGE", data: { order_id: order.id, order_status: after.status, is_on_hold_order: after.status === "ON_HOLD", update_time: unixOf(at) } });
  }
  if (after.cancelRequest && before.cancelRequest?.status !== after.cancelRequest.status) {
    const row = sql.get<{ id: string }>(`SELECT "id" FROM "CancelRequest" WHERE "orderId" = ?`, order.id);
    events.push({
      eventType: "CANCELLATION_STATUS_CHANGE",
      data: { order_id: order.id, cancellations_role: "BUYER", cancel_status: CANCEL_STATUS[after.cancelRequest.status] ?? after.cancelRequest.status, cancel_id: row?.id ?? order.id, create_time: unixOf(after.cancelRequest.requestedAt) },
    });
  }
  if (after.returnCase && (before.returnCase?.id !== after.returnCase.id || before.returnCase?.status !== after.returnCase.status)) {
    events.push({
      eventType: "RETURN_STATUS_CHANGE",
      data: { order_id: order.id, return_role: "BUYER", return_type: returnType(after.returnCase.type), return_status: RETURN_STATUS[after.returnCase.status] ?? after.returnCase.status, return_id: after.returnCase.id, create_time: unixOf(after.returnCase.openedAt), update_time: unixOf(at) },
    });
  }
  for (const event of events) {
    for (const subscription of subscriptions.filter((candidate) => candidate.eventType === event.eventType)) {
      const payload = JSON.stringify({ type: WEBHOOK_TYPES[event.eventType], tts_notification_id: randomBytes(10).toString("hex"), shop_id: order.shopId, timestamp: unixOf(at), data: event.data });
      sql.run(
        `INSERT INTO "WebhookDelivery" ("id", "appId", "orderId", "eventType", "address", "payload", "status", "attempts", "nextAttemptAt", "createdAt") VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)`,
        rowId(),
        subscription.appId,
        order.id,
        event.eventType,
        subscription.address,
        payload,
        new Date(0),
        at,
      );
    }
  }
}

