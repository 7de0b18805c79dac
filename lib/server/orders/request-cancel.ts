import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The buyer asks the seller to cancel an order being processed (approved at once after the dispatch deadline).
 * Runs REQUEST_CANCEL: rules WINDOW-1, WINDOW-3, REQ-3, REQ-6, REQ-9 (docs/rules.md#cancellation); why: docs/decisions/004-cancellation-before-shipment.md.
 */
export function requestCancel(
  user: SessionUser,
  input: VerbInput<"REQUEST_CANCEL">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "REQUEST_CANCEL", reasonKey: input.reasonKey } }, now);
}
