import "server-only";
import type { Command } from "@/lib/order/commands";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { checkUploads, stageEvidence } from "../evidence/uploads";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import { worldPhotosFull } from "../evidence/world-photos";

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
  const full = await worldPhotosFull(user, checked.uploads.reduce((sum, upload) => sum + upload.bytes.length, 0));
  if (full) return { ok: false, error: { code: "VALIDATION", message: full, fieldErrors: { photos: [full] } } };
  const { orderId, expectedVersion, idempotencyKey } = input;
  const staged = await stageEvidence(checked.uploads);
  let committed = false;
  try {
    const result = await runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: command(checked.uploads.length), attach: staged.attach }, now);
    committed = result.ok;
    return result;
  } finally {
    await staged.settle(committed);
  }
}
