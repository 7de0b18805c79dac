import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import type { OrderCommandResult } from "./run-order-command";
import { runCommandWithPhotos } from "./run-with-photos";
import type { PhotoVerbInput } from "./verb-input";

/**
 * The seller rejects the returned item with a reason and photos; the buyer may escalate.
 * Runs REJECT_RETURNED_PARCEL: rules INSPECT-2 (docs/rules.md#returns); why: docs/decisions/005-after-shipment-money-and-cases.md.
 */
export async function rejectReturnedParcel(
  user: SessionUser,
  input: PhotoVerbInput<"REJECT_RETURNED_PARCEL">,
  now: Date,
): Promise<Result<OrderCommandResult>> {
  return runCommandWithPhotos(user, input, (photoCount) => ({ type: "REJECT_RETURNED_PARCEL", reasonKey: input.reasonKey, photoCount }), now);
}
