import "server-only";
import { m, type Message } from "@/lib/i18n/message";
import { orderScope, type SessionUser } from "../auth/session-user";
import { db as writer } from "../db";
import { readNotifications, type NotificationRow } from "../notifications/list-notifications";
import type { Page } from "../pagination";
import { storedDate, type SqlTx } from "../sqlite/sql-tx";
import { readSql } from "../sqlite/read-sql";
import { SUPPORT_JOINS_WHILE_SQL } from "./access";

export interface InboxConversation {
  orderId: string;
  code: string;
  /** Who the conversation is with, for this person. */
  withWhom: Message;
  lastMessageAt: Date;
  /** The latest message's words, or that it was only a photo. */
  lastMessage: Message;
  unread: boolean;
}

/** The inbox lists the latest conversations; unread counts look at the latest ones too, so the header's cost never grows with history. */
export const INBOX_LIMIT = 100;
const COUNT_WINDOW = 500;

/** Which orders' conversations are this person's: their own, their shop's, or (support) those with a dispute waiting for support. */
function scopeSql(user: SessionUser): { where: string; params: string[] } {
  const scope = orderScope(user);
  if (scope.buyerId) return { where: `o."buyerId" = ?`, params: [scope.buyerId] };
  if (scope.shopId) return { where: `o."shopId" = ?`, params: [scope.shopId] };
  return { where: `o."worldId" = ? AND EXISTS (SELECT 1 FROM "Dispute" d WHERE d."orderId" = o."id" AND d."status" IN (${SUPPORT_JOINS_WHILE_SQL}))`, params: [scope.worldId] };
}

/** A conversation (an order under `alias`, its read marker under r) is unread: the last message is someone else's and came after the marker. */
const unreadOf = (alias: string) => `${alias}."lastMessageById" <> ? AND (r."lastReadAt" IS NULL OR r."lastReadAt" < ${alias}."lastMessageAt")`;

const verbatim = (text: string): Message => m("engine.verbatim", { text });

/** This person's latest conversations, the unread ones first, each with its latest message. */
export async function listConversations(user: SessionUser): Promise<InboxConversation[]> {
  return readSql((sql) => readConversations(sql, user));
}

/** The inbox page's reads in one snapshot: the conversations, a page of notifications and the unread counts. */
export async function inboxView(user: SessionUser, page: number): Promise<{ conversations: InboxConversation[]; notifications: Page<NotificationRow>; counts: { conversations: number; notifications: number } }> {
  return readSql((sql) => ({ conversations: readConversations(sql, user), notifications: readNotifications(sql, user, { page }), counts: readUnreadCounts(sql, user) }));
}

function readConversations(sql: SqlTx, user: SessionUser): InboxConversation[] {
  const scope = scopeSql(user);
  const rows = sql.all<{ id: string; code: string; lastMessageAt: string; shopName: string; buyerName: string; lastBody: string | null; unread: number }>(
    `SELECT o."id", o."code", o."lastMessageAt", s."name" AS "shopName", b."name" AS "buyerName",
        (SELECT m."body" FROM "ChatMessage" m WHERE m."orderId" = o."id" ORDER BY m."at" DESC LIMIT 1) AS "lastBody",
        (${unreadOf("o")}) AS "unread"
      FROM "Order" o
      JOIN "Shop" s ON s."id" = o."shopId"
      JOIN "User" b ON b."id" = o."buyerId"
      LEFT JOIN "ConversationRead" r ON r."orderId" = o."id" AND r."userId" = ?
      WHERE ${scope.where} AND o."lastMessageAt" IS NOT NULL
      ORDER BY o."lastMessageAt" DESC LIMIT ${INBOX_LIMIT}`,
    user.id,
    user.id,
    ...scope.params,
  );
  const conversations = rows.map((row) => ({
    orderId: row.id,
    code: row.code,
    withWhom: user.role === "BUYER" ? verbatim(row.shopName) : user.role === "SELLER" ? verbatim(row.buyerName) : m("inbox.buyerAndShop", { buyer: row.buyerName, shop: row.shopName }),
    lastMessageAt: new Date(row.lastMessageAt),
    lastMessage: row.lastBody?.trim() ? verbatim(row.lastBody.trim()) : m("inbox.photoOnly"),
    unread: Number(row.unread) === 1,
  }));
  return [...conversations.filter((c) => c.unread), ...conversations.filter((c) => !c.unread)];
}

/** Unread conversations and notifications, among the latest of each (the header shows them on every page), on a page's read connection. */
export function readUnreadCounts(sql: SqlTx, user: SessionUser): { conversations: number; notifications: number } {
  const scope = scopeSql(user);
  const notificationOwner = user.role === "SELLER" ? `"shopId" = ?` : `"userId" = ?`;
  const owner = user.role === "SELLER" ? (user.shopId ?? "\u0000no-shop") : user.id;
  const row = sql.get<{ conversations: number; notifications: number }>(
    `SELECT
      (SELECT count(*) FROM (SELECT o."id", o."lastMessageAt", o."lastMessageById" FROM "Order" o
          WHERE ${scope.where} AND o."lastMessageAt" IS NOT NULL ORDER BY o."lastMessageAt" DESC LIMIT ${COUNT_WINDOW}) latest
        LEFT JOIN "ConversationRead" r ON r."orderId" = latest."id" AND r."userId" = ? WHERE ${unreadOf("latest")}) AS "conversations",
      (SELECT count(*) FROM (SELECT "readAt" FROM "Notification" WHERE ${notificationOwner} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${COUNT_WINDOW}) WHERE "readAt" IS NULL) AS "notifications"`,
    ...scope.params,
    user.id,
    user.id,
    owner,
  );
  return { conversations: Number(row?.conversations ?? 0), notifications: Number(row?.notifications ?? 0) };
}

export async function unreadCounts(user: SessionUser): Promise<{ conversations: number; notifications: number }> {
  return readSql((sql) => readUnreadCounts(sql, user));
}

/** Marks every notification and conversation of this person read. */
export async function markAllRead(user: SessionUser, now: Date): Promise<void> {
  const scope = scopeSql(user);
  const at = storedDate(now);
  await writer.$transaction([
    user.role === "SELLER"
      ? writer.notification.updateMany({ where: { shopId: user.shopId ?? "\u0000no-shop", readAt: null }, data: { readAt: now } })
      : writer.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: now } }),
    writer.$executeRawUnsafe(
      `INSERT INTO "ConversationRead" ("orderId", "userId", "lastReadAt")
        SELECT o."id", ?, ? FROM "Order" o WHERE ${scope.where} AND o."lastMessageAt" IS NOT NULL
        ON CONFLICT ("orderId", "userId") DO UPDATE SET "lastReadAt" = max("lastReadAt", excluded."lastReadAt")`,
      user.id,
      at,
      ...scope.params,
    ),
  ]);
}
