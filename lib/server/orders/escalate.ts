import "server-only";
import type { Result } from "@/lib/errors";
import type { SessionUser } from "../auth/session-user";
import type { OrderCommandResult } from "./run-order-command";
import { runCommandWithPhotos } from "./run-with-photos";

/** The buyer asks platform support to decide, with a statement and photos. */
export async function escalate(
  user: SessionUser,
  input: { orderId: string; expectedVersion: number; idempotencyKey?: string; subject: "CASE" | "CANCEL_REQUEST" | "REFUND"; refundKey: string | undefined; statement: string; photos?: File[] },
  now: Date,
): Promise<Result<OrderCommandResult>> {
  return runCommandWithPhotos(user, input, (photoCount) => ({ type: "ESCALATE", subject: input.subject, refundKey: input.refundKey, statement: input.statement, photoCount }), now);
}
