import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The buyer withdraws their pending cancel request; it cannot be raised again.
 * Runs WITHDRAW_CANCEL_REQUEST: rules REQ-6 (docs/rules.md#cancel-requests); why: docs/decisions/004-cancellation-before-shipment.md.
 */
export function withdrawCancelRequest(
  user: SessionUser,
  input: VerbInput<"WITHDRAW_CANCEL_REQUEST">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "WITHDRAW_CANCEL_REQUEST" } }, now);
}
