import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import type { OrderCommandResult } from "./run-order-command";
import { runCommandWithPhotos } from "./run-with-photos";
import type { PhotoVerbInput } from "./verb-input";

/**
 * The buyer asks for a refund only or a return and refund (with photos), or before delivery (US) a refund because it won't arrive on time.
 * Runs REQUEST_RETURN: rules CASE-1, CASE-2, CASE-3, PREDELIVERY-1 (docs/rules.md#returns); why: docs/decisions/005-after-shipment-money-and-cases.md.
 */
export async function requestReturn(
  user: SessionUser,
  input: PhotoVerbInput<"REQUEST_RETURN">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  return runCommandWithPhotos(user, input, (photoCount) => ({ type: "REQUEST_RETURN", caseType: input.caseType, reasonKey: input.reasonKey, description: input.description, photoCount }), now);
}
