import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The buyer has shipped the return: with the prepaid label (its carrier and tracking), or self-arranged with a carrier and tracking number.
 * Runs SHIP_RETURN: rules SHIPBACK-1 (docs/rules.md#returns); why: docs/decisions/005-after-shipment-money-and-cases.md.
 */
export function shipReturn(
  user: SessionUser,
  input: VerbInput<"SHIP_RETURN">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "SHIP_RETURN", method: input.method, carrier: input.carrier, trackingNumber: input.trackingNumber } }, now);
}
