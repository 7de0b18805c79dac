import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The buyer accepts the seller's partial refund and keeps the item.
 * Runs ACCEPT_OFFER: rules OFFER-1 (docs/rules.md#returns); why: docs/decisions/005-after-shipment-money-and-cases.md.
 */
export function acceptOffer(
  user: SessionUser,
  input: VerbInput<"ACCEPT_OFFER">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "ACCEPT_OFFER" } }, now);
}
