import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The seller confirms the refused parcel is back: the buyer is refunded, less return postage.
 * Runs CONFIRM_REFUSED_PARCEL: rules REFUSE-1 (docs/rules.md#refused-parcel); why: docs/decisions/005-after-shipment-money-and-cases.md.
 */
export function confirmRefusedParcel(
  user: SessionUser,
  input: VerbInput<"CONFIRM_REFUSED_PARCEL">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "CONFIRM_REFUSED_PARCEL" } }, now);
}
