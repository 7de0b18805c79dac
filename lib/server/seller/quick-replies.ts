import { m } from "@/lib/i18n/message";
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError, type Result } from "@/lib/errors";
import { visibleLength } from "@/lib/text";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { readSql } from "../sqlite/read-sql";
import { runCommand } from "../run-command";

/** A shop keeps at most this many quick replies, each at most this long. */
export const QUICK_REPLY_LIMITS = { count: 10, length: 300 } as const;

/** The seller's shop's quick replies, in their order; none for anyone else. */
export async function listQuickReplies(user: SessionUser): Promise<string[]> {
  if (user.role !== "SELLER" || !user.shopId) return [];
  const shopId = user.shopId;
  return readSql((sql) => sql.all<{ text: string }>(`SELECT "text" FROM "QuickReply" WHERE "shopId" = ? ORDER BY "sortOrder" ASC, "id" ASC`, shopId)).map((row) => row.text);
}

/** Replaces the shop's quick replies with these (blank lines left out), in this order. */
export function saveQuickReplies(user: SessionUser, texts: string[], now: Date): Promise<Result<{ count: number }>> {
  return runCommand(async () => {
    if (user.role !== "SELLER" || !user.shopId) throw new AppError("FORBIDDEN", m("errors.onlySellerQuickReplies"));
    const replies = texts.map((text) => text.trim()).filter((text) => visibleLength(text) > 0);
    if (replies.length > QUICK_REPLY_LIMITS.count) throw new AppError("VALIDATION", m("errors.checkQuickReplies"), { quickReplies: [m("errors.quickRepliesCount", { max: QUICK_REPLY_LIMITS.count, count: replies.length })] });
    const long = replies.findIndex((text) => text.length > QUICK_REPLY_LIMITS.length);
    if (long >= 0) throw new AppError("VALIDATION", m("errors.checkQuickReplies"), { quickReplies: [m("errors.quickReplyLong", { n: long + 1, max: QUICK_REPLY_LIMITS.length })] });
    const shopId = user.shopId;
    await db.$transaction([
      db.quickReply.deleteMany({ where: { shopId } }),
      db.quickReply.createMany({ data: replies.map((text, sortOrder) => ({ id: randomUUID(), shopId, text, sortOrder, updatedAt: now })) }),
    ]);
    return { count: replies.length };
  });
}
