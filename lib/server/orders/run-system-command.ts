import type { Result } from "@/lib/errors";
import type { Command } from "@/lib/order";
import type { Db } from "../prisma";
import { SYSTEM_ACTOR, runOrderCommand, type OrderCommandResult } from "./run-order-command";

/**
 * The platform's own commands: the timers, the simulated carrier and the payment network. They act
 * on the order as it is (no version from a page) and the rules decide whether they still apply.
 */
export function runSystemCommand(db: Db, orderId: string, command: Command, now: Date): Promise<Result<OrderCommandResult>> {
  return runOrderCommand(db, SYSTEM_ACTOR, { orderId, command }, now);
}
