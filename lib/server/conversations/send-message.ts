import "server-only";
import { m, type Message } from "@/lib/i18n/message";
import { randomUUID } from "node:crypto";
import { AppError, type Result } from "@/lib/errors";
import { MAX_MESSAGE, MAX_MESSAGE_LINES } from "@/lib/order";
import { cleanText, visibleLength } from "@/lib/text";
import { toActor, type SessionUser } from "../auth/session-user";
import { db } from "../db";
import { checkUploads, stageEvidence } from "../evidence/uploads";
import { worldPhotosFull } from "../evidence/world-photos";
import { writeTransaction } from "../prisma";
import { runCommand } from "../run-command";
import { insertRow } from "../sqlite/sql-tx";
import { conversationAccess } from "./access";

/**
 * Sends a message in an order's conversation, with optional photos (the same byte checks and limits
 * as evidence). A message never changes the order: no version, no event, no deadline; it is appended
 * (the table refuses updates and deletes), the order's latest-message columns move for the inboxes,
 * and the sender has read it. The text is cleaned like every other text people type (no control,
 * zero-width or bidirectional-override characters: "Refund \u202Edevorppa" must not read as "Refund
 * approved"), blank lines in a row become one, and photos count towards the world's photo limit.
 */
export async function sendMessage(user: SessionUser, input: { orderId: string; body: string; photos?: File[] }, now: Date): Promise<Result<{ id: string }>> {
  const body = cleanText(input.body).replace(/\n{3,}/g, "\n\n");
  const photos = input.photos ?? [];
  if (visibleLength(body) === 0 && photos.length === 0) return refused("body", m("errors.message.empty"));
  if (body.length > MAX_MESSAGE) return refused("body", m("errors.message.tooLong", { max: MAX_MESSAGE }));
  if (body.split("\n").length > MAX_MESSAGE_LINES) return refused("body", m("errors.message.tooManyLines", { max: MAX_MESSAGE_LINES }));
  const checked = await checkUploads(photos);
  if (!checked.ok) return refused("photos", checked.message);
  const full = await worldPhotosFull(user, checked.uploads.reduce((sum, upload) => sum + upload.bytes.length, 0));
  if (full) return refused("photos", full);
  const staged = await stageEvidence(checked.uploads);
  let committed = false;
  try {
    const result = await runCommand(() =>
      writeTransaction(db, (sql) => {
        const access = conversationAccess(sql, user, input.orderId);
        if (!access) throw new AppError("NOT_FOUND", m("errors.orderNotFound"));
        if (access.writeRefusal) throw new AppError("FORBIDDEN", access.writeRefusal);
        const id = randomUUID();
        insertRow(sql, "ChatMessage", { id, orderId: access.orderId, authorId: user.id, authorRole: user.role, body, photoCount: checked.uploads.length, at: now });
        staged.attach(sql, { orderId: access.orderId, caseId: null, disputeId: null, messageId: id, actor: toActor(user), now });
        sql.run(`UPDATE "Order" SET "lastMessageAt" = ?, "lastMessageById" = ? WHERE "id" = ?`, now, user.id, access.orderId);
        sql.run(
          `INSERT INTO "ConversationRead" ("orderId", "userId", "lastReadAt") VALUES (?, ?, ?) ON CONFLICT ("orderId", "userId") DO UPDATE SET "lastReadAt" = excluded."lastReadAt"`,
          access.orderId,
          user.id,
          now,
        );
        return { id };
      }),
    );
    committed = result.ok;
    return result;
  } finally {
    await staged.settle(committed);
  }
}

function refused(field: string, message: Message): Result<never> {
  return { ok: false, error: { code: "VALIDATION", message, fieldErrors: { [field]: [message] } } };
}
