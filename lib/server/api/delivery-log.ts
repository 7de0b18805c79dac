import "server-only";
/**
 * The webhook delivery log of a shop's apps (issue 31): each notification, where it went, whether it
 * arrived, after how many attempts, what the receiver last answered, when it is tried next — and
 * "send again", which puts a delivered or given-up notification back in the queue for a new round
 * of attempts (the same `tts_notification_id`: a receiver that deduplicates sees it once).
 */
import { m } from "@/lib/i18n/message";
import { AppError, type Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import type { Db } from "../prisma";
import { runCommand } from "../run-command";
import { readSql } from "../sqlite/read-sql";
import { dateOf, placeholders } from "../sqlite/sql-tx";

export const LOG_PAGE = 10;

export interface DeliveryRow {
  id: string;
  createdAt: Date;
  eventType: string;
  orderId: string;
  orderCode: string | null;
  address: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  resends: number;
}

export interface DeliveryPage {
  rows: DeliveryRow[];
  /** The cursor of the next (older) page, or null at the end. */
  older: string | null;
}

const cursorOf = (row: { createdAt: Date; id: string }) => `${row.createdAt.getTime()}.${row.id}`;

function parseCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  const found = cursor ? /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(cursor) : null;
  return found ? { at: new Date(Number(found[1])), id: found[2]! } : null;
}

type Raw = Record<string, string | number | null>;

/**
 * The newest deliveries of each of the seller's apps (one statement per app, at most ten apps), or one
 * app's page older than a cursor; one snapshot on the page reads' connection.
 */
export async function deliveryLogs(user: SessionUser, appIds: readonly string[], page?: { appId: string; before: string | null }): Promise<Map<string, DeliveryPage>> {
  const logs = new Map<string, DeliveryPage>();
  if (user.role !== "SELLER" || !user.shopId || appIds.length === 0) return logs;
  const shopId = user.shopId;
  const { loaded, codes } = readSql((sql) => {
    const owned = sql.all<{ id: string }>(`SELECT "id" FROM "ApiApp" WHERE "id" IN (${placeholders(appIds)}) AND "shopId" = ?`, ...appIds, shopId);
    const loaded = owned.map(({ id }) => {
      const after = page?.appId === id ? parseCursor(page.before) : null;
      const position = after ? { sql: ` AND ("createdAt" < ? OR ("createdAt" = ? AND "id" < ?))`, params: [after.at, after.at, after.id] } : { sql: "", params: [] };
      const rows = sql.all<Raw>(
        `SELECT "id", "createdAt", "eventType", "orderId", "address", "status", "attempts", "lastStatusCode", "lastError", "nextAttemptAt", "deliveredAt", "resends"
          FROM "WebhookDelivery" WHERE "appId" = ?${position.sql} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${LOG_PAGE + 1}`,
        id,
        ...position.params,
      );
      return [id, rows] as const;
    });
    const orderIds = [...new Set(loaded.flatMap(([, rows]) => rows.map((row) => row.orderId as string)))];
    const orders = orderIds.length ? sql.all<{ id: string; code: string }>(`SELECT "id", "code" FROM "Order" WHERE "id" IN (${placeholders(orderIds)}) AND "shopId" = ?`, ...orderIds, shopId) : [];
    return { loaded, codes: new Map(orders.map((order) => [order.id, order.code])) };
  });
  for (const [id, rows] of loaded) {
    const shown = rows.slice(0, LOG_PAGE).map(
      (row): DeliveryRow => ({
        id: row.id as string,
        createdAt: dateOf(row.createdAt as string)!,
        eventType: row.eventType as string,
        orderId: row.orderId as string,
        orderCode: codes.get(row.orderId as string) ?? null,
        address: row.address as string,
        status: row.status as DeliveryRow["status"],
        attempts: row.attempts as number,
        lastStatusCode: row.lastStatusCode as number | null,
        lastError: row.lastError as string | null,
        nextAttemptAt: dateOf(row.nextAttemptAt as string)!,
        deliveredAt: dateOf(row.deliveredAt as string | null),
        resends: row.resends as number,
      }),
    );
    logs.set(id, { rows: shown, older: rows.length > LOG_PAGE ? cursorOf(shown.at(-1)!) : null });
  }
  return logs;
}

/**
 * Puts a delivered or given-up notification back in the queue, at once, for a new round of attempts.
 * One that is already waiting is left as it is (a double click queues it once).
 */
export function sendAgain(db: Db, user: SessionUser, deliveryId: string, realNow: Date): Promise<Result<{ queued: boolean }>> {
  return runCommand(async () => {
    const delivery = user.shopId ? await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { appId: true } }) : null;
    const app = delivery ? await db.apiApp.findFirst({ where: { id: delivery.appId, shopId: user.shopId! }, select: { id: true } }) : null;
    if (user.role !== "SELLER" || !app) throw new AppError("NOT_FOUND", m("developer.log.noDelivery"));
    const queued = await db.webhookDelivery.updateMany({
      where: { id: deliveryId, status: { in: ["DELIVERED", "FAILED"] } },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: realNow, deliveredAt: null, lastStatusCode: null, lastError: null, resends: { increment: 1 } },
    });
    return { queued: queued.count === 1 };
  });
}
