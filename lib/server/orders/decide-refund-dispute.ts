import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * Platform support decides an overdue-refund dispute: pay it to the wallet, or dismiss.
 * Runs DECIDE_REFUND_DISPUTE: rules DISPUTE-4 (docs/rules.md#disputes); why: docs/decisions/006-disputes-and-proving-the-rules.md.
 */
export function decideRefundDispute(
  user: SessionUser,
  input: VerbInput<"DECIDE_REFUND_DISPUTE">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "DECIDE_REFUND_DISPUTE", disputeId: input.disputeId, outcome: input.outcome, rationale: input.rationale } }, now);
}
