import "server-only";
import type { SessionUser } from "../auth/session-user";
import { readDb } from "../db";
import { pageWindow, type Page } from "../pagination";

export interface NotificationRow {
  id: string;
  title: string;
  body: string;
  createdAt: Date;
  orderId: string | null;
}

/** A seller sees their shop's notifications; anyone else their own. */
export async function listNotifications(user: SessionUser, options: { page: number }): Promise<Page<NotificationRow>> {
  const where = user.role === "SELLER" ? { shopId: user.shopId ?? "\u0000no-shop" } : { userId: user.id };
  const total = await readDb.notification.count({ where });
  const { page, pageCount, skip, take } = pageWindow(options.page, total);
  const rows = await readDb.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: { id: true, title: true, body: true, createdAt: true, orderId: true },
  });
  return { rows, page, pageCount, total };
}
