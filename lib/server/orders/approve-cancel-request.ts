import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The seller approves the buyer's cancel request: the order is cancelled and refunded.
 * Runs APPROVE_CANCEL_REQUEST: rules REQ-4 (docs/rules.md#cancel-requests); why: docs/decisions/004-cancellation-before-shipment.md.
 */
export function approveCancelRequest(
  user: SessionUser,
  input: VerbInput<"APPROVE_CANCEL_REQUEST">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "APPROVE_CANCEL_REQUEST" } }, now);
}
