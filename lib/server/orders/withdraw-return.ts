import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The buyer withdraws their open refund or return request.
 * Runs WITHDRAW_RETURN: rules WITHDRAW-1 (docs/rules.md#returns); why: docs/decisions/005-after-shipment-money-and-cases.md.
 */
export function withdrawReturn(
  user: SessionUser,
  input: VerbInput<"WITHDRAW_RETURN">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "WITHDRAW_RETURN" } }, now);
}
