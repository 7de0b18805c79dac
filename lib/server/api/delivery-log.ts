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

/** The newest deliveries of each of the seller's apps (one query per app, at most ten apps), or one app's page older than a cursor. */
export async function deliveryLogs(db: Db, user: SessionUser, appIds: readonly string[], page?: { appId: string; before: string | null }): Promise<Map<string, DeliveryPage>> {
  const logs = new Map<string, DeliveryPage>();
  if (user.role !== "SELLER" || !user.shopId) return logs;
  const owned = await db.apiApp.findMany({ where: { id: { in: [...appIds] }, shopId: user.shopId }, select: { id: true } });
  const loaded = await Promise.all(
    owned.map(async ({ id }) => {
      const after = page?.appId === id ? parseCursor(page.before) : null;
      const rows = await db.webhookDelivery.findMany({
        where: { appId: id, ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: LOG_PAGE + 1,
        select: { id: true, createdAt: true, eventType: true, orderId: true, address: true, status: true, attempts: true, lastStatusCode: true, lastError: true, nextAttemptAt: true, deliveredAt: true, resends: true },
      });
      return [id, rows] as const;
    }),
  );
  const orderIds = [...new Set(loaded.flatMap(([, rows]) => rows.map((row) => row.orderId)))];
  const codes = new Map((await db.order.findMany({ where: { id: { in: orderIds }, shopId: user.shopId }, select: { id: true, code: true } })).map((order) => [order.id, order.code]));
  for (const [id, rows] of loaded) {
    const shown = rows.slice(0, LOG_PAGE);
    logs.set(id, {
      rows: shown.map((row) => ({ ...row, status: row.status as DeliveryRow["status"], orderCode: codes.get(row.orderId) ?? null })),
      older: rows.length > LOG_PAGE ? cursorOf(shown.at(-1)!) : null,
    });
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
