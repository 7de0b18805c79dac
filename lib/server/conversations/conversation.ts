import "server-only";
import type { Message } from "@/lib/i18n/message";
import { ROLE_LABELS, type Role } from "@/lib/order";
import { orderScope, type SessionUser } from "../auth/session-user";
import { db as writer } from "../db";
import { readSql } from "../sqlite/read-sql";
import { dateOf, storedDate, type SqlTx } from "../sqlite/sql-tx";
import { SUPPORT_JOINS_WHILE_SQL, SUPPORT_WRITES_ONLY_IN_DISPUTES } from "./access";

export interface ConversationMessage {
  id: string;
  author: string;
  /** "Buyer", "Seller" or "Platform support". */
  role: Message;
  body: string;
  at: Date;
  photos: string[];
  mine: boolean;
}

export interface Conversation {
  messages: ConversationMessage[];
  /** Null when this person may write; else why not. */
  writeRefusal: Message | null;
  /** The shop's quick replies, for its sellers. */
  quickReplies: string[];
}

/** The latest messages of a conversation a page shows (older ones stay in the table and the case record). */
export const CONVERSATION_LIMIT = 200;

/**
 * An order's conversation as this person may see it, oldest first (the newest at the bottom), or
 * null when the order is not theirs to see. Reading it marks it read for them. Read in one snapshot
 * on the page reads' connection (lib/server/sqlite/read-sql.ts).
 */
export async function getConversation(user: SessionUser, orderId: string): Promise<Conversation | null> {
  const read = readSql((sql) => readConversation(sql, user, orderId));
  if (!read) return null;
  if (read.markReadAt) await markConversationRead(user, orderId, read.markReadAt);
  return read.conversation;
}

type Row = Record<string, string | number | null>;

/** The conversation in a snapshot a page reads more in (support's case view); the caller marks it read. */
export function readConversation(sql: SqlTx, user: SessionUser, orderId: string): { conversation: Conversation; markReadAt: Date | null } | null {
  const scope = orderScope(user);
  const order = sql.get<{ shopId: string; lastMessageAt: string | null; lastReadAt: string | null }>(
    `SELECT o."shopId", o."lastMessageAt", r."lastReadAt" FROM "Order" o LEFT JOIN "ConversationRead" r ON r."orderId" = o."id" AND r."userId" = ?
      WHERE o."id" = ? AND o."worldId" = ? AND (? IS NULL OR o."buyerId" = ?) AND (? IS NULL OR o."shopId" = ?)`,
    user.id, orderId, scope.worldId, scope.buyerId ?? null, scope.buyerId ?? null, scope.shopId ?? null, scope.shopId ?? null,
  );
  if (!order) return null;
  const messages = sql
    .all<Row>(`SELECT m."id", m."authorId", m."authorRole", m."body", m."at", u."name" AS "author" FROM "ChatMessage" m LEFT JOIN "User" u ON u."id" = m."authorId"
      WHERE m."orderId" = ? ORDER BY m."at" DESC, m."id" DESC LIMIT ${CONVERSATION_LIMIT}`, orderId)
    .reverse();
  const waiting = user.role === "SUPPORT" ? sql.get<{ n: number }>(`SELECT count(*) AS "n" FROM "Dispute" WHERE "orderId" = ? AND "status" IN (${SUPPORT_JOINS_WHILE_SQL})`, orderId)!.n : 1;
  const replies = user.role === "SELLER" ? sql.all<{ text: string }>(`SELECT "text" FROM "QuickReply" WHERE "shopId" = ? ORDER BY "sortOrder" ASC, "id" ASC`, order.shopId) : [];
  const photos = messages.length ? sql.all<{ id: string; messageId: string }>(`SELECT "id", "messageId" FROM "Evidence" WHERE "orderId" = ? AND "messageId" IS NOT NULL ORDER BY "createdAt" ASC, "id" ASC`, orderId) : [];
  const lastMessageAt = dateOf(order.lastMessageAt);
  const lastReadAt = dateOf(order.lastReadAt);
  return {
    markReadAt: lastMessageAt && (!lastReadAt || lastReadAt < lastMessageAt) ? lastMessageAt : null,
    conversation: {
      messages: messages.map((m) => ({
        id: m.id as string,
        author: (m.author as string | null) ?? "someone no longer here",
        role: ROLE_LABELS[m.authorRole as Role] ?? ROLE_LABELS.SYSTEM,
        body: m.body as string,
        at: dateOf(m.at as string)!,
        photos: photos.filter((p) => p.messageId === m.id).map((p) => p.id),
        mine: m.authorId === user.id,
      })),
      writeRefusal: waiting ? null : SUPPORT_WRITES_ONLY_IN_DISPUTES,
      quickReplies: replies.map((r) => r.text),
    },
  };
}

/** Records that this person has read the conversation up to `at` (never moves back). */
export async function markConversationRead(user: SessionUser, orderId: string, at: Date): Promise<void> {
  await writer.$executeRawUnsafe(
    `INSERT INTO "ConversationRead" ("orderId", "userId", "lastReadAt") VALUES (?, ?, ?)
      ON CONFLICT ("orderId", "userId") DO UPDATE SET "lastReadAt" = max("lastReadAt", excluded."lastReadAt")`,
    orderId,
    user.id,
    storedDate(at),
  );
}
