import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The seller approves a refund or return request (refund only: refunded now).
 * Runs APPROVE_RETURN: rules CASE-1, MONEY-3, PREDELIVERY-1 (docs/rules.md#returns); why: docs/decisions/005-after-shipment-money-and-cases.md.
 */
export function approveReturn(
  user: SessionUser,
  input: VerbInput<"APPROVE_RETURN">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "APPROVE_RETURN" } }, now);
}
