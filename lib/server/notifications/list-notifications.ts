import "server-only";
import type { SessionUser } from "../auth/session-user";
import { pageWindow, type Page } from "../pagination";
import type { Message } from "@/lib/i18n/message";
import { storedNotification } from "../orders/stored-message";
import { readSql } from "../sqlite/read-sql";
import { dateOf, type SqlTx } from "../sqlite/sql-tx";

export interface NotificationRow {
  id: string;
  title: Message;
  body: Message;
  createdAt: Date;
  orderId: string | null;
  readAt: Date | null;
}

/** A seller sees their shop's notifications; anyone else their own. The count stops at 1,000 (50 pages). */
export async function listNotifications(user: SessionUser, options: { page: number }): Promise<Page<NotificationRow>> {
  return readSql((sql) => readNotifications(sql, user, options));
}

export function readNotifications(sql: SqlTx, user: SessionUser, options: { page: number }): Page<NotificationRow> {
  const owner = user.role === "SELLER" ? { where: `"shopId" = ?`, value: user.shopId ?? "\u0000no-shop" } : { where: `"userId" = ?`, value: user.id };
  // In the list's own order, so the capped count walks the same index range.
  const total = sql.get<{ n: number }>(`SELECT count(*) AS "n" FROM (SELECT 1 FROM "Notification" WHERE ${owner.where} ORDER BY "createdAt" DESC, "id" DESC LIMIT 1000)`, owner.value)!.n;
  const { page, pageCount, skip, take } = pageWindow(options.page, total);
  const rows = sql.all<{ id: string; title: string; body: string; message: string | null; createdAt: string; orderId: string | null; readAt: string | null }>(
    `SELECT "id", "title", "body", "message", "createdAt", "orderId", "readAt" FROM "Notification" WHERE ${owner.where} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${take} OFFSET ${skip}`,
    owner.value,
  );
  return {
    rows: rows.map(({ title, body, message, createdAt, readAt, ...row }) => ({ ...row, createdAt: dateOf(createdAt)!, readAt: dateOf(readAt), ...storedNotification({ title, body, message }) })),
    page,
    pageCount,
    total,
  };
}
