import "server-only";
import type { SessionUser } from "../auth/session-user";
import { readDb } from "../db";
import { pageWindow, type Page } from "../pagination";
import type { Message } from "@/lib/i18n/message";
import { storedNotification } from "../orders/stored-message";
import type { Db } from "../prisma";

export interface NotificationRow {
  id: string;
  title: Message;
  body: Message;
  createdAt: Date;
  orderId: string | null;
  readAt: Date | null;
}

/** A seller sees their shop's notifications; anyone else their own. The count stops at 1,000 (50 pages). */
export async function listNotifications(user: SessionUser, options: { page: number }, db: Db = readDb): Promise<Page<NotificationRow>> {
  const where = user.role === "SELLER" ? { shopId: user.shopId ?? "\u0000no-shop" } : { userId: user.id };
  const total = await db.notification.count({ where, take: 1000, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const { page, pageCount, skip, take } = pageWindow(options.page, total);
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: { id: true, title: true, body: true, message: true, createdAt: true, orderId: true, readAt: true },
  });
  return { rows: rows.map(({ title, body, message, ...row }) => ({ ...row, ...storedNotification({ title, body, message }) })), page, pageCount, total };
}
