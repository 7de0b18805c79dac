import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The buyer refuses the parcel in transit; the carrier takes it back to the seller.
 * Runs REFUSE_PARCEL: rules REFUSE-1 (docs/rules.md#refused-parcel); why: docs/decisions/005-after-shipment-money-and-cases.md.
 */
export function refuseParcel(
  user: SessionUser,
  input: VerbInput<"REFUSE_PARCEL">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "REFUSE_PARCEL" } }, now);
}
