import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The seller rejects the buyer's cancel request with a reason.
 * Runs REJECT_CANCEL_REQUEST: rules REQ-5 (docs/rules.md#cancel-requests); why: docs/decisions/004-cancellation-before-shipment.md.
 */
export function rejectCancelRequest(
  user: SessionUser,
  input: VerbInput<"REJECT_CANCEL_REQUEST">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "REJECT_CANCEL_REQUEST", reasonKey: input.reasonKey } }, now);
}
