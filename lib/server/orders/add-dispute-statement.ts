import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import type { OrderCommandResult } from "./run-order-command";
import { runCommandWithPhotos } from "./run-with-photos";
import type { PhotoVerbInput } from "./verb-input";

/**
 * Either side adds a statement and photos to an open dispute.
 * Runs ADD_DISPUTE_STATEMENT: rules DISPUTE-2 (docs/rules.md#disputes); why: docs/decisions/006-disputes-and-proving-the-rules.md.
 */
export async function addDisputeStatement(
  user: SessionUser,
  input: PhotoVerbInput<"ADD_DISPUTE_STATEMENT">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  return runCommandWithPhotos(user, input, (photoCount) => ({ type: "ADD_DISPUTE_STATEMENT", disputeId: input.disputeId, statement: input.statement, photoCount }), now);
}
