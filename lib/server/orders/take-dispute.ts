import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * A platform support agent takes a dispute or an appeal, or takes it over from another agent with a reason.
 * Runs TAKE_DISPUTE: rule CASEWORK-1 (docs/rules.md#disputes); why: docs/decisions/017-support-workbench.md.
 */
export function takeDispute(user: SessionUser, input: VerbInput<"TAKE_DISPUTE">, now: Date): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "TAKE_DISPUTE", disputeId: input.disputeId, reason: input.reason } }, now);
}
