import "server-only";
import type { Command } from "@/lib/order/commands";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { checkUploads, stageEvidence } from "../evidence/uploads";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";

/**
 * For commands that carry photos: checks the files by their bytes first (a refused upload stores
 * nothing and changes nothing), then runs the command and stores the photos in its transaction,
 * linked to the case or dispute the command touched.
 */
export async function runCommandWithPhotos(
  user: SessionUser,
  input: { orderId: string; expectedVersion: number; idempotencyKey?: string; photos?: File[] },
  command: (photoCount: number) => Command,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const checked = await checkUploads(input.photos ?? []);
  if (!checked.ok) return { ok: false, error: { code: "VALIDATION", message: checked.message, fieldErrors: { photos: [checked.message] } } };
  const { orderId, expectedVersion, idempotencyKey } = input;
  const staged = await stageEvidence(checked.uploads);
  try {
    return await runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: command(checked.uploads.length), attach: staged.attach }, now);
  } finally {
    await staged.discard();
  }
}
