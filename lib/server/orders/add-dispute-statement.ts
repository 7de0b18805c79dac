import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { checkUploads, storeEvidence } from "../evidence/uploads";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";

/** Either side adds a statement and photos to an open dispute. */
export async function addDisputeStatement(
  user: SessionUser,
  input: { orderId: string; expectedVersion: number; idempotencyKey?: string; disputeId: string; statement: string; photos?: File[] },
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const checked = await checkUploads(input.photos ?? []);
  if (!checked.ok) return { ok: false, error: { code: "VALIDATION", message: checked.message, fieldErrors: { photos: [checked.message] } } };
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(
    db,
    user,
    { orderId, expectedVersion, idempotencyKey, command: { type: "ADD_DISPUTE_STATEMENT", disputeId: input.disputeId, statement: input.statement, photoCount: checked.uploads.length }, attach: (tx, link) => storeEvidence(tx, checked.uploads, link) },
    now,
  );
}
