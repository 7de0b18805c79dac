import { m } from "@/lib/i18n/message";
import "server-only";
import { systemClock } from "@/lib/clock";
import { AppError, type Result } from "@/lib/errors";
import type { Command } from "@/lib/order";
import { orderScope, type SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runSystemCommand } from "../orders/run-system-command";
import type { OrderCommandResult } from "../orders/run-order-command";
import { runCommand } from "../run-command";
import { appTime } from "../timers/sim-clock";
import { sweepNow } from "../timers/sweeper";

/**
 * The developer controls of an order page: the simulated carrier or payment network acts now
 * ("pick up now", "deliver now", "refund arrives now"), the network delays a refund, or the carrier
 * loses or delays a parcel. They act as
 * the platform (SYSTEM), recorded like every command, on orders the person may see.
 */
export function simulate(user: SessionUser, orderId: string, command: Extract<Command, { type: "HURRY_SIMULATION" | "DELAY_REFUND" | "LOSE_PARCEL" | "DELAY_PARCEL" }>): Promise<Result<OrderCommandResult>> {
  return runCommand(async () => {
    const visible = await db.order.findFirst({ where: { id: orderId, ...orderScope(user) }, select: { id: true } });
    if (!visible) throw new AppError("NOT_FOUND", m("errors.orderNotFound"));
    const result = await runSystemCommand(db, orderId, command, await appTime(db, systemClock, orderScope(user).worldId));
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    // What was brought forward is due now: the timers act on it at once.
    await sweepNow(db);
    return result.value;
  });
}
