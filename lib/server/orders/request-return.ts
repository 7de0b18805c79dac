import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { checkUploads, storeEvidence } from "../evidence/uploads";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";

/** The buyer asks for a refund only or a return and refund (with photos), or before delivery (US) a refund because it won't arrive on time. */
export async function requestReturn(
  user: SessionUser,
  input: { orderId: string; expectedVersion: number; idempotencyKey?: string; caseType: "REFUND_ONLY" | "RETURN_AND_REFUND"; reasonKey: string; description: string; photos?: File[] },
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const checked = await checkUploads(input.photos ?? []);
  if (!checked.ok) return { ok: false, error: { code: "VALIDATION", message: checked.message, fieldErrors: { photos: [checked.message] } } };
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(
    db,
    user,
    { orderId, expectedVersion, idempotencyKey, command: { type: "REQUEST_RETURN", caseType: input.caseType, reasonKey: input.reasonKey, description: input.description, photoCount: checked.uploads.length }, attach: (tx, link) => storeEvidence(tx, checked.uploads, link) },
    now,
  );
}
