import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";

/** The buyer refuses the parcel in transit; the carrier takes it back to the seller. */
export function refuseParcel(
  user: SessionUser,
  input: { orderId: string; expectedVersion: number; idempotencyKey?: string },
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "REFUSE_PARCEL" } }, now);
}
