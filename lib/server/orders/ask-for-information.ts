import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runOrderCommand, type OrderCommandResult } from "./run-order-command";
import type { VerbInput } from "./verb-input";

/**
 * Platform support asks the buyer or the seller for more information on an open dispute, with an answer target.
 * Runs ASK_FOR_INFORMATION: rule CASEWORK-2 (docs/rules.md#disputes); why: docs/decisions/017-support-workbench.md.
 */
export function askForInformation(user: SessionUser, input: VerbInput<"ASK_FOR_INFORMATION">, now: Date): Promise<Result<OrderCommandResult>> {
  const { orderId, expectedVersion, idempotencyKey } = input;
  return runOrderCommand(
    db,
    user,
    { orderId, expectedVersion, idempotencyKey, command: { type: "ASK_FOR_INFORMATION", disputeId: input.disputeId, party: input.party, question: input.question } },
    now,
  );
}
