import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The seller rejects a refund or return request with a reason; the buyer may escalate.
 * Runs REJECT_RETURN: rules CASE-4 (docs/rules.md#returns); why: docs/decisions/005-after-shipment-money-and-cases.md.
 */
export function rejectReturn(
  user: SessionUser,
  input: VerbInput<"REJECT_RETURN">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "REJECT_RETURN", reasonKey: input.reasonKey } }, now);
}
