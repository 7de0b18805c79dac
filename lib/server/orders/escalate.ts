import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { checkUploads, storeEvidence } from "../evidence/uploads";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";

/** The buyer asks platform support to decide, with a statement and photos. */
export async function escalate(
  user: SessionUser,
  input: { orderId: string; expectedVersion: number; idempotencyKey?: string; subject: "CASE" | "CANCEL_REQUEST" | "REFUND"; refundKey: string | undefined; statement: string; photos?: File[] },
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const checked = await checkUploads(input.photos ?? []);
  if (!checked.ok) return { ok: false, error: { code: "VALIDATION", message: checked.message, fieldErrors: { photos: [checked.message] } } };
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(
    db,
    user,
    { orderId, expectedVersion, idempotencyKey, command: { type: "ESCALATE", subject: input.subject, refundKey: input.refundKey, statement: input.statement, photoCount: checked.uploads.length }, attach: (tx, link) => storeEvidence(tx, checked.uploads, link) },
    now,
  );
}
