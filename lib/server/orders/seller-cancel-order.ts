import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The seller cancels an order for a seller reason (out of stock, pricing error, cannot deliver, buyer asked).
 * Runs SELLER_CANCEL: rules SELLER-1 (docs/rules.md#cancellation); why: docs/decisions/004-cancellation-before-shipment.md.
 */
export function sellerCancelOrder(
  user: SessionUser,
  input: VerbInput<"SELLER_CANCEL">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "SELLER_CANCEL", reasonKey: input.reasonKey } }, now);
}
