import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The seller arranges shipment; the carrier picks the parcel up later (US: rejects a pending cancel request).
 * Runs ARRANGE_SHIPMENT: rules ONHOLD-2, REQ-7, DISPATCH-1 (docs/rules.md#cancellation); why: docs/decisions/004-cancellation-before-shipment.md.
 */
export function arrangeShipment(
  user: SessionUser,
  input: VerbInput<"ARRANGE_SHIPMENT">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "ARRANGE_SHIPMENT" } }, now);
}
