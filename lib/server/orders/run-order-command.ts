/**
 * The command runner every order service uses: load the order as the actor may see it, ask the rule
 * engine, and carry out its decision in one transaction guarded by the order's version, with the
 * idempotency key stored beside the result. A replayed key returns the first result and does nothing.
 */
import { AppError, STALE_ORDER_MESSAGE, type Result } from "@/lib/errors";
import { decide, policyFor, type Actor, type Command, type OrderStatus } from "@/lib/order";
import { orderScope, toActor, type SessionUser } from "../auth/session-user";
import { isUniqueViolation, type Db, type Tx } from "../prisma";
import { runCommand } from "../run-command";
import { applyDecision } from "./apply-decision";
import { orderStateSelect, toOrderState } from "./order-state";

/** The platform's own timers and simulated carrier/payment network act as SYSTEM. */
export const SYSTEM_ACTOR = { system: true } as const;
export type CommandActor = SessionUser | typeof SYSTEM_ACTOR;

export interface OrderCommandRequest {
  orderId: string;
  /** The order version the person saw; a different one means their page is stale. Timers leave it out. */
  expectedVersion?: number;
  /** From the form: the same key sent twice is the same command, done once. */
  idempotencyKey?: string;
  command: Command;
  /**
   * Writes what belongs with the command (uploaded evidence) inside its transaction, once the rules
   * have accepted it; told which case and dispute the command touched.
   */
  attach?: (tx: Tx, link: { orderId: string; caseId: string | null; disputeId: string | null; actor: Actor; now: Date }) => Promise<void>;
}

export interface OrderCommandResult {
  orderId: string;
  status: OrderStatus;
  version: number;
  summary: string;
  refund: { totalMinor: number; currency: string; destination: string; expectedArrivalAt: string; status: string } | null;
}

function actorOf(who: CommandActor): { actor: Actor; id: string; scope: ReturnType<typeof orderScope> } {
  if ("system" in who) return { actor: { role: "SYSTEM", id: null }, id: "system", scope: {} };
  return { actor: toActor(who), id: who.id, scope: orderScope(who) };
}

export async function runOrderCommand(db: Db, who: CommandActor, request: OrderCommandRequest, now: Date): Promise<Result<OrderCommandResult>> {
  const { actor, id: actorId, scope } = actorOf(who);
  return runCommand(async () => {
    if (request.idempotencyKey) {
      const replay = await replayed(db, request.idempotencyKey, actorId, request.orderId);
      if (replay) return replay;
    }
    const row = await db.order.findFirst({ where: { id: request.orderId, ...scope }, select: { ...orderStateSelect, updatedAt: true } });
    if (!row) throw new AppError("NOT_FOUND", "We couldn't find that order.");
    if (request.expectedVersion !== undefined && row.version !== request.expectedVersion) throw new AppError("CONFLICT", STALE_ORDER_MESSAGE);

    // History only moves forward: a timer that fires after someone already changed the order acts at that moment.
    let at = now;
    if (now.getTime() < row.updatedAt.getTime()) {
      if (actor.role !== "SYSTEM") throw new Error(`A command for order ${row.code} at ${now.toISOString()} is before its last change at ${row.updatedAt.toISOString()}`);
      at = row.updatedAt;
    }
    const state = toOrderState(row);
    const decision = decide(state, request.command, actor, at, policyFor(row.policyProfile));
    if (!decision.ok) {
      const { code, reason, field } = decision.error;
      throw new AppError(code, reason, field ? { [field]: [reason] } : undefined);
    }

    try {
      return await db.$transaction(async (tx) => {
        const applied = await applyDecision(tx, row, state, request.command, decision, actor, at);
        await request.attach?.(tx, { orderId: row.id, caseId: decision.returnCase?.id ?? null, disputeId: decision.dispute?.id ?? null, actor, now: at });
        const result: OrderCommandResult = {
          orderId: row.id,
          status: decision.to,
          version: row.version + 1,
          summary: decision.event.summary,
          refund: applied.refund
            ? { ...applied.refund, expectedArrivalAt: applied.refund.expectedArrivalAt.toISOString() }
            : null,
        };
        if (request.idempotencyKey) {
          await tx.idempotencyKey.create({
            data: { key: request.idempotencyKey, actorId, orderId: row.id, command: request.command.type, result: JSON.stringify(result), createdAt: at },
          });
        }
        return result;
      });
    } catch (error) {
      // The same key raced itself (a double click reaching two servers): the first one's result stands.
      if (request.idempotencyKey && isUniqueViolation(error)) {
        const replay = await replayed(db, request.idempotencyKey, actorId, request.orderId);
        if (replay) return replay;
      }
      throw error;
    }
  });
}

async function replayed(db: Db, key: string, actorId: string, orderId: string): Promise<OrderCommandResult | null> {
  const stored = await db.idempotencyKey.findUnique({ where: { key } });
  if (!stored) return null;
  // A key belongs to one person's one command on one order: anything else is not a replay.
  if (stored.actorId !== actorId || stored.orderId !== orderId) throw new AppError("CONFLICT", "This form was already used. Reload the page and try again.");
  return JSON.parse(stored.result) as OrderCommandResult;
}
