import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { checkUploads, storeEvidence } from "../evidence/uploads";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";

/** The seller rejects the returned item with a reason and photos; the buyer may escalate. */
export async function rejectReturnedParcel(
  user: SessionUser,
  input: { orderId: string; expectedVersion: number; idempotencyKey?: string; reasonKey: string; photos?: File[] },
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const checked = await checkUploads(input.photos ?? []);
  if (!checked.ok) return { ok: false, error: { code: "VALIDATION", message: checked.message, fieldErrors: { photos: [checked.message] } } };
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(
    db,
    user,
    { orderId, expectedVersion, idempotencyKey, command: { type: "REJECT_RETURNED_PARCEL", reasonKey: input.reasonKey, photoCount: checked.uploads.length }, attach: (tx, link) => storeEvidence(tx, checked.uploads, link) },
    now,
  );
}
