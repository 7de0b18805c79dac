import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The buyer pays an unpaid order (simulated payment to the original method).
 * Runs PAY: rules PAY-1, UNPAID-2 (docs/rules.md#statuses); why: docs/decisions/004-cancellation-before-shipment.md.
 */
export function payOrder(
  user: SessionUser,
  input: VerbInput<"PAY">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "PAY" } }, now);
}
