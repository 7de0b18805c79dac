import "server-only";
import { AppError, STALE_ORDER_MESSAGE, type Result } from "@/lib/errors";
import { decide, policyFor } from "@/lib/order";
import { orderScope, toActor, type SessionUser } from "../auth/session-user";
import { db } from "../db";
import { applyDecision } from "./apply-decision";
import { orderStateSelect, toOrderState } from "./order-state";
import { runCommand } from "../run-command";

export interface CancelOrderInput {
  orderId: string;
  /** The order version the person saw; a different one means the page is stale. */
  expectedVersion: number;
  reasonKey: string;
}

export interface CancelOrderOutcome {
  status: string;
  refund: { totalMinor: number; currency: string; destination: string; expectedArrivalAt: Date; status: string } | null;
}

/** A buyer cancels their order at once (UNPAID, or ON_HOLD within the remorse window), with a reason. */
export async function cancelOrder(user: SessionUser, input: CancelOrderInput, now: Date): Promise<Result<CancelOrderOutcome>> {
  return runCommand(async () => {
    const row = await db.order.findFirst({ where: { id: input.orderId, ...orderScope(user) }, select: orderStateSelect });
    if (!row) throw new AppError("NOT_FOUND", "We couldn't find that order.");
    if (row.version !== input.expectedVersion) throw new AppError("CONFLICT", STALE_ORDER_MESSAGE);

    const actor = toActor(user);
    const decision = decide(toOrderState(row), { type: "BUYER_CANCEL", reasonKey: input.reasonKey }, actor, now, policyFor(row.policyProfile));
    if (!decision.ok) {
      const { code, reason, field } = decision.error;
      throw new AppError(code, reason, field ? { [field]: [reason] } : undefined);
    }

    const applied = await db.$transaction((tx) => applyDecision(tx, row, decision, actor, now));
    return { status: decision.to, refund: applied.refund };
  });
}
