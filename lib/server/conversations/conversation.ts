import "server-only";
import type { Message } from "@/lib/i18n/message";
import { ROLE_LABELS, type Role } from "@/lib/order";
import { orderScope, type SessionUser } from "../auth/session-user";
import { db as writer, readDb } from "../db";
import type { Db } from "../prisma";
import { storedDate } from "../sqlite/sql-tx";
import { SUPPORT_JOINS_WHILE, SUPPORT_WRITES_ONLY_IN_DISPUTES } from "./access";

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
 * null when the order is not theirs to see. Reading it marks it read for them.
 */
export async function getConversation(user: SessionUser, orderId: string, now: Date, db: Db = readDb): Promise<Conversation | null> {
  const order = await db.order.findFirst({ where: { id: orderId, ...orderScope(user) }, select: { id: true, shopId: true, lastMessageAt: true } });
  if (!order) return null;
  const [rows, waiting, replies, read] = await Promise.all([
    db.chatMessage.findMany({ where: { orderId }, orderBy: [{ at: "desc" }, { id: "desc" }], take: CONVERSATION_LIMIT, select: { id: true, authorId: true, authorRole: true, body: true, at: true } }),
    user.role === "SUPPORT" ? db.dispute.count({ where: { orderId, status: { in: [...SUPPORT_JOINS_WHILE] } } }) : Promise.resolve(1),
    user.role === "SELLER" ? db.quickReply.findMany({ where: { shopId: order.shopId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { text: true } }) : Promise.resolve([]),
    db.conversationRead.findUnique({ where: { orderId_userId: { orderId, userId: user.id } }, select: { lastReadAt: true } }),
  ]);
  const messages = rows.reverse();
  const [authors, photos] = await Promise.all([
    messages.length ? db.user.findMany({ where: { id: { in: [...new Set(messages.map((m) => m.authorId))] } }, select: { id: true, name: true } }) : Promise.resolve([]),
    messages.length ? db.evidence.findMany({ where: { orderId, messageId: { in: messages.map((m) => m.id) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, messageId: true } }) : Promise.resolve([]),
  ]);
  const names = new Map(authors.map((a) => [a.id, a.name]));
  if (order.lastMessageAt && (!read || read.lastReadAt < order.lastMessageAt)) await markConversationRead(user, orderId, order.lastMessageAt);
  return {
    messages: messages.map((m) => ({
      id: m.id,
      author: names.get(m.authorId) ?? "someone no longer here",
      role: ROLE_LABELS[m.authorRole as Role] ?? ROLE_LABELS.SYSTEM,
      body: m.body,
      at: m.at,
      photos: photos.filter((p) => p.messageId === m.id).map((p) => p.id),
      mine: m.authorId === user.id,
    })),
    writeRefusal: waiting ? null : SUPPORT_WRITES_ONLY_IN_DISPUTES,
    quickReplies: replies.map((r) => r.text),
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
