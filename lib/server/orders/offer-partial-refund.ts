import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The seller offers a partial refund instead; the buyer keeps the item if they accept.
 * Runs OFFER_PARTIAL_REFUND: rules OFFER-1, OFFER-3 (docs/rules.md#returns); why: docs/decisions/005-after-shipment-money-and-cases.md.
 */
export function offerPartialRefund(
  user: SessionUser,
  input: VerbInput<"OFFER_PARTIAL_REFUND">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "OFFER_PARTIAL_REFUND", amountMinor: input.amountMinor } }, now);
}
