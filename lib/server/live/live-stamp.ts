import "server-only";
import { orderScope, type SessionUser } from "../auth/session-user";
import { readSql } from "../sqlite/read-sql";

/**
 * A fingerprint of everything this person's pages show that someone else can change: the latest
 * change to an order they see (a command, a timer), the latest message in their conversations and
 * their latest notification. Pages poll it and refresh when it moves (components/live-updates.tsx).
 * Three index seeks, whatever the size of the world, in one prepared statement on the page reads'
 * connection (every open tab asks every 2 s).
 */
export async function liveStamp(user: SessionUser): Promise<string> {
  const scope = orderScope(user);
  const owner = scope.buyerId ? { col: "buyerId", value: scope.buyerId } : scope.shopId ? { col: "shopId", value: scope.shopId } : { col: "worldId", value: scope.worldId };
  const notificationOwner = user.role === "SELLER" ? { col: "shopId", value: user.shopId ?? "\u0000no-shop" } : { col: "userId", value: user.id };
  const row = readSql((sql) => sql.get<{ changed: string | null; message: string | null; notified: string | null }>(
    `SELECT
      (SELECT max("updatedAt") FROM "Order" WHERE "${owner.col}" = ?) AS "changed",
      (SELECT max("lastMessageAt") FROM "Order" WHERE "${owner.col}" = ?) AS "message",
      (SELECT max("createdAt") FROM "Notification" WHERE "${notificationOwner.col}" = ?) AS "notified"`,
    owner.value,
    owner.value,
    notificationOwner.value,
  ));
  return [row?.changed, row?.message, row?.notified].map((value) => value ?? "-").join("|");
}
