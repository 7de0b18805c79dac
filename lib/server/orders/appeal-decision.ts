import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * The seller appeals a decision for the buyer within 7 days.
 * Runs APPEAL_DECISION: rules APPEAL-1 (docs/rules.md#disputes); why: docs/decisions/006-disputes-and-proving-the-rules.md.
 */
export function appealDecision(
  user: SessionUser,
  input: VerbInput<"APPEAL_DECISION">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "APPEAL_DECISION", disputeId: input.disputeId, statement: input.statement } }, now);
}
