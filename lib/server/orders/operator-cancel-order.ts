import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * Platform support cancels an order for potential fraud or risk control.
 * Runs OPERATOR_CANCEL: rules OPERATOR-1 (docs/rules.md#cancellation); why: docs/decisions/004-cancellation-before-shipment.md.
 */
export function operatorCancelOrder(
  user: SessionUser,
  input: VerbInput<"OPERATOR_CANCEL">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "OPERATOR_CANCEL", reasonKey: input.reasonKey } }, now);
}
