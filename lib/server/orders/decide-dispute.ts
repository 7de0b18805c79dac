import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * Platform support decides a dispute about a request or a cancel request, with a rationale.
 * Runs DECIDE_DISPUTE: rules DISPUTE-3, DECIDE-1 (docs/rules.md#disputes); why: docs/decisions/006-disputes-and-proving-the-rules.md.
 */
export function decideDispute(
  user: SessionUser,
  input: VerbInput<"DECIDE_DISPUTE">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "DECIDE_DISPUTE", disputeId: input.disputeId, outcome: input.outcome, amountMinor: input.amountMinor, returnRequired: input.returnRequired, rationale: input.rationale } }, now);
}
