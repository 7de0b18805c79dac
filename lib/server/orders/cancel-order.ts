import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The buyer cancels at once: an unpaid order, an order in its 1-hour window, or one inside the shop's auto-approve window.
 * Runs BUYER_CANCEL: rules ONHOLD-1, WINDOW-1, WINDOW-4, SHIPPED-1 (docs/rules.md#cancellation); why: docs/decisions/004-cancellation-before-shipment.md.
 */
export function cancelOrder(
  user: SessionUser,
  input: VerbInput<"BUYER_CANCEL">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "BUYER_CANCEL", reasonKey: input.reasonKey } }, now);
}
