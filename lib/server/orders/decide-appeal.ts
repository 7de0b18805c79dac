import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * Another platform support agent decides the seller's appeal.
 * Runs DECIDE_APPEAL: rules APPEAL-1, APPEAL-2 (docs/rules.md#disputes); why: docs/decisions/006-disputes-and-proving-the-rules.md.
 */
export function decideAppeal(
  user: SessionUser,
  input: VerbInput<"DECIDE_APPEAL">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(db, user, { orderId, expectedVersion, idempotencyKey, command: { type: "DECIDE_APPEAL", disputeId: input.disputeId, outcome: input.outcome, rationale: input.rationale } }, now);
}
