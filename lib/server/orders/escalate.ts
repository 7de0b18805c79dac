import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import type { OrderCommandResult } from "./run-order-command";
import { runCommandWithPhotos } from "./run-with-photos";
import type { PhotoVerbInput } from "./verb-input";

/**
 * The buyer asks platform support to decide, with a statement and photos.
 * Runs ESCALATE: rules DISPUTE-1, DISPUTE-3, DISPUTE-4 (docs/rules.md#disputes); why: docs/decisions/006-disputes-and-proving-the-rules.md.
 */
export async function escalate(
  user: SessionUser,
  input: PhotoVerbInput<"ESCALATE">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  return runCommandWithPhotos(user, input, (photoCount) => ({ type: "ESCALATE", subject: input.subject, refundKey: input.refundKey, statement: input.statement, photoCount }), now);
}
