import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The seller accepts the returned item: the buyer is refunded.
 * Runs ACCEPT_RETURNED_PARCEL: rules INSPECT-1, MONEY-1, MONEY-2 (docs/rules.md#returns); why: docs/decisions/005-after-shipment-money-and-cases.md.
 */
export function acceptReturnedParcel(
  user: SessionUser,
  input: VerbInput<"ACCEPT_RETURNED_PARCEL">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "ACCEPT_RETURNED_PARCEL" } }, now);
}
